package org.yuqing.gateway.routing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.function.ServerRequest;
import org.yuqing.gateway.audit.AuditedRequests;
import org.yuqing.gateway.identity.UserDirectory;
import org.yuqing.gateway.identity.UserTokens;

/**
 * The identity the gateway vouches for on every proxied request (令牌中继): {@code Authorization: Bearer <token>}.
 * A request that came with a valid bearer token of this gateway forwards that token unchanged; a logged-in user
 * (session or HTTP Basic) gets their relayed user token; an anonymous request carries no {@code Authorization}. A
 * client's own {@code Authorization} (above all its Basic password) is never forwarded, and the foundation's
 * {@code X-Yuqing-*} identity headers a client may send are removed.
 */
final class TokenRelay {

    /** The identity headers of the foundation, now only ever removed. */
    static final List<String> STRIPPED = List.of("X-Yuqing-User", "X-Yuqing-Units", "X-Yuqing-Roles",
            "X-Yuqing-Unit-Scope");

    /**
     * The client's address as the gateway saw it, for the services' audit ("from where"); set by the gateway only,
     * whatever a client sent under this name.
     */
    static final String CLIENT_ADDRESS = "X-Yuqing-Client-Address";

    private TokenRelay() {
    }

    /**
     * A gateway {@code before} filter putting the caller's token on the proxied request.
     *
     * @param directory the directory, for the current user
     * @param tokens    the relayed user tokens
     * @return the filter
     */
    static Function<ServerRequest, ServerRequest> relay(UserDirectory directory, UserTokens tokens) {
        return request -> {
            Optional<String> bearer = bearerOf(SecurityContextHolder.getContext().getAuthentication())
                    .or(() -> directory.current().map(account -> tokens.tokenFor(account).value()));
            return ServerRequest.from(request)
                    .headers(headers -> {
                        strip(headers);
                        headers.set(CLIENT_ADDRESS, AuditedRequests.clientIp(request.servletRequest()));
                        bearer.ifPresent(token -> headers.setBearerAuth(token));
                    })
                    .build();
        };
    }

    /**
     * A gateway {@code before} filter for routes that take no identity (the public site): no {@code Authorization},
     * no identity headers.
     *
     * @return the filter
     */
    static Function<ServerRequest, ServerRequest> anonymous() {
        return request -> ServerRequest.from(request).headers(headers -> {
            strip(headers);
            headers.set(CLIENT_ADDRESS, AuditedRequests.clientIp(request.servletRequest()));
        }).build();
    }

    private static Optional<String> bearerOf(Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken jwt && jwt.isAuthenticated()
                ? Optional.of(jwt.getToken().getTokenValue()) : Optional.empty();
    }

    private static void strip(HttpHeaders headers) {
        headers.remove(HttpHeaders.AUTHORIZATION);
        for (String name : List.copyOf(headers.headerNames())) {
            if (STRIPPED.stream().anyMatch(stripped -> stripped.equalsIgnoreCase(name))
                    || name.toLowerCase(Locale.ROOT).startsWith("x-yuqing-")) {
                headers.remove(name);
            }
        }
    }
}
