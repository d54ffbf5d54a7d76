package org.yuqing.gateway.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.yuqing.gateway.tokens.IssuedToken;
import org.yuqing.gateway.tokens.TokenIssuer;
import org.yuqing.gateway.tokens.TokenSubject;

/**
 * The tokens relayed for logged-in users: one per login, kept until 60 s before it expires and minted again as soon
 * as anything the token says about the user (name, roles, units, unit scope) differs from the directory.
 */
@Component
public class UserTokens {

    /** A relayed token has at least this long to live when it reaches a service. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private static final int PRUNE_ABOVE = 10_000;

    private final TokenIssuer issuer;
    private final UserDirectory directory;
    private final Clock clock;
    private final Map<String, Cached> byLogin = new ConcurrentHashMap<>();

    UserTokens(TokenIssuer issuer, UserDirectory directory, Clock clock) {
        this.issuer = issuer;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * A token for the user, from the cache when still right.
     *
     * @param account an enabled user, as the directory has them now
     * @return a token valid for at least 60 more seconds
     */
    public IssuedToken tokenFor(UserAccount account) {
        TokenSubject subject = subjectOf(account);
        Cached cached = byLogin.get(account.login());
        if (cached != null && cached.subject().equals(subject)
                && clock.instant().isBefore(cached.token().expiresAt().minus(RENEW_BEFORE_EXPIRY))) {
            return cached.token();
        }
        IssuedToken token = issuer.mint(subject);
        if (byLogin.size() > PRUNE_ABOVE) {
            byLogin.values().removeIf(entry -> !clock.instant().isBefore(entry.token().expiresAt()));
        }
        byLogin.put(account.login(), new Cached(subject, token));
        return token;
    }

    /**
     * A fresh token for the user, never from the cache (the user asked for one).
     *
     * @param account an enabled user
     * @return a new token
     */
    public IssuedToken newTokenFor(UserAccount account) {
        return issuer.mint(subjectOf(account));
    }

    /**
     * How long the tokens live.
     *
     * @return the configured lifetime
     */
    public Duration lifetime() {
        return issuer.lifetime();
    }

    private TokenSubject subjectOf(UserAccount account) {
        return new TokenSubject(account.login(), TokenSubject.USER, account.displayName(), account.roles(),
                account.units(), List.copyOf(directory.scopeOf(account)));
    }

    private record Cached(TokenSubject subject, IssuedToken token) {
    }
}
