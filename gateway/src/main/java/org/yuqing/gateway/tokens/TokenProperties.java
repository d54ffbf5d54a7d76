package org.yuqing.gateway.tokens;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tokens the gateway issues, {@code yuqing.gateway.tokens.*}.
 *
 * @param issuer   the {@code iss} of every token and the base of the published endpoints, e.g.
 *                 {@code http://127.0.0.1:8080}; services must expect exactly this text
 * @param lifetime how long a token is valid (default 5 minutes)
 */
@ConfigurationProperties("yuqing.gateway.tokens")
record TokenProperties(String issuer, Duration lifetime) {

    TokenProperties {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("yuqing.gateway.tokens.issuer must be set");
        }
        issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        lifetime = lifetime == null ? Duration.ofMinutes(5) : lifetime;
        if (lifetime.compareTo(Duration.ofSeconds(90)) < 0) {
            // Relayed user tokens are renewed 60 s before they expire.
            throw new IllegalArgumentException("yuqing.gateway.tokens.lifetime must be at least 90 s");
        }
    }
}
