package org.yuqing.ui.gateway;

import java.util.List;
import java.util.Optional;

import org.yuqing.security.Caller;
import org.yuqing.security.Role;

/**
 * Who the user of the current request is, as the validated bearer token says ({@link Caller#current()}). The
 * console trusts no identity header: the token is checked (signature, issuer, audience, expiry) before any view runs.
 */
public final class CurrentIdentity {

    private CurrentIdentity() {
    }

    /**
     * The caller of the current request.
     *
     * @return the caller, empty outside a request or without a valid token
     */
    public static Optional<Caller> caller() {
        Caller caller = Caller.current();
        return Caller.SYSTEM.equals(caller) ? Optional.empty() : Optional.of(caller);
    }

    /**
     * The login of the current request's user.
     *
     * @return the login, empty when unknown
     */
    public static Optional<String> login() {
        return caller().map(Caller::login);
    }

    /**
     * The display name of the current request's user.
     *
     * @return the name (the login when the token carries none), empty when unknown
     */
    public static Optional<String> name() {
        return caller().map(Caller::name);
    }

    /**
     * The units of the current request's user.
     *
     * @return unit ids, sorted, empty when unknown
     */
    public static List<String> units() {
        return caller().map(c -> c.units().stream().sorted().toList()).orElse(List.of());
    }

    /**
     * Whether the current request's user holds a role.
     *
     * @param role a role
     * @return {@code true} when the token grants it
     */
    public static boolean has(Role role) {
        return caller().map(c -> c.has(role)).orElse(false);
    }

    /**
     * Whether the current request's user is an administrator (管理员), who alone sees the admin pages.
     *
     * @return {@code true} for role {@link Role#ADMIN}
     */
    public static boolean isAdmin() {
        return has(Role.ADMIN);
    }
}
