package org.yuqing.gateway.identity;

import java.io.IOException;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSRF protection (跨站请求伪造防护) of what rides on the session cookie: the login and logout forms keep their token
 * in the session (a hidden form field), the API uses the double-submit cookie {@code XSRF-TOKEN} that a script copies
 * into the {@code X-XSRF-TOKEN} header. A request carrying its own {@code Authorization} (Basic or Bearer) cannot be
 * forged by a foreign page and needs no token.
 */
final class ApiCsrf {

    static final String COOKIE = "XSRF-TOKEN";
    static final String HEADER = "X-XSRF-TOKEN";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private ApiCsrf() {
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/");
    }

    /** Unsafe API calls authenticated by the session cookie alone. */
    static RequestMatcher sessionApiWrites() {
        return request -> isApi(request)
                && !SAFE_METHODS.contains(request.getMethod())
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getSession(false) != null;
    }

    /** The cookie for {@code /api/**}, the session for the forms. */
    static CsrfTokenRepository repository() {
        CookieCsrfTokenRepository cookie = CookieCsrfTokenRepository.withHttpOnlyFalse();
        cookie.setCookiePath("/");
        cookie.setHeaderName(HEADER);
        HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();
        return new CsrfTokenRepository() {
            @Override
            public CsrfToken generateToken(HttpServletRequest request) {
                return (isApi(request) ? cookie : session).generateToken(request);
            }

            @Override
            public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
                (isApi(request) ? cookie : session).saveToken(token, request, response);
            }

            @Override
            public CsrfToken loadToken(HttpServletRequest request) {
                return (isApi(request) ? cookie : session).loadToken(request);
            }
        };
    }

    /**
     * The form field carries the masked token (BREACH protection); the header carries the cookie's value as it is,
     * which a script of the same origin reads.
     */
    static CsrfTokenRequestHandler requestHandler() {
        XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();
        CsrfTokenRequestAttributeHandler plain = new CsrfTokenRequestAttributeHandler();
        return new CsrfTokenRequestHandler() {
            @Override
            public void handle(HttpServletRequest request, HttpServletResponse response,
                               Supplier<CsrfToken> token) {
                masked.handle(request, response, token);
            }

            @Override
            public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
                String header = request.getHeader(token.getHeaderName());
                return header != null && !header.isBlank()
                        ? plain.resolveCsrfTokenValue(request, token)
                        : masked.resolveCsrfTokenValue(request, token);
            }
        };
    }

    /** Hands a session's API calls the {@code XSRF-TOKEN} cookie (the token is otherwise created lazily). */
    static final class CookieIssuer extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (isApi(request) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                    && request.getSession(false) != null
                    && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
