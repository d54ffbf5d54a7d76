package org.yuqing.publishing.access;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.yuqing.publishing.PublishingIntegrationTest;
import org.yuqing.security.TestTokens;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Calls straight at the service, past the gateway: without a valid platform token nothing of the API answers but
 * 401, the event feed is for platform services only, and the public site needs no token at all.
 */
class TokenRejectionTest extends PublishingIntegrationTest {

    @Autowired
    WebApplicationContext context;

    /** MockMvc with the service's security filter but without the default token of the other tests. */
    private MockMvc bare;

    @BeforeEach
    void withoutDefaultToken() {
        bare = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean("springSecurityFilterChain", Filter.class))
                .build();
    }

    @Test
    void every_api_endpoint_refuses_a_missing_or_invalid_token_with_401() throws Exception {
        TestTokens tokens = TestTokens.shared();
        String valid = tokens.user("li").units(UNIT).token();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no token", null);
        bad.putAll(tokens.untrustworthy("li", UNIT));
        List<Endpoints.Endpoint> api = Endpoints.of(context).stream()
                .filter(e -> e.pattern().startsWith("/api/") || e.pattern().startsWith("/internal/"))
                .toList();
        assertThat(api).extracting(Endpoints.Endpoint::pattern)
                .contains("/api/publishing/statements", "/internal/events");

        List<String> wrong = new ArrayList<>();
        for (Endpoints.Endpoint endpoint : api) {
            for (Map.Entry<String, String> token : bad.entrySet()) {
                MockHttpServletResponse response = bare.perform(call(endpoint, token.getValue())).andReturn()
                        .getResponse();
                String authenticate = response.getHeader(HttpHeaders.WWW_AUTHENTICATE);
                if (response.getStatus() != 401 || authenticate == null || !authenticate.startsWith("Bearer")
                        || !String.valueOf(response.getContentType()).startsWith("application/problem+json")) {
                    wrong.add(endpoint + " with " + token.getKey() + ": " + response.getStatus() + " "
                            + response.getContentType() + " " + authenticate);
                }
            }
        }

        assertThat(wrong).isEmpty();
        assertThat(bare.perform(call(new Endpoints.Endpoint("GET", "/api/publishing/statements"), "Bearer " + valid))
                .andReturn().getResponse().getStatus()).as("the same call with the valid token").isEqualTo(200);
    }

    @Test
    void the_event_feed_refuses_user_tokens_and_serves_platform_services() throws Exception {
        String admin = TestTokens.shared().user("admin-" + UUID.randomUUID()).units(UNIT).bearer();

        assertThat(bare.perform(get("/internal/events").param("waitMillis", "0")
                .header(HttpHeaders.AUTHORIZATION, admin)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(bare.perform(get("/internal/events").param("waitMillis", "0")
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.shared().service("casework")))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void the_public_site_and_its_feed_need_no_token() throws Exception {
        UUID id = publishedStatement("无需登录即可查看的通报 " + UUID.randomUUID(), "正文");

        for (String path : List.of("/public/statements", "/public/statements/feed.atom", "/public/statements/" + id)) {
            MockHttpServletResponse response = bare.perform(get(path)).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(200);
        }
        assertThat(bare.perform(get("/public/statements/" + UUID.randomUUID())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    private static MockHttpServletRequestBuilder call(Endpoints.Endpoint endpoint, String authorization) {
        String path = endpoint.path(Map.of("id", UUID.randomUUID().toString(), "channel", "website", "a", "1",
                "b", "2"));
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(endpoint.callMethod()), path);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (endpoint.method().equals("POST") || endpoint.method().equals("PUT")) {
            request.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        return request;
    }
}
