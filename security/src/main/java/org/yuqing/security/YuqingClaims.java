package org.yuqing.security;

/**
 * The claims of a platform access token (a JWT signed by the gateway, keys at its JWKS). An external OIDC
 * provider must supply the same information; the claim names are configurable ({@code yuqing.security.*-claim}).
 */
public final class YuqingClaims {

    /** The audience every platform token carries. */
    public static final String AUDIENCE = "yuqing";
    /** Display name of the user. */
    public static final String NAME = "name";
    /** Role names ({@link Role}). */
    public static final String ROLES = "roles";
    /** The units the user belongs to. */
    public static final String UNITS = "units";
    /** The units the user may see: their own units and every unit below them in the tree. */
    public static final String UNIT_SCOPE = "unit_scope";
    /** {@code user} or {@code client}. */
    public static final String KIND = "kind";

    private YuqingClaims() {
    }
}
