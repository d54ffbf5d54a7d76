package org.yuqing.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads the caller out of a validated token: roles become {@code ROLE_*} authorities (unknown role names grant
 * nothing), the unit scope comes from its claim. The claim names are configurable so that an external OIDC provider
 * can supply them under its own names; a dotted name reads a nested claim ({@code realm_access.roles}).
 */
final class CallerTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecurityProperties.Claims claims;

    CallerTokenConverter(SecurityProperties.Claims claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<Role> roles = strings(jwt, claims.roles()).stream()
                .map(Role::parse).flatMap(java.util.Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
        Set<String> units = Set.copyOf(strings(jwt, claims.units()));
        Set<String> scope = Set.copyOf(strings(jwt, claims.unitScope()));
        String login = jwt.getSubject();
        Object name = claim(jwt, claims.name());
        Caller caller = new Caller(login, name instanceof String s && !s.isBlank() ? s : login, roles, units, scope);
        List<GrantedAuthority> authorities = roles.stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList();
        return new CallerToken(jwt, authorities, caller);
    }

    private static List<String> strings(Jwt jwt, String name) {
        Object value = claim(jwt, name);
        if (value instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        if (value instanceof String single && !single.isBlank()) {
            // Some providers send a space-separated string (like "scope").
            return List.of(single.trim().split("\\s+"));
        }
        return List.of();
    }

    private static Object claim(Jwt jwt, String dottedName) {
        Object value = jwt.getClaims();
        for (String part : dottedName.split("\\.")) {
            if (!(value instanceof java.util.Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }
}
