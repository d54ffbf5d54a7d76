package org.yuqing.gateway.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.yuqing.gateway.audit.AuditAction;
import org.yuqing.gateway.audit.AuditEvent;
import org.yuqing.gateway.audit.AuditLog;
import org.yuqing.gateway.audit.AuditedRequests;

/**
 * Turns Spring Security's authentication events into failure counts and audit lines: each form login, failure
 * (wrong password or disabled account), lockout and logout. Only the login name travels; the credentials are never read.
 *
 * <p>HTTP Basic authenticates every single request of an API client: its success is recorded at most once per login
 * and client address within {@link #BASIC_SUCCESS_QUIET} (the first request, then again after ten quiet minutes), so
 * the audit shows who used the API from where without a line per call. Failures are always recorded.
 */
@Component
class LoginAuditing {

    /** A Basic success of a login from an address this soon after its recorded one is not recorded again. */
    static final Duration BASIC_SUCCESS_QUIET = Duration.ofMinutes(10);

    private static final int PRUNE_ABOVE = 10_000;

    private final LoginAttempts attempts;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Instant> basicSuccessRecorded = new ConcurrentHashMap<>();

    LoginAuditing(LoginAttempts attempts, AuditLog audit, Clock clock) {
        this.attempts = attempts;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (isBearer(event.getAuthentication())) {
            // A token is no login: it was issued (and audited) before, and its use is not a password attempt.
            return;
        }
        String login = event.getAuthentication().getName();
        attempts.succeeded(login);
        HttpServletRequest request = currentRequest();
        if (request != null && isBasic(request)
                && !firstBasicSuccessInAWhile(login, AuditedRequests.clientIp(request))) {
            return;
        }
        record(AuditAction.LOGIN_SUCCESS, "SUCCESS", login, "");
    }

    /** Notes a Basic success of the login from the address; true when it is to be recorded. */
    private boolean firstBasicSuccessInAWhile(String login, String clientIp) {
        Instant now = clock.instant();
        if (basicSuccessRecorded.size() > PRUNE_ABOVE) {
            basicSuccessRecorded.values().removeIf(at -> !now.isBefore(at.plus(BASIC_SUCCESS_QUIET)));
        }
        boolean[] record = {false};
        // A space separates: it is in neither a login name nor an address.
        basicSuccessRecorded.compute(login + " " + clientIp, (key, recordedAt) -> {
            if (recordedAt == null || !now.isBefore(recordedAt.plus(BASIC_SUCCESS_QUIET))) {
                record[0] = true;
                return now;
            }
            return recordedAt;
        });
        return record[0];
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (isBearer(event.getAuthentication())) {
            // A refused token counts against no login name, and its text (a credential) must not be logged: the
            // denial itself is audited as a 401.
            return;
        }
        String login = event.getAuthentication().getName();
        HttpServletRequest request = currentRequest();
        String clientIp = request == null ? "" : AuditedRequests.clientIp(request);
        boolean locked = attempts.failed(login, clientIp);
        record(AuditAction.LOGIN_FAILURE, "FAILURE", login, "bad credentials");
        if (locked) {
            record(AuditAction.LOCKOUT, "LOCKED", login, "too many failed logins");
        }
    }

    @EventListener
    void refusedDisabled(AuthenticationFailureDisabledEvent event) {
        record(AuditAction.LOGIN_FAILURE, "DISABLED", event.getAuthentication().getName(), "account disabled");
    }

    @EventListener
    void loggedOut(LogoutSuccessEvent event) {
        record(AuditAction.LOGOUT, "SUCCESS", event.getAuthentication().getName(), "");
    }

    private static boolean isBasic(HttpServletRequest request) {
        return !"/login".equals(request.getRequestURI()) && !"/logout".equals(request.getRequestURI());
    }

    private void record(AuditAction action, String outcome, String login, String detail) {
        HttpServletRequest request = currentRequest();
        String how = request == null ? ""
                : "/login".equals(request.getRequestURI()) ? "form"
                : "/logout".equals(request.getRequestURI()) ? "" : "basic";
        audit.record(new AuditEvent(clock.instant(), action, outcome, login,
                request == null ? "" : AuditedRequests.clientIp(request),
                request == null ? "" : request.getMethod(),
                request == null ? "" : request.getRequestURI(),
                detail.isEmpty() ? how : how.isEmpty() ? detail : how + ": " + detail));
    }

    private static boolean isBearer(Authentication authentication) {
        return authentication instanceof BearerTokenAuthenticationToken
                || authentication instanceof AbstractOAuth2TokenAuthenticationToken<?>;
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
