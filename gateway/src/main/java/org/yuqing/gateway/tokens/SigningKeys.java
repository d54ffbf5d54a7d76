package org.yuqing.gateway.tokens;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static org.yuqing.gateway.db.Tables.SIGNING_KEYS;

/**
 * The gateway's RSA signing keys (签名密钥), kept in {@code identity.signing_keys} so that restarts and several
 * gateways sign with the same key: the first gateway to start on an empty table generates a 2048-bit key, whose
 * {@code kid} is its RFC 7638 thumbprint. The newest key that is not retired signs; all keys not retired verify and
 * are published.
 */
@Component
class SigningKeys implements InitializingBean, JWKSource<SecurityContext> {

    /** The advisory lock key of the key generation, an arbitrary constant of this application. */
    static final long LOCK = 0x59_75_71_69_6E_67_02L;

    /** A token naming an unknown key makes the keys be read again, at most this often. */
    private static final Duration RELOAD_AT_MOST_EVERY = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final DSLContext db;
    private final TransactionTemplate transactions;
    private final Clock clock;

    private volatile List<RSAKey> keys = List.of();
    private volatile Instant loadedAt = Instant.MIN;

    SigningKeys(DSLContext db, TransactionTemplate transactions, Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        transactions.executeWithoutResult(status -> {
            db.fetch("select pg_advisory_xact_lock(?)", LOCK);
            if (!db.fetchExists(SIGNING_KEYS, SIGNING_KEYS.RETIRED_AT.isNull())) {
                RSAKey key = generate();
                db.insertInto(SIGNING_KEYS, SIGNING_KEYS.KID, SIGNING_KEYS.PRIVATE_JWK)
                        .values(key.getKeyID(), key.toJSONString())
                        .execute();
                log.info("generated token signing key {}", key.getKeyID());
            }
        });
        reload();
    }

    /**
     * The key that signs new tokens.
     *
     * @return the newest key not retired, with its private part
     */
    RSAKey signingKey() {
        List<RSAKey> current = keys;
        if (current.isEmpty()) {
            throw new IllegalStateException("no token signing key");
        }
        return current.getFirst();
    }

    /**
     * The keys a token may be verified with, public parts only.
     *
     * @return the key set for {@code /oauth2/jwks}
     */
    JWKSet publicKeys() {
        return new JWKSet(keys.stream().map(key -> (JWK) key.toPublicJWK()).toList());
    }

    /** For verifying this gateway's own tokens; an unknown {@code kid} may be a key another gateway just made. */
    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        List<JWK> found = selector.select(publicKeys());
        if (found.isEmpty() && clock.instant().isAfter(loadedAt.plus(RELOAD_AT_MOST_EVERY))) {
            reload();
            found = selector.select(publicKeys());
        }
        return found;
    }

    private void reload() {
        List<RSAKey> loaded = db.select(SIGNING_KEYS.PRIVATE_JWK).from(SIGNING_KEYS)
                .where(SIGNING_KEYS.RETIRED_AT.isNull())
                .orderBy(SIGNING_KEYS.CREATED_AT.desc(), SIGNING_KEYS.KID)
                .fetch(row -> parse(row.value1()));
        keys = List.copyOf(loaded);
        loadedAt = clock.instant();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a signing key", e);
        }
    }

    private static RSAKey parse(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored signing key is not an RSA JWK", e);
        }
    }
}
