package org.yuqing.gateway.protection;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yuqing.gateway.audit.AuditedRequests;

/**
 * Rate limit (限流) after authentication: each authenticated user has a token bucket, anonymous requests (the public
 * statements site, the login page) one per client address. An empty bucket answers 429 with {@code Retry-After}.
 * Health checks are never limited.
 */
final class RateLimit extends OncePerRequestFilter {

    static final String DETAIL = "请求过于频繁，请稍后再试。";

    private final TokenBuckets buckets;
    private final Problems problems;

    RateLimit(TokenBuckets buckets, Problems problems) {
        this.buckets = buckets;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String key = authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)
                ? "user:" + authentication.getName()
                : "ip:" + AuditedRequests.clientIp(request);
        Optional<Duration> wait = buckets.take(key);
        if (wait.isPresent()) {
            problems.tooManyRequests(request, response, wait.get(), DETAIL);
            return;
        }
        chain.doFilter(request, response);
    }
}
