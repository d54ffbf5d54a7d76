package org.yuqing.gateway.protection;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersTest {

    private final SecurityHeaders filter = new SecurityHeaders(SecurityHeaders.CONSOLE_POLICY);

    @Test
    void hsts_is_sent_over_https() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setSecure(true);
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo(SecurityHeaders.HSTS);
    }

    @Test
    void hsts_is_not_sent_over_plain_http() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(new MockHttpServletRequest("GET", "/"), response, new MockFilterChain());

        assertThat(response.getHeader("Strict-Transport-Security")).isNull();
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void what_runs_behind_the_filter_cannot_weaken_the_headers() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(new MockHttpServletRequest("GET", "/"), response, (req, res) -> {
            var http = (jakarta.servlet.http.HttpServletResponse) res;
            http.addHeader("X-Frame-Options", "SAMEORIGIN");
            http.setHeader("content-security-policy", "default-src *");
            http.addHeader("X-Other", "kept");
        });

        assertThat(response.getHeaders("X-Frame-Options")).containsExactly("DENY");
        assertThat(response.getHeader("Content-Security-Policy")).isEqualTo(SecurityHeaders.CONSOLE_POLICY);
        assertThat(response.getHeader("X-Other")).isEqualTo("kept");
    }
}
