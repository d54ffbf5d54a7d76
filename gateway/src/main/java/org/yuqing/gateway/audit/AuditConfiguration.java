package org.yuqing.gateway.audit;

import java.io.IOException;
import java.time.Clock;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yuqing.security.AuditTrail;

/**
 * Audits every 401, 403 and 429 answer, whoever produced it (the gateway's security, its limits or a service behind
 * it). Two filters: one outside Spring Security that sees the final status, one inside it that notes who was
 * authenticated (the security context is gone by the time the outer filter sees the status).
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /** Outside everything that may deny a request, including Spring Security (order -100). */
    static final int DENIAL_AUDIT_ORDER = -103;

    /** Right after Spring Security's filter chain, where the security context is known. */
    static final int PRINCIPAL_CAPTURE_ORDER = -99;

    /** The schema of the directory and of the gateway's audit. */
    static final String IDENTITY_SCHEMA = "identity";

    private static final Set<Integer> DENIALS = Set.of(401, 403, 429);

    /**
     * The library's audit over {@code identity.audit_event}; the table comes with the gateway's own Flyway
     * ({@code classpath:db/security}).
     */
    @Bean
    AuditTrail auditTrail(JdbcTemplate jdbc) {
        return new AuditTrail(jdbc, IDENTITY_SCHEMA);
    }

    @Bean
    AuditLog auditLog(AuditTrail trail, ObjectProvider<ActorUnits> units) {
        return new PersistentAuditLog(trail, units.getIfAvailable(() -> login -> Set.of()));
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> denialAuditFilter(AuditLog audit, Clock clock) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws ServletException, IOException {
                        try {
                            chain.doFilter(request, response);
                        } finally {
                            int status = response.getStatus();
                            if (DENIALS.contains(status)) {
                                audit.record(new AuditEvent(clock.instant(), AuditAction.DENIED,
                                        Integer.toString(status), AuditedRequests.who(request),
                                        AuditedRequests.clientIp(request), request.getMethod(),
                                        request.getRequestURI(),
                                        request.getAttribute(AuditedRequests.PRINCIPAL) == null
                                                && AuditedRequests.claimedBasicLogin(request).isPresent()
                                                ? "login not verified" : ""));
                            }
                        }
                    }
                });
        registration.setOrder(DENIAL_AUDIT_ORDER);
        registration.setName("denialAuditFilter");
        return registration;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> principalCaptureFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws ServletException, IOException {
                        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                        if (authentication != null && authentication.isAuthenticated()
                                && !(authentication instanceof AnonymousAuthenticationToken)) {
                            request.setAttribute(AuditedRequests.PRINCIPAL, authentication.getName());
                        }
                        chain.doFilter(request, response);
                    }
                });
        registration.setOrder(PRINCIPAL_CAPTURE_ORDER);
        registration.setName("auditPrincipalCaptureFilter");
        return registration;
    }
}
