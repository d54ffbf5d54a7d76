package org.yuqing.gateway.identity;

import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.yuqing.gateway.audit.AuditLog;
import org.yuqing.gateway.protection.Problems;
import org.yuqing.security.YuqingClaims;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Authentication at the entry: browser users log in with the form at {@code /login} and keep the
 * {@code YUQING_SESSION} cookie; API clients use HTTP Basic or a bearer token of this gateway (accepted on
 * {@code /api/**} only, verified with the gateway's own keys). Every proxied request then carries a signed token
 * (see the routing package); services validate it themselves.
 *
 * <p>CSRF: the login and logout forms (session token), and every unsafe {@code /api/**} call that rides on the session
 * cookie alone (double-submit cookie {@code XSRF-TOKEN} / header {@code X-XSRF-TOKEN}, see {@link ApiCsrf}). Calls
 * with their own {@code Authorization} need no token. The proxied console is exempt because Vaadin carries its own
 * CSRF token in every request.
 *
 * <p>Hardening: a locked login name or a throttled client address is refused before its password is checked
 * ({@link LoginThrottle}, counts in {@link LoginAttempts}); a console session ends after 30 minutes idle
 * ({@code server.servlet.session.timeout}), at its absolute lifetime, and at the next request after its user was
 * disabled or their password changed ({@link SessionLifetime}); a disabled user cannot log in and gets no token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final RequestMatcher API = pathPattern("/api/**");

    @Bean
    SecurityFilterChain gatewaySecurity(HttpSecurity http, Problems problemWriter, LoginAttempts attempts,
                                        AuditLog audit, Clock clock, JwtDecoder decoder, UserDirectory directory) {
        ProblemResponses problems = new ProblemResponses(problemWriter);
        AuthenticationEntryPoint entryPoint = DelegatingAuthenticationEntryPoint.builder()
                .addEntryPointFor(problems.unauthorized(), API)
                .defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
                .build();
        http
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/public/**", "/login", "/actuator/health", "/actuator/health/**",
                                "/actuator/info", "/error").permitAll()
                        // Never routed: everybody gets the same 404 and learns nothing about the feeds.
                        .requestMatchers("/internal/**").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new LoginThrottle(attempts, problemWriter, audit, clock),
                        UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler(startSession(clock, directory))
                        .failureHandler(backToLoginPage(attempts))
                        .permitAll())
                .httpBasic(basic -> basic
                        .realmName("Yuqing")
                        .authenticationEntryPoint(problems.unauthorized()))
                // A link in the console logs out, so GET is accepted too (see the report on logout CSRF).
                .logout(logout -> logout
                        .logoutRequestMatcher(pathPattern("/logout"))
                        .logoutSuccessHandler(redirectTo("/login?logout"))
                        .deleteCookies("YUQING_SESSION", "JSESSIONID")
                        .permitAll())
                .oauth2ResourceServer(oauth -> oauth
                        .bearerTokenResolver(apiBearerTokens())
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(rolesFromToken()))
                        .authenticationEntryPoint(problems.invalidBearerToken())
                        .accessDeniedHandler(problems.forbidden()))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(ApiCsrf.repository())
                        .csrfTokenRequestHandler(ApiCsrf.requestHandler())
                        .requireCsrfProtectionMatcher(new OrRequestMatcher(
                                pathPattern(HttpMethod.POST, "/login"), pathPattern(HttpMethod.POST, "/logout"),
                                ApiCsrf.sessionApiWrites())))
                .addFilterAfter(new ApiCsrf.CookieIssuer(), CsrfFilter.class)
                .cors(Customizer.withDefaults())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .defaultAccessDeniedHandlerFor(problems.forbidden(), API));
        return http.build();
    }

    /** Bearer tokens count on the API only; elsewhere (the console) the session decides. */
    private static BearerTokenResolver apiBearerTokens() {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        return request -> ApiCsrf.isApi(request) ? header.resolve(request) : null;
    }

    /** The token's {@code roles} become {@code ROLE_*} authorities, its {@code sub} the principal's name. */
    private static JwtAuthenticationConverter rolesFromToken() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(YuqingClaims.ROLES);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    /**
     * To the console, noting in the session who logged in and when, and as of which password change (for the
     * absolute session lifetime and the end of the session at a password change, see {@link SessionLifetime}).
     */
    private static AuthenticationSuccessHandler startSession(Clock clock, UserDirectory directory) {
        SimpleUrlAuthenticationSuccessHandler redirect = new SimpleUrlAuthenticationSuccessHandler("/");
        redirect.setAlwaysUseDefaultTargetUrl(true);
        return (request, response, authentication) -> {
            SessionLifetime.start(request.getSession(), authentication.getName(), Instant.now(clock), directory);
            redirect.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** Back to the login page, saying so when this failure locked the account. */
    private static AuthenticationFailureHandler backToLoginPage(LoginAttempts attempts) {
        return (request, response, exception) -> {
            String login = request.getParameter("username");
            boolean locked = login != null && attempts.lockedFor(login).isPresent();
            response.sendRedirect(locked ? "/login?locked" : "/login?error");
        };
    }

    @Bean
    FilterRegistrationBean<SessionLifetime> sessionLifetimeFilter(LoginPolicy policy, UserDirectory directory,
                                                                  Clock clock, AuditLog audit) {
        FilterRegistrationBean<SessionLifetime> registration = new FilterRegistrationBean<>(
                new SessionLifetime(policy.sessionLifetime(), directory, clock, audit));
        // Before Spring Security (-100) reads the security context from the session.
        registration.setOrder(-101);
        return registration;
    }

    /** Spring Security's authentication events feed the failure counts and the audit ({@link LoginAuditing}). */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        return new DefaultAuthenticationEventPublisher(events);
    }

    /** Always a redirect, whatever the client accepts (the default would answer 204 to non-browsers). */
    private static LogoutSuccessHandler redirectTo(String url) {
        SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
        handler.setDefaultTargetUrl(url);
        handler.setAlwaysUseDefaultTargetUrl(true);
        return handler;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(UserDirectory directory) {
        return login -> directory.find(login)
                .map(account -> User.withUsername(account.login())
                        .password(account.passwordHash())
                        .roles(account.roles().toArray(String[]::new))
                        .disabled(!account.enabled())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
