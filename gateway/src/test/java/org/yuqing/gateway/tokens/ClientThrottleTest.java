package org.yuqing.gateway.tokens;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yuqing.gateway.ClockedGatewayTest;
import org.yuqing.gateway.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.gateway.GatewayClient.basic;
import static org.yuqing.gateway.GatewayClient.form;
import static org.yuqing.gateway.GatewayClient.json;

class ClientThrottleTest extends ClockedGatewayTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Map<String, String> CLIENT_CREDENTIALS = Map.of("grant_type", "client_credentials");

    @Test
    void five_wrong_secrets_lock_the_client_id_and_then_even_the_right_secret_gets_429_with_retry_after() {
        for (int i = 0; i < 5; i++) {
            assertThat(service("wrong-secret-" + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> locked = service(SERVICE_SECRET);
        HttpResponse<String> otherClient = crawler(CRAWLER_SECRET);

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).hasValue("900");
        assertThat(locked.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(json(locked).get("error").asString()).isEqualTo("slow_down");
        assertThat(json(locked).get("error_description").asString()).contains("锁定");
        assertThat(locked.body()).doesNotContain("access_token");
        assertThat(otherClient.statusCode()).as("another client id is not locked").isEqualTo(200);
        assertThat(auditLines("action=\"LOCKOUT\"", "who=\"test-service\"", "ip=\"127.0.0.1\"",
                "path=\"/oauth2/token\"")).isEqualTo(1);
        assertThat(auditLines("action=\"CLIENT_AUTH_REFUSED\"", "outcome=\"LOCKED\"", "who=\"test-service\""))
                .isEqualTo(1);
        assertThat(auditLines("action=\"DENIED\"", "outcome=\"429\"", "path=\"/oauth2/token\"")).isEqualTo(1);
    }

    @Test
    void a_locked_client_id_is_released_after_the_lock_duration() {
        for (int i = 0; i < 5; i++) {
            service("wrong-secret-" + i);
        }

        clock.advance(Duration.ofMinutes(14));
        HttpResponse<String> stillLocked = service(SERVICE_SECRET);
        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> released = service(SERVICE_SECRET);

        assertThat(stillLocked.statusCode()).isEqualTo(429);
        assertThat(stillLocked.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(json(released).get("access_token").asString()).isNotBlank();
    }

    @Test
    void four_failures_do_not_lock_and_a_token_issued_starts_the_count_again() {
        for (int i = 0; i < 4; i++) {
            assertThat(crawler("wrong-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(crawler(CRAWLER_SECRET).statusCode()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(crawler("wrong-" + i).statusCode()).isEqualTo(401);
        }

        assertThat(crawler(CRAWLER_SECRET).statusCode()).isEqualTo(200);
        assertThat(auditLines("action=\"CLIENT_AUTH_FAILURE\"", "who=\"test-crawler\"")).as("every failure")
                .isEqualTo(8);
    }

    @Test
    void an_unknown_client_id_is_locked_like_a_configured_one_so_answers_reveal_no_clients() {
        String unknown = TestUsers.unique("no-such-client");
        for (int i = 0; i < 5; i++) {
            assertThat(client(unknown, SERVICE_SECRET).statusCode()).isEqualTo(401);
        }

        assertThat(client(unknown, SERVICE_SECRET).statusCode()).isEqualTo(429);
        assertThat(service(SERVICE_SECRET).statusCode()).isEqualTo(200);
    }

    @Test
    void twenty_failures_from_one_address_get_429_for_every_client_until_the_oldest_failure_leaves_the_window() {
        String user = newUser("api", List.of("district"), List.of("MONITOR"));
        for (int i = 0; i < 20; i++) {
            assertThat(client(TestUsers.unique("guess"), "guess-" + i).statusCode()).isEqualTo(401);
            clock.advance(Duration.ofSeconds(10));
        }

        HttpResponse<String> throttled = crawler(CRAWLER_SECRET);
        HttpResponse<String> userLogin = gateway.send("GET", "/api/me", "Authorization", basicOf(user));
        clock.advance(Duration.ofMinutes(15).minusSeconds(200));
        HttpResponse<String> afterOldestFailureLeftTheWindow = crawler(CRAWLER_SECRET);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue(Long.toString(15 * 60 - 200));
        assertThat(json(throttled).get("error").asString()).isEqualTo("slow_down");
        assertThat(userLogin.statusCode()).as("people's logins are counted apart from clients").isEqualTo(200);
        assertThat(afterOldestFailureLeftTheWindow.statusCode()).isEqualTo(200);
        assertThat(auditLines("action=\"CLIENT_AUTH_REFUSED\"", "outcome=\"CLIENT_THROTTLED\"",
                "who=\"test-crawler\"", "ip=\"127.0.0.1\"")).isEqualTo(1);
    }

    @Test
    void requests_without_any_client_credentials_count_against_the_address() {
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> anonymous = gateway.send("POST", "/oauth2/token", form(CLIENT_CREDENTIALS),
                    "Content-Type", FORM);
            assertThat(anonymous.statusCode()).isEqualTo(401);
        }

        assertThat(service(SERVICE_SECRET).statusCode()).isEqualTo(429);
    }

    private HttpResponse<String> service(String secret) {
        return client("test-service", secret);
    }

    /** The crawler authenticates in the form, the other way RFC 6749 allows. */
    private HttpResponse<String> crawler(String secret) {
        return gateway.send("POST", "/oauth2/token", form(Map.of("grant_type", "client_credentials",
                "client_id", "test-crawler", "client_secret", secret)), "Content-Type", FORM);
    }

    private HttpResponse<String> client(String id, String secret) {
        return gateway.send("POST", "/oauth2/token", form(CLIENT_CREDENTIALS), "Content-Type", FORM,
                "Authorization", basic(id, secret));
    }
}
