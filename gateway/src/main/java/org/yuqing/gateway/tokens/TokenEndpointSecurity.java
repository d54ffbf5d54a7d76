package org.yuqing.gateway.tokens;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The token endpoint, the JWKS and the metadata have a security chain of their own, ahead of the login chain: open
 * to everybody (the token endpoint authenticates its clients itself, so a client's Basic credentials are never taken
 * for a user's login), stateless, no CSRF (nothing here rides on a cookie).
 */
@Configuration(proxyBeanMethods = false)
class TokenEndpointSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain tokenEndpoints(HttpSecurity http) {
        http.securityMatcher("/oauth2/**", "/.well-known/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .cors(Customizer.withDefaults())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
