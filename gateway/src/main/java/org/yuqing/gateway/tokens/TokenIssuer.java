package org.yuqing.gateway.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.stereotype.Component;
import org.yuqing.security.YuqingClaims;

/**
 * Signs platform access tokens (访问令牌): RS256 with the current signing key, {@code iss} the configured issuer,
 * {@code aud} {@code yuqing}, valid from now for the configured lifetime, with the claims of {@link YuqingClaims}.
 */
@Component
public class TokenIssuer {

    private final SigningKeys keys;
    private final TokenProperties properties;
    private final Clock clock;

    TokenIssuer(SigningKeys keys, TokenProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Signs a token for the subject.
     *
     * @param subject whom it speaks for
     * @return the token, valid from now for {@code yuqing.gateway.tokens.lifetime}
     */
    public IssuedToken mint(TokenSubject subject) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.lifetime());
        String id = UUID.randomUUID().toString();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .subject(subject.subject())
                .audience(List.of(YuqingClaims.AUDIENCE))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(id)
                .claim(YuqingClaims.KIND, subject.kind())
                .claim(YuqingClaims.NAME, subject.name())
                .claim(YuqingClaims.ROLES, subject.roles())
                .claim(YuqingClaims.UNITS, subject.units())
                .claim(YuqingClaims.UNIT_SCOPE, subject.unitScope())
                .build();
        RSAKey key = keys.signingKey();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
        return new IssuedToken(jwt.serialize(), id, Date.from(expiresAt).toInstant());
    }

    /**
     * The issuer every token names.
     *
     * @return the {@code iss}, without a trailing slash
     */
    public String issuer() {
        return properties.issuer();
    }

    /**
     * How long tokens are valid.
     *
     * @return the lifetime
     */
    public Duration lifetime() {
        return properties.lifetime();
    }
}
