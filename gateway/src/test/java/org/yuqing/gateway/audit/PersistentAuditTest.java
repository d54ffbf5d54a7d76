package org.yuqing.gateway.audit;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yuqing.gateway.GatewayIntegrationTest;
import org.yuqing.gateway.TestUsers;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.gateway.GatewayClient.basic;
import static org.yuqing.gateway.GatewayClient.json;

class PersistentAuditTest extends GatewayIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void logins_failures_denials_and_user_changes_land_in_identity_audit_event() {
        String admin = newUser("aud", List.of("district-emergency"), List.of("ADMIN"));
        String user = newUser("aud", List.of("district-emergency"), List.of("MONITOR"));

        gateway.send("GET", "/api/casework/cases", "Authorization", basic(user, "not-the-password"));
        logIn(user, TestUsers.PASSWORD);
        gateway.send("GET", "/api/identity/users", "Authorization", basicOf(user));
        gateway.send("PUT", "/api/identity/users/" + user, HttpRequest.BodyPublishers.ofString("{\"roles\":[\"ANALYST\"]}"),
                "Content-Type", "application/json", "Authorization", basicOf(admin));

        List<Map<String, Object>> rows = jdbc.queryForList("select actor, action, target, outcome, client_address, "
                + "detail from identity.audit_event where actor in (?, ?) order by id", user, admin);
        assertThat(rows).anySatisfy(row -> assertThat(row).containsEntry("actor", user)
                .containsEntry("action", "LOGIN_FAILURE").containsEntry("client_address", "127.0.0.1"));
        assertThat(rows).anySatisfy(row -> assertThat(row).containsEntry("actor", user)
                .containsEntry("action", "LOGIN_SUCCESS").containsEntry("target", "POST /login"));
        assertThat(rows).anySatisfy(row -> assertThat(row).containsEntry("actor", user)
                .containsEntry("action", "DENIED").containsEntry("outcome", "403")
                .containsEntry("target", "GET /api/identity/users"));
        assertThat(rows).anySatisfy(row -> assertThat(row).containsEntry("actor", admin)
                .containsEntry("action", "USER_CHANGE").containsEntry("outcome", "DONE")
                .containsEntry("target", "PUT /api/identity/users/" + user)
                .satisfies(r -> assertThat(String.valueOf(r.get("detail"))).contains("[MONITOR] -> [ANALYST]")));
        assertThat(rows).allSatisfy(row -> assertThat(String.valueOf(row.get("detail")))
                .doesNotContain("not-the-password", TestUsers.PASSWORD));
    }

    @Test
    void the_audit_is_append_only_and_readable_by_admins_through_the_api() {
        String admin = newUser("reader", List.of("district"), List.of("ADMIN"));
        gateway.send("GET", "/api/casework/cases", "Authorization", basic(admin, "wrong-password-9"));
        long last = jdbc.queryForObject("select max(id) from identity.audit_event", Long.class);

        HttpResponse<String> page = gateway.send("GET", "/api/identity/audit?after=" + (last - 1) + "&limit=5",
                "Authorization", basicOf(admin));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(json(page).values()).extracting(node -> node.get("id").asLong()).contains(last);
        JsonNode first = json(page).get(0);
        assertThat(first.has("occurredAt")).isTrue();
        assertThat(first.has("actor")).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> jdbc.update("delete from identity.audit_event where id = ?", last))
                .hasMessageContaining("append-only");
    }
}
