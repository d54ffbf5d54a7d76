package org.yuqing.security;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code yuqing.security.*}: where the signing keys are, which issuer and audience a token must name, the claim
 * names, this service's own client credentials for reading other services' feeds, and where the audit is kept.
 *
 * @param service    this service's name: its API lives under {@code /api/<service>}, the audit API at
 *                   {@code /api/<service>/audit}; setting it switches the library on
 * @param jwkSetUri  the issuer's JWKS ({@code <gateway>/oauth2/jwks}, or an external OIDC provider's)
 * @param issuer     the {@code iss} every token must carry
 * @param audience   an {@code aud} every token must contain
 * @param clockSkew  tolerance on {@code exp} and {@code nbf}
 * @param claims     claim names
 * @param client     this service's client credentials
 * @param audit      where denied attempts and sensitive actions are kept
 */
@ConfigurationProperties("yuqing.security")
public record SecurityProperties(
        String service,
        URI jwkSetUri,
        String issuer,
        @DefaultValue(YuqingClaims.AUDIENCE) String audience,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue Claims claims,
        @DefaultValue Client client,
        @DefaultValue Audit audit) {

    /**
     * @param name      display name
     * @param roles     role names
     * @param units     the caller's own units
     * @param unitScope the units the caller may see
     */
    public record Claims(
            @DefaultValue(YuqingClaims.NAME) String name,
            @DefaultValue(YuqingClaims.ROLES) String roles,
            @DefaultValue(YuqingClaims.UNITS) String units,
            @DefaultValue(YuqingClaims.UNIT_SCOPE) String unitScope) {
    }

    /**
     * OAuth2 client credentials (RFC 6749 §4.4) this service uses to get a token with role {@link Role#SERVICE}.
     *
     * @param id       the client id (default: the service name)
     * @param secret   the client secret; without one the service reads no feed
     * @param tokenUri the token endpoint ({@code <gateway>/oauth2/token})
     */
    public record Client(String id, String secret, URI tokenUri) {
    }

    /**
     * @param schema the schema of the {@code audit_event} table; empty keeps the audit in the log only
     */
    public record Audit(String schema) {
    }
}
