package org.yuqing.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's role rules in one place: which roles may call which endpoint. Declare one bean. Whatever it does not
 * allow is refused: the library adds {@code denyAll()} after it. Health, info and the event feed (role
 * {@link Role#SERVICE}) and the audit API (role {@link Role#ADMIN}) are added by the library.
 */
@FunctionalInterface
public interface AccessRules {

    /**
     * @param rules the registry, e.g. {@code rules.requestMatchers(POST, "/api/x/**").hasRole("ANALYST")}
     */
    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
