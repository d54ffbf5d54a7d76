package org.yuqing.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/** The caller read from tokens of the platform and of an external OIDC provider with its own claim names. */
class CallerTokenConverterTest {

    @Test
    void a_platform_token_gives_roles_as_authorities_and_the_unit_scope() {
        Jwt jwt = jwt(Map.of("sub", "zhang", "name", "张三", "roles", List.of("LEADER", "ANALYST"),
                "units", List.of("east"), "unit_scope", List.of("east", "east-1")));

        CallerToken token = (CallerToken) new CallerTokenConverter(platformClaims()).convert(jwt);

        assertThat(token.caller()).isEqualTo(new Caller("zhang", "张三", Set.of(Role.LEADER, Role.ANALYST),
                Set.of("east"), Set.of("east", "east-1")));
        assertThat(token.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_LEADER", "ROLE_ANALYST");
    }

    @Test
    void unknown_role_names_grant_nothing() {
        Jwt jwt = jwt(Map.of("sub", "li", "roles", List.of("SUPERUSER", "root", "publisher")));

        CallerToken token = (CallerToken) new CallerTokenConverter(platformClaims()).convert(jwt);

        assertThat(token.caller().roles()).containsExactly(Role.PUBLISHER);
        assertThat(token.caller().unitScope()).isEmpty();
        assertThat(token.caller().name()).isEqualTo("li");
    }

    @Test
    void an_external_providers_nested_and_space_separated_claims_are_read_by_configured_names() {
        Jwt jwt = jwt(Map.of("sub", "wang", "preferred_username", "王五",
                "realm_access", Map.of("roles", List.of("MONITOR", "offline_access")),
                "org", Map.of("units", "west", "scope", "west west-2")));
        SecurityProperties.Claims claims = new SecurityProperties.Claims("preferred_username", "realm_access.roles",
                "org.units", "org.scope");

        CallerToken token = (CallerToken) new CallerTokenConverter(claims).convert(jwt);

        assertThat(token.caller()).isEqualTo(new Caller("wang", "王五", Set.of(Role.MONITOR), Set.of("west"),
                Set.of("west", "west-2")));
    }

    private static SecurityProperties.Claims platformClaims() {
        return new SecurityProperties.Claims(YuqingClaims.NAME, YuqingClaims.ROLES, YuqingClaims.UNITS,
                YuqingClaims.UNIT_SCOPE);
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }
}
