package org.yuqing.gateway.protection;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers the protection filters around Spring Security (whose chain runs at order -100): the headers and the
 * body size limit before it, the rate limit after it (it needs to know the user); and the API's CORS policy, which
 * Spring Security applies.
 */
@Configuration(proxyBeanMethods = false)
class ProtectionConfiguration {

    @Bean
    Problems problems(JsonMapper json) {
        return new Problems(json);
    }

    /**
     * CORS of the API: the listed origins only, with {@code Authorization} and {@code Content-Type}; without a
     * listed origin every cross-origin call and preflight is refused (403, no allow headers). Spring Security's
     * chains pick this bean up by its name.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOrigins(properties.allowedOrigins());
        api.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        api.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE));
        api.setAllowCredentials(false);
        api.setMaxAge(Duration.ofMinutes(30));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", api);
        return source;
    }

    @Bean
    TokenBuckets rateLimitBuckets(Clock clock, ProtectionProperties properties) {
        return new TokenBuckets(clock, properties.requestsPerSecond(), properties.burst());
    }

    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeadersFilter(ProtectionProperties properties) {
        FilterRegistrationBean<SecurityHeaders> registration =
                new FilterRegistrationBean<>(new SecurityHeaders(properties.contentSecurityPolicy()));
        // Outermost after Spring's request context (-105): every answer, even a denial, carries the headers.
        registration.setOrder(-104);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimitFilter(ProtectionProperties properties, Problems problems) {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(
                new BodySizeLimit(properties.maxApiBodySize().toBytes(), properties.maxUploadSize().toBytes(),
                        problems));
        registration.setOrder(-102);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RateLimit> rateLimitFilter(TokenBuckets buckets, Problems problems) {
        FilterRegistrationBean<RateLimit> registration = new FilterRegistrationBean<>(new RateLimit(buckets, problems));
        registration.setOrder(-98);
        return registration;
    }
}
