package org.yuqing.casework.access;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Called directly, bypassing the gateway, the service accepts only the platform's signed, current tokens meant
 * for it: every endpoint refuses anything else with 401.
 */
class TokenRejectionTest extends AccessTestSupport {

    private final TestTokens tokens = TestTokens.shared();

    @Test
    void no_expired_tampered_unsigned_foreign_wrong_issuer_or_wrong_audience_token_opens_any_endpoint() {
        String unit = "unit-" + UUID.randomUUID();
        String valid = tokens.user("li").units(unit).token();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no token", null);
        bad.putAll(tokens.untrustworthy("li", unit));

        SoftAssertions softly = new SoftAssertions();
        assertThat(endpoints()).hasSizeGreaterThan(10);
        for (String endpoint : endpoints()) {
            // The valid token passes authentication everywhere (its roles may still refuse: 403, not 401).
            softly.assertThat(status(endpoint, "Bearer " + valid)).as("valid token on %s", endpoint).isNotEqualTo(401);
            for (Map.Entry<String, String> token : bad.entrySet()) {
                MvcTestResult result = call(endpoint, UUID.randomUUID(), query(endpoint), null, token.getValue());
                softly.assertThat(result.getResponse().getStatus()).as("%s on %s", token.getKey(), endpoint)
                        .isEqualTo(401);
                softly.assertThat(result.getResponse().getHeader("WWW-Authenticate")).as("%s on %s", token.getKey(),
                        endpoint).startsWith("Bearer");
                softly.assertThat(result.getResponse().getContentType()).as("%s on %s", token.getKey(), endpoint)
                        .startsWith("application/problem+json");
            }
        }
        softly.assertAll();
    }

    @Test
    void the_event_feed_refuses_user_tokens_and_serves_a_platform_service() {
        String admin = tokens.user("admin").units("unit-" + UUID.randomUUID()).bearer();
        String everyPersonsRole = tokens.user("boss").roles(Role.MONITOR, Role.ANALYST, Role.LEADER, Role.UNIT_HANDLER,
                Role.PUBLISHER, Role.ADMIN, Role.INGEST).units("unit-" + UUID.randomUUID()).bearer();

        assertThat(status("GET /internal/events", admin)).isEqualTo(403);
        assertThat(status("GET /internal/events", everyPersonsRole)).isEqualTo(403);
        assertThat(status("GET /internal/events", tokens.service("publishing"))).isEqualTo(200);
    }

    private int status(String endpoint, String authorization) {
        return call(endpoint, UUID.randomUUID(), query(endpoint), null, authorization).getResponse().getStatus();
    }

    // The feed long-polls by default; a test does not wait for events.
    private static String query(String endpoint) {
        return endpoint.endsWith("/internal/events") ? "waitMillis=0" : null;
    }
}
