package org.yuqing.monitoring.access;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yuqing.monitoring.MonitoringIntegrationTest;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Requests straight to the service, past the gateway: without a valid platform token every endpoint answers 401
 * with a problem body, whatever the token claims; the event feed takes only service tokens.
 */
class TokenRejectionTest extends MonitoringIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    private final TestTokens tokens = TestTokens.shared();

    @Test
    void no_expired_tampered_unsigned_foreign_wrong_issuer_or_wrong_audience_token_opens_any_endpoint() throws Exception {
        String valid = tokens.user("intruder").units(UNIT).token();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no token", null);
        bad.putAll(tokens.untrustworthy("intruder", UNIT));
        bad.put("not a bearer token", "Basic dGVzdGVyOnRlc3Rlcg==");
        List<Endpoint> endpoints = Endpoint.all(mapping);
        assertThat(endpoints).hasSizeGreaterThan(10);

        List<String> opened = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (Map.Entry<String, String> token : bad.entrySet()) {
                MockHttpServletRequestBuilder request = AccessMatrixTest.harmless(endpoint);
                // an empty value suppresses the default test token
                request.header(HttpHeaders.AUTHORIZATION, token.getValue() == null ? "" : token.getValue());
                MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
                if (response.getStatus() != 401
                        || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(response.getContentType()))) {
                    opened.add(endpoint + " with " + token.getKey() + ": " + response.getStatus());
                }
            }
        }
        assertThat(opened).isEmpty();
    }

    @Test
    void a_valid_token_is_accepted_so_the_refusals_above_are_about_the_token() throws Exception {
        int status = mvc.perform(get("/api/monitoring/topics")
                .header(HttpHeaders.AUTHORIZATION, tokens.user("intruder").units(UNIT).bearer())).andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(200);
    }

    @Test
    void the_event_feed_refuses_user_tokens_and_serves_platform_services() throws Exception {
        for (Role role : Role.values()) {
            if (role == Role.SERVICE) {
                continue;
            }
            assertThat(mvc.perform(get("/internal/events").param("waitMillis", "0")
                            .header(HttpHeaders.AUTHORIZATION, tokens.user("u").roles(role).units(UNIT).bearer()))
                    .andReturn().getResponse().getStatus()).as(role.name()).isEqualTo(403);
        }
        assertThat(mvc.perform(get("/internal/events").param("waitMillis", "0")
                        .header(HttpHeaders.AUTHORIZATION, tokens.user("everyone").units(UNIT).bearer()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/internal/events").param("waitMillis", "0")
                        .header(HttpHeaders.AUTHORIZATION, tokens.service("grading")))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
    }
}
