package org.yuqing.gateway.identity;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yuqing.gateway.ClockedGatewayTest;
import org.yuqing.gateway.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.gateway.GatewayClient.basic;
import static org.yuqing.gateway.GatewayClient.json;
import static org.yuqing.gateway.GatewayClient.relayedSubject;

/**
 * Each test has a unit of its own with an administrator and two users, each with the password
 * {@link TestUsers#PASSWORD}.
 */
class SessionEndTest extends ClockedGatewayTest {

    String unit;
    String admin;
    String user;
    String colleague;

    @BeforeEach
    void directory() {
        unit = TestUsers.unique("sess");
        TestUsers.unit(db, unit, null);
        admin = newUser("admin", List.of(unit), List.of("ADMIN"));
        user = newUser("user", List.of(unit), List.of("MONITOR"));
        colleague = newUser("colleague", List.of(unit), List.of("MONITOR"));
    }

    @Test
    void a_session_is_logged_out_at_its_next_request_once_an_admin_disables_its_user() {
        String session = logIn(user, TestUsers.PASSWORD);
        HttpResponse<String> before = page(session);

        HttpResponse<String> disabled = adminCall("PUT", "/api/identity/users/" + user, "{\"enabled\":false}");
        HttpResponse<String> pageAfter = page(session);
        HttpResponse<String> apiAfter = me(session);
        adminCall("PUT", "/api/identity/users/" + user, "{\"enabled\":true}");
        HttpResponse<String> afterReEnabling = me(session);

        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(relayedSubject(json(before))).isEqualTo(user);
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(pageAfter.statusCode()).isEqualTo(302);
        assertThat(pageAfter.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
        assertThat(apiAfter.statusCode()).isEqualTo(401);
        assertThat(afterReEnabling.statusCode()).as("an ended session stays ended").isEqualTo(401);
        assertThat(auditLines("action=\"SESSION_EXPIRED\"", "outcome=\"REVOKED\"", "who=\"" + user + "\"",
                "detail=\"account disabled\"")).isEqualTo(1);
    }

    @Test
    void a_password_set_by_an_admin_ends_the_users_sessions_and_no_one_elses() {
        String session = logIn(user, TestUsers.PASSWORD);
        String secondSession = logIn(user, TestUsers.PASSWORD);
        String colleagues = logIn(colleague, TestUsers.PASSWORD);

        HttpResponse<String> set = adminCall("POST", "/api/identity/users/" + user + "/password",
                "{\"newPassword\":\"set-by-admin-7\"}");

        assertThat(set.statusCode()).isEqualTo(204);
        assertThat(me(session).statusCode()).isEqualTo(401);
        assertThat(page(secondSession).statusCode()).isEqualTo(302);
        assertThat(me(colleagues).statusCode()).isEqualTo(200);
        String again = logIn(user, "set-by-admin-7");
        assertThat(json(me(again)).get("login").asString()).isEqualTo(user);
        assertThat(auditLines("action=\"SESSION_EXPIRED\"", "outcome=\"REVOKED\"", "who=\"" + user + "\"",
                "detail=\"password changed\"")).isEqualTo(2);
    }

    @Test
    void a_users_own_password_change_over_http_basic_ends_every_console_session_of_theirs() {
        String session = logIn(user, TestUsers.PASSWORD);

        HttpResponse<String> changed = gateway.send("POST", "/api/identity/me/password",
                HttpRequest.BodyPublishers.ofString("{\"currentPassword\":\"" + TestUsers.PASSWORD
                        + "\",\"newPassword\":\"my-own-new-one-3\"}"),
                "Content-Type", "application/json", "Authorization", basicOf(user));

        assertThat(changed.statusCode()).isEqualTo(204);
        assertThat(page(session).statusCode()).isEqualTo(302);
        assertThat(gateway.send("GET", "/api/me", "Authorization", basic(user, "my-own-new-one-3")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void the_session_that_changes_its_own_password_goes_on_under_a_new_id_and_the_others_end() {
        String session = logIn(user, TestUsers.PASSWORD);
        String otherSession = logIn(user, TestUsers.PASSWORD);
        String xsrf = cookie(me(session), "XSRF-TOKEN").orElseThrow();

        HttpResponse<String> changed = gateway.send("POST", "/api/identity/me/password",
                HttpRequest.BodyPublishers.ofString("{\"currentPassword\":\"" + TestUsers.PASSWORD
                        + "\",\"newPassword\":\"my-own-new-one-4\"}"),
                "Content-Type", "application/json", "Cookie", "YUQING_SESSION=" + session + "; XSRF-TOKEN=" + xsrf,
                "X-XSRF-TOKEN", xsrf);
        String renewed = cookie(changed, "YUQING_SESSION").orElseThrow(
                () -> new AssertionError("no new session id after the password change"));

        assertThat(changed.statusCode()).isEqualTo(204);
        assertThat(renewed).isNotEqualTo(session);
        assertThat(me(renewed).statusCode()).isEqualTo(200);
        assertThat(relayedSubject(json(page(renewed)))).isEqualTo(user);
        assertThat(me(session).statusCode()).as("the old id is gone").isEqualTo(401);
        assertThat(me(otherSession).statusCode()).isEqualTo(401);
    }

    @Test
    void changing_a_users_name_or_roles_does_not_end_their_session() {
        String session = logIn(user, TestUsers.PASSWORD);

        adminCall("PUT", "/api/identity/users/" + user, "{\"name\":\"新名字\",\"roles\":[\"ANALYST\"]}");

        assertThat(me(session).statusCode()).isEqualTo(200);
        assertThat(json(me(session)).get("roles").values()).extracting(node -> node.asString())
                .containsExactly("ANALYST");
    }

    private HttpResponse<String> page(String session) {
        return gateway.send("GET", "/cases", "Cookie", "YUQING_SESSION=" + session);
    }

    private HttpResponse<String> me(String session) {
        return gateway.send("GET", "/api/me", "Cookie", "YUQING_SESSION=" + session);
    }

    private HttpResponse<String> adminCall(String method, String path, String body) {
        return gateway.send(method, path, HttpRequest.BodyPublishers.ofString(body),
                "Content-Type", "application/json", "Authorization", basicOf(admin));
    }
}
