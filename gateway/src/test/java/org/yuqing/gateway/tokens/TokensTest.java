package org.yuqing.gateway.tokens;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.gateway.GatewayIntegrationTest;
import org.yuqing.security.YuqingClaims;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.gateway.GatewayClient.json;
import static org.yuqing.gateway.GatewayClient.relayedClaims;

class TokensTest extends GatewayIntegrationTest {

    private static final List<String> DISTRICT_TREE = List.of("district", "district-emergency", "district-education",
            "district-ethnic-religious");

    @Autowired
    SigningKeys keys;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @Test
    void a_minted_token_verifies_with_nimbus_against_the_published_key_whose_kid_is_its_thumbprint() throws Exception {
        String login = newUser("wang", List.of("district-education"), List.of("ANALYST"));
        SignedJWT token = SignedJWT.parse(userToken(login));

        JWKSet published = JWKSet.parse(gateway.send("GET", "/oauth2/jwks").body());
        RSAKey key = (RSAKey) published.getKeyByKeyId(token.getHeader().getKeyID());

        assertThat(key).as("the token's kid is published").isNotNull();
        assertThat(key.isPrivate()).as("only public keys are published").isFalse();
        assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(token.verify(new RSASSAVerifier(key))).isTrue();
    }

    @Test
    void a_user_token_carries_the_claims_and_the_unit_scope_expanded_from_the_tree() throws Exception {
        String leader = newUser("li", List.of("district"), List.of("LEADER", "ANALYST"));
        String teacher = newUser("zhao", List.of("district-education"), List.of("UNIT_HANDLER"));

        JWTClaimsSet district = SignedJWT.parse(userToken(leader)).getJWTClaimsSet();
        JWTClaimsSet education = SignedJWT.parse(userToken(teacher)).getJWTClaimsSet();

        assertThat(district.getIssuer()).isEqualTo("http://127.0.0.1:8080");
        assertThat(district.getSubject()).isEqualTo(leader);
        assertThat(district.getAudience()).containsExactly("yuqing");
        assertThat(district.getJWTID()).isNotBlank();
        assertThat(district.getStringClaim(YuqingClaims.KIND)).isEqualTo("user");
        assertThat(district.getStringClaim(YuqingClaims.NAME)).isEqualTo("测试 " + leader);
        assertThat(district.getStringListClaim(YuqingClaims.ROLES)).containsExactly("ANALYST", "LEADER");
        assertThat(district.getStringListClaim(YuqingClaims.UNITS)).containsExactly("district");
        assertThat(district.getStringListClaim(YuqingClaims.UNIT_SCOPE))
                .containsExactlyInAnyOrderElementsOf(DISTRICT_TREE);
        assertThat(Duration.between(district.getIssueTime().toInstant(), district.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(district.getNotBeforeTime()).isEqualTo(district.getIssueTime());
        assertThat(education.getStringListClaim(YuqingClaims.UNIT_SCOPE)).containsExactly("district-education");
    }

    @Test
    void the_metadata_names_the_issuer_the_key_set_and_the_token_endpoint() {
        HttpResponse<String> response = gateway.send("GET", "/.well-known/oauth-authorization-server");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode metadata = json(response);
        assertThat(metadata.get("issuer").asString()).isEqualTo("http://127.0.0.1:8080");
        assertThat(metadata.get("jwks_uri").asString()).isEqualTo("http://127.0.0.1:8080/oauth2/jwks");
        assertThat(metadata.get("token_endpoint").asString()).isEqualTo("http://127.0.0.1:8080/oauth2/token");
        assertThat(metadata.get("grant_types_supported").values()).extracting(JsonNode::asString)
                .containsExactly("client_credentials");
    }

    @Test
    void a_second_gateway_on_the_same_database_signs_with_the_same_key() {
        SigningKeys another = new SigningKeys(db, transactions, clock);
        another.afterPropertiesSet();

        assertThat(another.signingKey().getKeyID()).isEqualTo(keys.signingKey().getKeyID());
        assertThat(another.signingKey()).isEqualTo(keys.signingKey());
    }

    @Test
    void the_gateway_accepts_its_own_bearer_token_and_forwards_it_unchanged() {
        String login = newUser("sun", List.of("district-emergency"), List.of("MONITOR"));
        String token = userToken(login);

        HttpResponse<String> response = gateway.send("GET", "/api/monitoring/topics", "Authorization",
                "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("authorization").values()).extracting(JsonNode::asString)
                .containsExactly("Bearer " + token);
    }

    @Test
    void expired_forged_foreign_and_misissued_bearer_tokens_are_refused_401_at_the_gateway() throws Exception {
        String login = newUser("zhou", List.of("district"), List.of("MONITOR"));
        String good = userToken(login);
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(keys.signingKey().getKeyID()).generate();
        Instant now = clock.instant();
        int before = SERVICES.requests();

        List<String> refused = List.of(
                sign(keys.signingKey(), claims(login, "http://127.0.0.1:8080", now.minus(Duration.ofMinutes(10)))),
                tampered(good),
                sign(stranger, claims(login, "http://127.0.0.1:8080", now)),
                sign(keys.signingKey(), claims(login, "http://elsewhere.test", now)),
                good.substring(0, good.lastIndexOf('.') + 1));

        for (String token : refused) {
            HttpResponse<String> response = gateway.send("GET", "/api/casework/cases",
                    "Authorization", "Bearer " + token);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    header -> assertThat(header).startsWith("Bearer").contains("invalid_token"));
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(SERVICES.requests()).as("nothing refused reaches a service").isEqualTo(before);
        assertThat(gateway.send("GET", "/api/casework/cases", "Authorization", "Bearer " + good).statusCode())
                .as("the control: the real token passes").isEqualTo(200);
    }

    @Test
    void a_token_the_gateway_relays_for_a_basic_user_is_signed_by_the_published_key() throws Exception {
        String login = newUser("qian", List.of("district-ethnic-religious"), List.of("PUBLISHER"));

        JsonNode echo = json(gateway.send("GET", "/api/publishing/statements", "Authorization",
                basicOf(login)));
        String relayed = echo.get("authorization").get(0).asString().substring("Bearer ".length());
        SignedJWT token = SignedJWT.parse(relayed);
        JWKSet published = JWKSet.parse(gateway.send("GET", "/oauth2/jwks").body());

        assertThat(token.verify(new RSASSAVerifier(
                (RSAKey) published.getKeyByKeyId(token.getHeader().getKeyID())))).isTrue();
        assertThat(relayedClaims(echo).getSubject()).isEqualTo(login);
        assertThat(relayedClaims(echo).getStringListClaim(YuqingClaims.UNIT_SCOPE))
                .containsExactly("district-ethnic-religious");
    }

    private static JWTClaimsSet claims(String login, String issuer, Instant issuedAt) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer).subject(login).audience("yuqing")
                .issueTime(Date.from(issuedAt)).notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString())
                .claim(YuqingClaims.KIND, "user").claim(YuqingClaims.ROLES, List.of("ADMIN"))
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** The same signature over a payload that now claims the role ADMIN. */
    private static String tampered(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        JWTClaimsSet changed = new JWTClaimsSet.Builder(jwt.getJWTClaimsSet())
                .claim(YuqingClaims.ROLES, List.of("ADMIN")).build();
        String payload = com.nimbusds.jose.util.Base64URL.encode(changed.toString()).toString();
        String[] parts = token.split("\\.");
        return parts[0] + "." + payload + "." + parts[2];
    }
}
