package org.yuqing.gateway.identity;

import java.time.Clock;

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
 * Turns Spring Security's authentication events into failure counts and audit lines: each success, failure
 * (wrong password or disabled account), lockout and logout. Only the login name travels; the credentials are never read.
 */
@Component
class LoginAuditing {

    private final LoginAttempts attempts;
    private final AuditLog audit;
    private final Clock clock;

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
        record(AuditAction.LOGIN_SUCCESS, "SUCCESS", login, "");
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
