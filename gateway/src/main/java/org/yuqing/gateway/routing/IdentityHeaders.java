package org.yuqing.gateway.routing;

import java.util.Optional;
import java.util.function.Function;

import org.springframework.web.servlet.function.ServerRequest;
import org.yuqing.gateway.identity.UserAccount;
import org.yuqing.gateway.identity.UserDirectory;

/**
 * The identity the gateway vouches for on every proxied request: {@code X-Yuqing-User: <login>} and
 * {@code X-Yuqing-Units: <unit>,<unit>}. Whatever a client sent under these names is removed first, so only the
 * gateway speaks for the user. The security issue replaces these headers with a signed token.
 */
public final class IdentityHeaders {

    /** The authenticated user's login name. */
    public static final String USER = "X-Yuqing-User";

    /** The authenticated user's unit ids, comma-separated. */
    public static final String UNITS = "X-Yuqing-Units";

    private IdentityHeaders() {
    }

    /**
     * A gateway {@code before} filter that replaces the identity headers with the current user's (none for an
     * anonymous request, e.g. on the public site).
     *
     * @param directory where the authenticated login is looked up
     * @return the filter
     */
    static Function<ServerRequest, ServerRequest> vouchFor(UserDirectory directory) {
        return request -> {
            Optional<UserAccount> user = directory.current();
            return ServerRequest.from(request)
                    .headers(headers -> {
                        headers.remove(USER);
                        headers.remove(UNITS);
                        user.ifPresent(account -> {
                            headers.set(USER, account.login());
                            headers.set(UNITS, String.join(",", account.units()));
                        });
                    })
                    .build();
        };
    }
}
