package org.yuqing.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals as {@code application/problem+json}, with the {@code WWW-Authenticate} header of RFC 6750, each one
 * written to the audit. The body says what to do, never why a token failed in detail (that is in the audit).
 */
final class ProblemResponses {

    private final JsonMapper json;
    private final AuditTrail audit;

    ProblemResponses(JsonMapper json, AuditTrail audit) {
        this.json = json;
        this.audit = audit;
    }

    AuthenticationEntryPoint unauthorized() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception);
            audit.record(new Caller("anonymous", "anonymous", java.util.Set.of(), java.util.Set.of(),
                            java.util.Set.of()), AuditTrail.DENIED, target(request), "DENIED",
                    "no valid token: " + reason(exception));
            write(response, request, HttpStatus.UNAUTHORIZED, "未登录或登录已失效：请提供有效的访问令牌。");
        };
    }

    AccessDeniedHandler forbidden() {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            bearer.handle(request, response, exception);
            audit.denied(target(request), "role not allowed: " + reason(exception));
            write(response, request, HttpStatus.FORBIDDEN, "无权执行此操作：您的角色不允许。");
        };
    }

    static String target(HttpServletRequest request) {
        return request.getMethod() + " " + request.getRequestURI();
    }

    private static String reason(Exception exception) {
        String message = exception.getMessage();
        return exception instanceof AuthenticationException || exception instanceof AccessDeniedException
                ? (message == null ? exception.getClass().getSimpleName() : message)
                : exception.getClass().getSimpleName();
    }

    private void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
