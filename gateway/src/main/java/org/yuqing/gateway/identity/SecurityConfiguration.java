package org.yuqing.gateway.identity;

import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
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
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.yuqing.gateway.audit.AuditLog;
import org.yuqing.gateway.protection.Problems;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Authentication at the entry (foundation level): browser users log in with the form at {@code /login} and keep the
 * {@code YUQING_SESSION} cookie; API clients use HTTP Basic. The security issue replaces the forwarded identity
 * headers with signed tokens that each service validates.
 *
 * <p>CSRF is checked only where the gateway itself takes a form post ({@code /login}, {@code /logout}). The API
 * ({@code /api/**}) is exempt for now, its Basic and cookie clients being trusted; the security issue adds
 * token-based CSRF protection there. The proxied console is exempt because Vaadin carries its own CSRF token in
 * every request.
 *
 * <p>Hardening: a locked login name or a throttled client address is refused before its password is checked
 * ({@link LoginThrottle}, counts in {@link LoginAttempts}); a console session ends after 30 minutes idle
 * ({@code server.servlet.session.timeout}) or at its absolute lifetime ({@link SessionLifetime}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final RequestMatcher API = pathPattern("/api/**");

    @Bean
    SecurityFilterChain gatewaySecurity(HttpSecurity http, Problems problemWriter, LoginAttempts attempts,
                                        AuditLog audit, Clock clock) {
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
                        .successHandler(startSession(clock))
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
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(new OrRequestMatcher(
                        pathPattern(HttpMethod.POST, "/login"), pathPattern(HttpMethod.POST, "/logout"))))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .defaultAccessDeniedHandlerFor(problems.forbidden(), API));
        return http.build();
    }

    /** To the console, noting in the session when its user logged in (for the absolute session lifetime). */
    private static AuthenticationSuccessHandler startSession(Clock clock) {
        SimpleUrlAuthenticationSuccessHandler redirect = new SimpleUrlAuthenticationSuccessHandler("/");
        redirect.setAlwaysUseDefaultTargetUrl(true);
        return (request, response, authentication) -> {
            request.getSession().setAttribute(SessionLifetime.LOGGED_IN_AT, Instant.now(clock));
            request.getSession().setAttribute(SessionLifetime.LOGIN, authentication.getName());
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
    FilterRegistrationBean<SessionLifetime> sessionLifetimeFilter(LoginPolicy policy, Clock clock, AuditLog audit) {
        FilterRegistrationBean<SessionLifetime> registration =
                new FilterRegistrationBean<>(new SessionLifetime(policy.sessionLifetime(), clock, audit));
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
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
