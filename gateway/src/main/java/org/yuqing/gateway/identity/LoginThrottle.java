package org.yuqing.gateway.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yuqing.gateway.audit.AuditAction;
import org.yuqing.gateway.audit.AuditEvent;
import org.yuqing.gateway.audit.AuditLog;
import org.yuqing.gateway.audit.AuditedRequests;
import org.yuqing.gateway.protection.Problems;

/**
 * Refuses a login attempt before its password is checked when the client address is throttled or the login name
 * locked (登录限制): a form login goes back to the login page with a message, an HTTP Basic client gets 429 with
 * {@code Retry-After}. Runs in Spring Security's chain just before the form and Basic authentication filters.
 */
final class LoginThrottle extends OncePerRequestFilter {

    static final String LOCKED = "账户已临时锁定，请15分钟后再试";
    static final String THROTTLED = "登录失败次数过多，请稍后再试。";

    private final LoginAttempts attempts;
    private final Problems problems;
    private final AuditLog audit;
    private final Clock clock;

    LoginThrottle(LoginAttempts attempts, Problems problems, AuditLog audit, Clock clock) {
        this.attempts = attempts;
        this.problems = problems;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = HttpMethod.POST.matches(request.getMethod()) && "/login".equals(request.getRequestURI());
        Optional<String> login = form
                ? Optional.ofNullable(request.getParameter("username"))
                : AuditedRequests.claimedBasicLogin(request);
        if (login.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String clientIp = AuditedRequests.clientIp(request);
        Optional<Duration> throttled = attempts.throttledFor(clientIp);
        Optional<Duration> locked = throttled.isPresent() ? Optional.empty() : attempts.lockedFor(login.get());
        if (throttled.isEmpty() && locked.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        audit.record(new AuditEvent(clock.instant(), AuditAction.LOGIN_REFUSED,
                throttled.isPresent() ? "CLIENT_THROTTLED" : "LOCKED", login.get(), clientIp, request.getMethod(),
                request.getRequestURI(), form ? "form" : "basic"));
        if (form) {
            response.sendRedirect(throttled.isPresent() ? "/login?throttled" : "/login?locked");
        } else {
            problems.tooManyRequests(request, response, throttled.orElseGet(locked::get),
                    throttled.isPresent() ? THROTTLED : LOCKED + "。");
        }
    }
}
