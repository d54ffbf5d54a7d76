package org.yuqing.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A validated token together with the {@link Caller} read from it. */
final class CallerToken extends JwtAuthenticationToken {

    private final transient Caller caller;

    CallerToken(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Caller caller) {
        super(jwt, authorities, caller.login());
        this.caller = caller;
    }

    Caller caller() {
        return caller;
    }
}
