package org.yuqing.gateway.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yuqing.gateway.audit.AuditAction;
import org.yuqing.gateway.audit.AuditEvent;
import org.yuqing.gateway.audit.AuditLog;
import org.yuqing.gateway.audit.AuditedRequests;

/**
 * Ends a console session at its absolute lifetime (会话绝对有效期), counted from the form login however active the
 * session has been; the request then goes on as anonymous (to the login page, or 401 for the API). Runs before
 * Spring Security reads the session. The idle timeout is the servlet container's.
 */
final class SessionLifetime extends OncePerRequestFilter {

    /** Session attribute: when the session's user logged in, an {@link Instant} of the gateway's clock. */
    static final String LOGGED_IN_AT = SessionLifetime.class.getName() + ".loggedInAt";

    /** Session attribute: who logged in, for the audit line. */
    static final String LOGIN = SessionLifetime.class.getName() + ".login";

    private final Duration lifetime;
    private final Clock clock;
    private final AuditLog audit;

    SessionLifetime(Duration lifetime, Clock clock, AuditLog audit) {
        this.lifetime = lifetime;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                if (session.getAttribute(LOGGED_IN_AT) instanceof Instant loggedInAt) {
                    Instant now = clock.instant();
                    if (!now.isBefore(loggedInAt.plus(lifetime))) {
                        Object login = session.getAttribute(LOGIN);
                        session.invalidate();
                        audit.record(new AuditEvent(now, AuditAction.SESSION_EXPIRED, "EXPIRED",
                                login == null ? null : login.toString(), AuditedRequests.clientIp(request),
                                request.getMethod(), request.getRequestURI(), "absolute lifetime " + lifetime));
                    }
                }
            } catch (IllegalStateException alreadyInvalidated) {
                // Another request ended it meanwhile: nothing left to do.
            }
        }
        chain.doFilter(request, response);
    }
}
