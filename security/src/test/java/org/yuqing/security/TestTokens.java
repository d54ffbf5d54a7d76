package org.yuqing.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A token issuer for tests: its own RSA key, published as a JWKS by a small HTTP server on loopback, and tokens
 * minted exactly as the gateway mints them. Services under test validate them for real (signature, issuer,
 * audience, expiry); nothing is mocked. {@link #stranger()} signs with a key that no JWKS publishes.
 *
 * <p>Register it in a test with {@code TestTokens.shared().register(registry)} from a
 * {@code @DynamicPropertySource}.
 */
public final class TestTokens {

    /** The issuer every test token names. */
    public static final String ISSUER = "http://issuer.yuqing.test";

    private static TestTokens shared;

    private final RSAKey key;
    private final URI jwkSetUri;

    private TestTokens(boolean publish) {
        try {
            this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        this.jwkSetUri = publish ? publish(new JWKSet(key.toPublicJWK()).toString()) : null;
    }

    /** @return the issuer of this test JVM, its JWKS served from loopback */
    public static synchronized TestTokens shared() {
        if (shared == null) {
            shared = new TestTokens(true);
        }
        return shared;
    }

    /** @return an issuer with a key of its own that no service trusts (forged tokens with a valid form) */
    public static TestTokens stranger() {
        return new TestTokens(false);
    }

    /** @return the URL of the published key set */
    public URI jwkSetUri() {
        return jwkSetUri;
    }

    /**
     * Points {@code yuqing.security.*} of the service under test at this issuer.
     *
     * @param registry the test's dynamic properties
     */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("yuqing.security.jwk-set-uri", () -> jwkSetUri.toString());
        registry.add("yuqing.security.issuer", () -> ISSUER);
    }

    /**
     * @param login the user's login
     * @return a token builder for a user, by default with every person's role and no unit
     */
    public Token user(String login) {
        return new Token(this, login, "user");
    }

    /**
     * @param clientId a platform service's client id
     * @return the {@code Authorization} value of a service token (role SERVICE) for reading feeds
     */
    public String service(String clientId) {
        return new Token(this, clientId, "client").roles(Role.SERVICE).bearer();
    }

    /**
     * Every kind of token a service must refuse with 401, as {@code Authorization} header values by name: expired,
     * tampered, unsigned ({@code alg: none}), signed by a key no JWKS publishes, another issuer, another audience,
     * and not a JWT at all.
     *
     * @param login the subject the tokens claim
     * @param unit  the unit they claim
     * @return name → {@code Bearer …}, in a stable order
     */
    public java.util.Map<String, String> untrustworthy(String login, String unit) {
        String valid = user(login).units(unit).token();
        java.util.Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("expired", "Bearer " + user(login).units(unit).expired(Duration.ofMinutes(5)).token());
        bad.put("tampered", "Bearer " + tampered(valid));
        bad.put("unsigned (alg none)", "Bearer " + unsigned(valid));
        bad.put("signed by a key no JWKS publishes", "Bearer " + stranger().user(login).units(unit).token());
        bad.put("another issuer", "Bearer " + user(login).units(unit).issuer("http://elsewhere.test").token());
        bad.put("another audience", "Bearer " + user(login).units(unit).audience("payroll").token());
        bad.put("not a JWT", "Bearer definitely-not-a-token");
        return bad;
    }

    /**
     * A token whose payload was changed after signing (here: the unit scope widened), keeping the signature.
     *
     * @param token a compact JWT
     * @return the tampered token
     */
    public static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String widened = payload.replace("\"" + YuqingClaims.UNIT_SCOPE + "\":[",
                "\"" + YuqingClaims.UNIT_SCOPE + "\":[\"every-unit\",");
        if (widened.equals(payload)) {
            widened = payload.replaceFirst("\\{", "{\"x\":1,");
        }
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(widened.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /**
     * An unsigned token ({@code alg: none}) with the same claims.
     *
     * @param token a compact JWT
     * @return the token with header {@code {"alg":"none"}} and no signature
     */
    public static String unsigned(String token) {
        String[] parts = token.split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }

    /** A token being described; {@link #token()} signs it. */
    public static final class Token {
        private final TestTokens issuer;
        private final String subject;
        private final String kind;
        private Set<Role> roles = EnumSet.of(Role.MONITOR, Role.ANALYST, Role.LEADER, Role.UNIT_HANDLER,
                Role.PUBLISHER, Role.ADMIN);
        private final Set<String> units = new LinkedHashSet<>();
        private Set<String> scope;
        private Duration validFor = Duration.ofMinutes(10);
        private Instant issuedAt = Instant.now();
        private String issuerName = ISSUER;
        private List<String> audience = List.of(YuqingClaims.AUDIENCE);

        private Token(TestTokens issuer, String subject, String kind) {
            this.issuer = issuer;
            this.subject = subject;
            this.kind = kind;
        }

        /** @param granted exactly these roles */
        public Token roles(Role... granted) {
            this.roles = granted.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(granted));
            return this;
        }

        /** @param unitIds the user's units; the scope is the same unless {@link #scope} says more */
        public Token units(String... unitIds) {
            units.addAll(Arrays.asList(unitIds));
            return this;
        }

        /** @param unitIds the units the user sees (own and below) */
        public Token scope(String... unitIds) {
            this.scope = new LinkedHashSet<>(Arrays.asList(unitIds));
            return this;
        }

        /** Expired {@code ago} ago (well past the services' clock skew). */
        public Token expired(Duration ago) {
            this.issuedAt = Instant.now().minus(ago).minus(validFor);
            return this;
        }

        /** @param name a different {@code iss} */
        public Token issuer(String name) {
            this.issuerName = name;
            return this;
        }

        /** @param aud a different {@code aud} */
        public Token audience(String... aud) {
            this.audience = List.of(aud);
            return this;
        }

        /** @return the signed compact JWT */
        public String token() {
            Set<String> visible = scope == null ? units : scope;
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(issuerName)
                    .subject(subject)
                    .audience(audience)
                    .issueTime(Date.from(issuedAt))
                    .notBeforeTime(Date.from(issuedAt))
                    .expirationTime(Date.from(issuedAt.plus(validFor)))
                    .jwtID(UUID.randomUUID().toString())
                    .claim(YuqingClaims.KIND, kind)
                    .claim(YuqingClaims.NAME, subject)
                    .claim(YuqingClaims.ROLES, roles.stream().map(Role::name).sorted().toList())
                    .claim(YuqingClaims.UNITS, new ArrayList<>(units))
                    .claim(YuqingClaims.UNIT_SCOPE, new ArrayList<>(visible))
                    .build();
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(issuer.key.getKeyID()).build(), claims);
                jwt.sign(new RSASSASigner(issuer.key));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /** @return {@code Bearer <token>} */
        public String bearer() {
            return "Bearer " + token();
        }
    }

    private static URI publish(String jwks) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.setExecutor(null);
            server.start();
            Thread stopper = new Thread(() -> server.stop(0), "test-jwks-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/jwks");
        } catch (IOException e) {
            throw new IllegalStateException("test JWKS server could not start", e);
        }
    }
}
