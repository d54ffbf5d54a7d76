package org.yuqing.gateway.identity;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.yuqing.gateway.protection.Problems;

/**
 * Writes the 401 and 403 answers of the API as {@code application/problem+json} (RFC 9457), without redirects.
 * Fixed texts: nothing the client sent (least of all its credentials) is echoed.
 */
final class ProblemResponses {

    private final Problems problems;

    ProblemResponses(Problems problems) {
        this.problems = problems;
    }

    AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Yuqing\", charset=\"UTF-8\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "需要登录：请使用 HTTP Basic 或先在 /login 登录。");
        };
    }

    /** A bearer token that is expired, forged, or not this gateway's: 401 without revealing which. */
    AuthenticationEntryPoint invalidBearerToken() {
        return (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer realm=\"Yuqing\", error=\"invalid_token\", error_description=\"invalid or expired token\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "访问令牌无效或已过期。");
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, exception) ->
                problems.write(request, response, HttpStatus.FORBIDDEN, "没有执行此操作的权限。");
    }
}
