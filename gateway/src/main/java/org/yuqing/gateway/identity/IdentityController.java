package org.yuqing.gateway.identity;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.gateway.audit.AuditAction;
import org.yuqing.gateway.audit.AuditEvent;
import org.yuqing.gateway.audit.AuditLog;
import org.yuqing.gateway.audit.AuditedRequests;
import org.yuqing.gateway.tokens.IssuedToken;
import org.yuqing.gateway.tokens.TokenAnswer;

/**
 * The logged-in user's own identity, answered by the gateway: {@code GET /api/identity/me},
 * {@code POST /api/identity/me/password} and {@code POST /api/identity/token} (their own access token). A password
 * change ends the user's other console sessions; the session that made it goes on under a new id.
 */
@RestController
class IdentityController {

    private final UserDirectory directory;
    private final UserTokens tokens;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;

    IdentityController(UserDirectory directory, UserTokens tokens, PasswordEncoder passwords, AuditLog audit,
                       Clock clock) {
        this.directory = directory;
        this.tokens = tokens;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/api/identity/me")
    Me me() {
        UserAccount account = user();
        return new Me(account.login(), account.displayName(), account.roles(), account.units(),
                List.copyOf(directory.scopeOf(account)));
    }

    @PostMapping("/api/identity/me/password")
    ResponseEntity<Void> changePassword(@RequestBody PasswordChange change, HttpServletRequest request) {
        UserAccount account = user();
        if (change.currentPassword() == null || !passwords.matches(change.currentPassword(), account.passwordHash())) {
            throw ApiProblems.problem(HttpStatus.BAD_REQUEST, "当前密码不正确。");
        }
        PasswordPolicy.violation(account.login(), change.newPassword()).ifPresent(why -> {
            throw ApiProblems.problem(HttpStatus.BAD_REQUEST, why);
        });
        directory.setPasswordHash(account.login(), passwords.encode(change.newPassword()));
        keepThisSession(request, account.login());
        audit.record(new AuditEvent(clock.instant(), AuditAction.USER_CHANGE, "DONE", account.login(),
                AuditedRequests.clientIp(request), request.getMethod(), request.getRequestURI(),
                "changed own password"));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/identity/token")
    ResponseEntity<TokenAnswer> token() {
        IssuedToken token = tokens.newTokenFor(user());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache")
                .body(TokenAnswer.bearer(token, tokens.lifetime().toSeconds()));
    }

    /**
     * The console session that changed its own password goes on, under a new session id, as of the new password;
     * every other session of the user ends at its next request ({@link SessionLifetime}).
     */
    private void keepThisSession(HttpServletRequest request, String login) {
        HttpSession session = request.getSession(false);
        if (session != null && login.equals(session.getAttribute(SessionLifetime.LOGIN))) {
            directory.sessionState(login).ifPresent(state ->
                    session.setAttribute(SessionLifetime.PASSWORD_CHANGED_AT, state.passwordChangedAt()));
            request.changeSessionId();
        }
    }

    private UserAccount user() {
        return directory.current()
                .orElseThrow(() -> ApiProblems.problem(HttpStatus.FORBIDDEN, "只有已登录的用户可以使用此接口。"));
    }

    /**
     * The caller as the console shows them.
     *
     * @param login     login name
     * @param name      display name
     * @param roles     role names
     * @param units     the user's units
     * @param unitScope the units the user sees: their own and all below
     */
    record Me(String login, String name, List<String> roles, List<String> units, List<String> unitScope) {
    }

    /**
     * A user's change of their own password.
     *
     * @param currentPassword the password now
     * @param newPassword     the new password, per {@link PasswordPolicy}
     */
    record PasswordChange(String currentPassword, String newPassword) {

        /** Never prints the passwords. */
        @Override
        public String toString() {
            return "PasswordChange[***]";
        }
    }
}
