package org.yuqing.gateway.tokens;

import java.time.Instant;

/**
 * A signed access token.
 *
 * @param value     the compact JWT
 * @param id        its {@code jti}
 * @param expiresAt its {@code exp}
 */
public record IssuedToken(String value, String id, Instant expiresAt) {

    /**
     * Hides the token itself: it is a credential.
     *
     * @return the id and expiry only
     */
    @Override
    public String toString() {
        return "IssuedToken[id=" + id + ", expiresAt=" + expiresAt + "]";
    }
}
