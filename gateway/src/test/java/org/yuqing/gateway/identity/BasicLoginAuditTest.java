package org.yuqing.gateway.identity;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yuqing.gateway.ClockedGatewayTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.gateway.GatewayClient.basic;

class BasicLoginAuditTest extends ClockedGatewayTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void repeated_basic_requests_record_one_login_success_per_login_and_address_per_ten_minutes() {
        String client = newUser("script", List.of("district"), List.of("MONITOR"));
        String other = newUser("script", List.of("district"), List.of("MONITOR"));

        for (int i = 0; i < 3; i++) {
            assertThat(api(basicOf(client)).statusCode()).isEqualTo(200);
        }
        long firstMinute = successes(client);
        clock.advance(Duration.ofMinutes(9));
        api(basicOf(client));
        long afterNineMinutes = successes(client);
        clock.advance(Duration.ofMinutes(1));
        api(basicOf(client));
        api(basicOf(client));
        long afterTenMinutes = successes(client);
        api(basicOf(other));

        assertThat(firstMinute).isEqualTo(1);
        assertThat(afterNineMinutes).isEqualTo(1);
        assertThat(afterTenMinutes).isEqualTo(2);
        assertThat(successes(other)).as("another login has its own line").isEqualTo(1);
        assertThat(storedSuccesses(client)).as("the stored audit follows the log").isEqualTo(2);
    }

    @Test
    void failed_basic_logins_are_recorded_every_time_and_form_logins_each_time() {
        String client = newUser("script", List.of("district"), List.of("MONITOR"));
        api(basicOf(client));

        for (int i = 0; i < 3; i++) {
            assertThat(api(basic(client, "wrong-password-" + i)).statusCode()).isEqualTo(401);
        }
        api(basicOf(client));
        logIn(client, org.yuqing.gateway.TestUsers.PASSWORD);
        logIn(client, org.yuqing.gateway.TestUsers.PASSWORD);

        assertThat(auditLines("action=\"LOGIN_FAILURE\"", "who=\"" + client + "\"", "detail=\"basic")).isEqualTo(3);
        assertThat(auditLines("action=\"LOGIN_SUCCESS\"", "who=\"" + client + "\"", "detail=\"basic\""))
                .isEqualTo(1);
        assertThat(auditLines("action=\"LOGIN_SUCCESS\"", "who=\"" + client + "\"", "detail=\"form\""))
                .isEqualTo(2);
    }

    private HttpResponse<String> api(String authorization) {
        return gateway.send("GET", "/api/casework/cases", "Authorization", authorization);
    }

    private long successes(String login) {
        return auditLines("action=\"LOGIN_SUCCESS\"", "who=\"" + login + "\"");
    }

    private long storedSuccesses(String login) {
        Long count = jdbc.queryForObject("select count(*) from identity.audit_event where actor = ? and action = ?",
                Long.class, login, "LOGIN_SUCCESS");
        return count == null ? 0 : count;
    }
}
