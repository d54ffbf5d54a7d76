package org.yuqing.platform.launcher;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * Tokens an attacker could make: well-formed RS256 JWTs with the platform's issuer and claims, signed with a key
 * of the attacker's own, and real tokens with a changed payload. Built with the JDK alone, so nothing here shares
 * code with the issuer under test.
 */
final class ForgedTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private ForgedTokens() {
    }

    /** A token claiming every role and the given units, signed by a freshly generated key nobody publishes. */
    static String signedByAStranger(String issuer, String login, String unit) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair key = generator.generateKeyPair();
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"stranger\"}";
        String payload = ("{\"iss\":\"%s\",\"sub\":\"%s\",\"aud\":[\"yuqing\"],\"iat\":%d,\"nbf\":%d,\"exp\":%d,"
                + "\"kind\":\"user\",\"roles\":[\"MONITOR\",\"ANALYST\",\"LEADER\",\"UNIT_HANDLER\",\"PUBLISHER\","
                + "\"ADMIN\",\"SERVICE\"],\"units\":[\"%s\"],\"unit_scope\":[\"%s\"]}")
                .formatted(issuer, login, now, now, now + 300, unit, unit);
        String signingInput = encode(header) + "." + encode(payload);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key.getPrivate());
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + B64.encodeToString(rsa.sign());
    }

    /** The real token with its payload rewritten to claim the SERVICE role too, the signature kept. */
    static String withWidenedRoles(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String widened = payload.replace("\"roles\":[", "\"roles\":[\"SERVICE\",");
        return parts[0] + "." + encode(widened) + "." + parts[2];
    }

    private static String encode(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
