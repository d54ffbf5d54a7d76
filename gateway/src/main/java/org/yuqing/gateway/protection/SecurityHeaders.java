package org.yuqing.gateway.protection;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sets the security headers on every answer of the gateway, its own and proxied ones alike, before anything else
 * runs. The gateway owns these headers: a service or the console behind it cannot weaken or duplicate them (Vaadin,
 * for one, sends {@code X-Frame-Options: SAMEORIGIN}), so writes of them further down are ignored.
 * {@code Strict-Transport-Security} only goes out over HTTPS.
 */
final class SecurityHeaders extends OncePerRequestFilter {

    /**
     * What the Vaadin console needs and no more: its bootstrap page has inline scripts and styles, its client runs
     * scripts the server sends ({@code new Function}), Lumo uses data: URIs; everything else is same-origin, and no
     * one may frame it.
     */
    static final String CONSOLE_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; "
            + "font-src 'self' data:; "
            + "connect-src 'self'; "
            + "worker-src 'self' blob:; "
            + "object-src 'none'; "
            + "base-uri 'self'; "
            + "form-action 'self'; "
            + "frame-ancestors 'none'";

    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final Map<String, String> headers;
    private final Set<String> owned = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    SecurityHeaders(String contentSecurityPolicy) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Content-Security-Policy", contentSecurityPolicy);
        values.put("X-Content-Type-Options", "nosniff");
        values.put("Referrer-Policy", "same-origin");
        values.put("X-Frame-Options", "DENY");
        values.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        this.headers = Map.copyOf(values);
        owned.addAll(values.keySet());
        owned.add("Strict-Transport-Security");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        headers.forEach(response::setHeader);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                if (!owned.contains(name)) {
                    super.setHeader(name, value);
                }
            }

            @Override
            public void addHeader(String name, String value) {
                if (!owned.contains(name)) {
                    super.addHeader(name, value);
                }
            }
        });
    }
}
