package org.yuqing.monitoring;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.yuqing.security.TestTokens;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every MockMvc request without an {@code Authorization} header of its own carries a fresh token (minted per
 * request, so a long test run never meets an expired one) of a user of {@link #UNIT} holding every person's role;
 * a request's own header wins.
 */
@TestConfiguration(proxyBeanMethods = false)
class DefaultTestToken {

    /** The unit of the default user. */
    static final String UNIT = "district";

    @Bean
    MockMvcBuilderCustomizer defaultToken() {
        return builder -> builder.defaultRequest(get("/").with(request -> {
            if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
                request.addHeader(HttpHeaders.AUTHORIZATION, TestTokens.shared().user("tester").units(UNIT).bearer());
            }
            return request;
        }));
    }
}
