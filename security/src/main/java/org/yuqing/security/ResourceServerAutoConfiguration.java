package org.yuqing.security;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import jakarta.servlet.DispatcherType;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.yuqing.events.EventSourceUnavailableException;
import org.yuqing.events.EventsAutoConfiguration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the service an OAuth2 resource server when {@code yuqing.security.service} is set: stateless, every
 * request needs a valid bearer token (signature from the JWKS, issuer, audience, expiry), then the service's
 * {@link AccessRules} decide, and anything they do not allow is refused.
 */
@AutoConfiguration(before = EventsAutoConfiguration.class, beforeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"},
        afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@ConditionalOnProperty("yuqing.security.service")
@EnableConfigurationProperties(SecurityProperties.class)
@EnableWebSecurity
@Import({OutOfScopeAdvice.class, AuditController.class})
public class ResourceServerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        if (properties.jwkSetUri() == null || properties.issuer() == null || properties.issuer().isBlank()) {
            throw new IllegalStateException("yuqing.security.jwk-set-uri and yuqing.security.issuer must be set: "
                    + "they name the token issuer (the gateway, or an external OIDC provider)");
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString()).build();
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    /** Expiry and not-before with the configured skew, the issuer, and the platform audience. */
    static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(properties.audience())),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank())));
    }

    @Bean
    @ConditionalOnMissingBean
    AuditTrail auditTrail(ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<DataSource> dataSource,
                          SecurityProperties properties) {
        String schema = properties.audit().schema();
        DataSource ds = dataSource.getIfAvailable();
        if (ds != null && schema != null && !schema.isBlank()) {
            // The JdbcTemplate first: it waits for the service's own migrations, which expect to find the schema
            // empty on a fresh database.
            JdbcTemplate template = jdbc.getIfAvailable(() -> new JdbcTemplate(ds));
            // Its own history table, so the library's versions never interleave with the service's; baseline 0
            // because the service's tables are already there.
            Flyway.configure().dataSource(ds).schemas(schema).defaultSchema(schema).createSchemas(true)
                    .table("security_schema_history").baselineOnMigrate(true).baselineVersion("0")
                    .locations("classpath:db/security")
                    .load().migrate();
            return new AuditTrail(template, schema);
        }
        return new AuditTrail(null, null);
    }

    @Bean
    SecurityFilterChain resourceServer(HttpSecurity http, SecurityProperties properties, JwtDecoder decoder,
                                       ObjectProvider<AccessRules> rules, AuditTrail audit, JsonMapper json) {
        ProblemResponses problems = new ProblemResponses(json, audit);
        http
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Bearer tokens travel in a header a foreign page cannot set, so there is no CSRF to defend here.
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.decoder(decoder)
                                .jwtAuthenticationConverter(new CallerTokenConverter(properties.claims())))
                        .authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                            .requestMatchers("/internal/events").hasRole(Role.SERVICE.name())
                            .requestMatchers("/api/" + properties.service() + "/audit").hasRole(Role.ADMIN.name());
                    rules.orderedStream().forEach(r -> r.configure(requests));
                    requests.anyRequest().denyAll();
                });
        return http.build();
    }

    /** Controllers may take a {@link Caller} parameter. */
    @Bean
    WebMvcConfigurer callerArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new HandlerMethodArgumentResolver() {
                    @Override
                    public boolean supportsParameter(MethodParameter parameter) {
                        return parameter.getParameterType() == Caller.class;
                    }

                    @Override
                    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                                  NativeWebRequest request, WebDataBinderFactory binders) {
                        return Caller.current();
                    }
                });
            }
        };
    }

    /** This service's token for reading other services' feeds. */
    @Bean
    @ConditionalOnMissingBean
    ServiceTokens serviceTokens(SecurityProperties properties, ObjectProvider<Clock> clock) {
        String id = properties.client().id() == null || properties.client().id().isBlank()
                ? properties.service() : properties.client().id();
        return new ServiceTokens(properties.client(), id, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    EventsAutoConfiguration.FeedCredentials feedCredentials(ServiceTokens tokens) {
        return feedCredentialsOf(tokens);
    }

    /**
     * The service's token for feed reads. While a configured service has no token yet (the issuer is still
     * starting), the read waits and retries instead of going out without one and being refused and audited.
     */
    static EventsAutoConfiguration.FeedCredentials feedCredentialsOf(ServiceTokens tokens) {
        return () -> {
            String authorization = tokens.authorization();
            if (authorization == null && tokens.configured()) {
                throw new EventSourceUnavailableException("no service token from the issuer yet", null);
            }
            return authorization;
        };
    }
}
