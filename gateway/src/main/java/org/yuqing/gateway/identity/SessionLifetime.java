package org.yuqing.gateway.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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
 * Ends a console session (会话终止) at its absolute lifetime, counted from the form login however active the session
 * has been, and as soon as its user is disabled or their password is changed after the login (by an administrator,
 * or by the user elsewhere): the request then goes on as anonymous (to the login page, or 401 for the API). Runs
 * before Spring Security reads the session, and reads the user's state from the directory on every request of a
 * logged-in session, so a change made by any gateway instance counts at once. The idle timeout is the servlet
 * container's.
 */
final class SessionLifetime extends OncePerRequestFilter {

    /** Session attribute: when the session's user logged in, an {@link Instant} of the gateway's clock. */
    static final String LOGGED_IN_AT = SessionLifetime.class.getName() + ".loggedInAt";

    /** Session attribute: who logged in, for the audit line and the directory check. */
    static final String LOGIN = SessionLifetime.class.getName() + ".login";

    /** Session attribute: when the user's password was last set as of the login, an {@link Instant}. */
    static final String PASSWORD_CHANGED_AT = SessionLifetime.class.getName() + ".passwordChangedAt";

    private final Duration lifetime;
    private final UserDirectory directory;
    private final Clock clock;
    private final AuditLog audit;

    SessionLifetime(Duration lifetime, UserDirectory directory, Clock clock, AuditLog audit) {
        this.lifetime = lifetime;
        this.directory = directory;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Notes in a freshly logged-in session who logged in, when, and the password they logged in with (by its
     * change time).
     *
     * @param session   the session
     * @param login     the user
     * @param now       the gateway's time
     * @param directory where the user's password change time is read
     */
    static void start(HttpSession session, String login, Instant now, UserDirectory directory) {
        session.setAttribute(LOGGED_IN_AT, now);
        session.setAttribute(LOGIN, login);
        directory.sessionState(login).ifPresent(state ->
                session.setAttribute(PASSWORD_CHANGED_AT, state.passwordChangedAt()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                Optional<String> ended = endReason(session);
                if (ended.isPresent()) {
                    Object login = session.getAttribute(LOGIN);
                    session.invalidate();
                    audit.record(new AuditEvent(clock.instant(), AuditAction.SESSION_EXPIRED,
                            ended.get().startsWith("absolute") ? "EXPIRED" : "REVOKED",
                            login == null ? null : login.toString(), AuditedRequests.clientIp(request),
                            request.getMethod(), request.getRequestURI(), ended.get()));
                }
            } catch (IllegalStateException alreadyInvalidated) {
                // Another request ended it meanwhile: nothing left to do.
            }
        }
        chain.doFilter(request, response);
    }

    private Optional<String> endReason(HttpSession session) {
        if (session.getAttribute(LOGGED_IN_AT) instanceof Instant loggedInAt
                && !clock.instant().isBefore(loggedInAt.plus(lifetime))) {
            return Optional.of("absolute lifetime " + lifetime);
        }
        if (!(session.getAttribute(LOGIN) instanceof String login)) {
            return Optional.empty();
        }
        Optional<UserDirectory.SessionState> state = directory.sessionState(login);
        if (state.isEmpty()) {
            return Optional.of("user no longer exists");
        }
        if (!state.get().enabled()) {
            return Optional.of("account disabled");
        }
        if (session.getAttribute(PASSWORD_CHANGED_AT) instanceof Instant passwordAtLogin
                && !passwordAtLogin.equals(state.get().passwordChangedAt())) {
            return Optional.of("password changed");
        }
        return Optional.empty();
    }
}
