package org.yuqing.gateway.routing;

import java.net.URI;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.yuqing.gateway.identity.UserDirectory;
import org.yuqing.gateway.identity.UserTokens;
import org.yuqing.gateway.protection.BodySizeLimit;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

/**
 * The routes, in priority order: each service's API, the public statements site, then the console for everything
 * that is not the gateway's own ({@code /login}, {@code /logout}, {@code /oauth2/**}, {@code /.well-known/**},
 * {@code /actuator/**}, and {@code /api/**} families without a route such as {@code /api/identity/**}, which the
 * gateway's controllers answer). {@code /internal/**} (the event feeds) is never routed and answers 404. Every proxied
 * request carries the caller's token ({@link TokenRelay}).
 */
@Configuration(proxyBeanMethods = false)
class RoutesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RoutesConfiguration.class);

    @Bean
    RouterFunction<ServerResponse> gatewayRoutes(RouteTargets targets, UserDirectory directory, UserTokens tokens) {
        Function<ServerRequest, ServerRequest> relay = TokenRelay.relay(directory, tokens);
        return proxy("monitoring", path("/api/monitoring/**"), targets.monitoring(), relay)
                .and(proxy("grading", path("/api/grading/**"), targets.grading(), relay))
                .and(proxy("casework", path("/api/casework/**"), targets.casework(), relay))
                .and(proxy("publishing", path("/api/publishing/**"), targets.publishing(), relay))
                .and(proxy("public-site", path("/public/**"), targets.publishing(), TokenRelay.anonymous()))
                .and(proxy("console", consolePaths(), targets.console(), relay));
    }

    /** Everything except what the gateway answers itself, the API families and the never-routed feeds. */
    private static RequestPredicate consolePaths() {
        return path("/**")
                .and(path("/api/**").negate())
                .and(path("/internal/**").negate())
                .and(path("/login").negate())
                .and(path("/logout").negate())
                .and(path("/oauth2/**").negate())
                .and(path("/.well-known/**").negate())
                .and(path("/actuator/**").negate())
                .and(path("/error").negate());
    }

    private static RouterFunction<ServerResponse> proxy(String id, RequestPredicate paths, URI target,
                                                        Function<ServerRequest, ServerRequest> identity) {
        return route(id)
                .route(paths, http())
                .before(uri(target))
                .before(identity)
                .onError(ResourceAccessException.class, (error, request) -> unavailable(id, request))
                .build();
    }

    /** A route whose service does not answer: 502 as a problem, the cause only in the log. */
    private static ServerResponse unavailable(String id, ServerRequest request) {
        if (BodySizeLimit.exceeded(request.servletRequest())) {
            // Not the service's fault: the client's chunked body passed the limit and the proxying was cut off.
            return problem(HttpStatus.CONTENT_TOO_LARGE, "请求体过大：超过了允许的大小。", request);
        }
        log.warn("route {}: no answer for {} {}", id, request.method(), request.path());
        return problem(HttpStatus.BAD_GATEWAY, "服务 " + id + " 暂时无法访问，请稍后重试。", request);
    }

    private static ServerResponse problem(HttpStatus status, String detail, ServerRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.requestPath().value()));
        return ServerResponse.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
