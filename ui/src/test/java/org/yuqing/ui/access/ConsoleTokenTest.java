package org.yuqing.ui.access;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;
import org.yuqing.ui.ConsoleHttpTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console validates the token itself, directly (bypassing the gateway): without a valid one nothing of it is
 * served, not its pages, not its resources, not Vaadin's own requests.
 */
class ConsoleTokenTest extends ConsoleHttpTestSupport {

    private static final List<String> PATHS = List.of("/", "/cases", "/search", "/users", "/units", "/audit",
            "/VAADIN/build/nothing.js", "/?v-r=init&location=users", "/api/ui/audit");

    private final TestTokens tokens = TestTokens.shared();

    @Test
    void a_request_without_a_token_is_refused_with_401_problem_json_on_every_path() throws Exception {
        for (String path : PATHS) {
            HttpResponse<String> answer = call("GET", path, null);

            assertThat(answer.statusCode()).as(path).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).as(path)
                    .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
            assertThat(answer.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(value -> assertThat(value).startsWith("application/problem+json"));
            assertThat(answer.body()).as(path).doesNotContain("outlet");
        }
        assertThat(call("POST", "/?v-r=uidl&v-uiId=0", null).statusCode()).isEqualTo(401);
    }

    @Test
    void expired_forged_unsigned_foreign_wrong_issuer_and_wrong_audience_tokens_are_refused() throws Exception {
        String valid = tokens.user("li").units("east").token();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("expired", tokens.user("li").units("east").expired(Duration.ofMinutes(5)).token());
        bad.put("tampered", TestTokens.tampered(valid));
        bad.put("unsigned", TestTokens.unsigned(valid));
        bad.put("stranger's key", TestTokens.stranger().user("li").units("east").token());
        bad.put("other issuer", tokens.user("li").units("east").issuer("http://elsewhere.test").token());
        bad.put("other audience", tokens.user("li").units("east").audience("payroll").token());
        bad.put("not a JWT", "definitely-not-a-token");

        for (Map.Entry<String, String> token : bad.entrySet()) {
            for (String path : List.of("/", "/users", "/api/ui/audit")) {
                assertThat(call("GET", path, "Bearer " + token.getValue()).statusCode())
                        .as(token.getKey() + " on " + path).isEqualTo(401);
            }
        }
    }

    @Test
    void a_valid_token_of_any_person_opens_the_console_and_health_needs_none() throws Exception {
        for (Role role : List.of(Role.MONITOR, Role.ANALYST, Role.LEADER, Role.UNIT_HANDLER, Role.PUBLISHER,
                Role.ADMIN)) {
            HttpResponse<String> page = call("GET", "/", tokens.user("u-" + role).roles(role).units("east").bearer());

            assertThat(page.statusCode()).as(role.name()).isEqualTo(200);
            assertThat(page.body()).contains("<div id=\"outlet\">");
        }
        assertThat(call("GET", "/actuator/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void the_consoles_own_audit_api_is_for_administrators_only() throws Exception {
        assertThat(call("GET", "/api/ui/audit", tokens.user("boss").roles(Role.ADMIN).bearer()).statusCode())
                .isEqualTo(200);
        assertThat(call("GET", "/api/ui/audit", tokens.user("mon").roles(Role.MONITOR).bearer()).statusCode())
                .isEqualTo(403);
    }
}
