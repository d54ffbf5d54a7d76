package org.yuqing.grading.access;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yuqing.grading.GradingServiceTest;
import org.yuqing.security.TestTokens;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests straight to the service, past the gateway: without a valid platform token every endpoint answers 401;
 * the event feed is for platform services only.
 */
class TokenRejectionTest extends GradingServiceTest {

    private final RequestMappingHandlerMapping mapping;
    private final TestTokens tokens = TestTokens.shared();

    @Autowired
    TokenRejectionTest(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping) {
        this.mapping = mapping;
    }

    @Test
    void no_expired_tampered_unsigned_foreign_wrong_issuer_or_wrong_audience_token_reaches_any_endpoint() {
        String valid = tokens.user("li").units(UNIT).token();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no token", null);
        bad.putAll(tokens.untrustworthy("li", UNIT));
        Map<String, String> values = Map.of("incidentId", UUID.randomUUID().toString(), "id", "district",
                "version", "1", "category", "INQUIRY", "unitId", UNIT);
        List<Endpoint> endpoints = Endpoint.of(mapping);
        List<String> wrong = new ArrayList<>();

        for (Endpoint endpoint : endpoints) {
            String body = endpoint.method().equals("GET") ? null : "{}";
            for (Map.Entry<String, String> token : bad.entrySet()) {
                HttpResponse<String> answer = call(endpoint.method(), endpoint.path(values), body, token.getValue());
                if (answer.statusCode() != 401
                        || !answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")) {
                    wrong.add(endpoint + " with " + token.getKey() + " → " + answer.statusCode());
                }
            }
        }

        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(10);
        assertThat(wrong).isEmpty();
        // The same requests with the valid token do get past authentication.
        assertThat(get("/api/grading/plans", "Bearer " + valid).statusCode()).isEqualTo(200);
    }

    @Test
    void the_event_feed_refuses_user_tokens_and_serves_platform_services() {
        assertThat(get("/internal/events?waitMillis=0", user("admin-of-everything", UNIT)).statusCode())
                .isEqualTo(403);
        HttpResponse<String> feed = get("/internal/events?waitMillis=0", tokens.service("casework"));
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
        assertThat(feed.body()).contains("\"events\"");
    }
}
