package org.yuqing.ui.gateway;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;

/**
 * Who the gateway says the user of the current request is ({@code X-Yuqing-User}, {@code X-Yuqing-Units}). The
 * gateway removes these headers from what clients send, so they are only as trustworthy as the route to the console:
 * the security issue replaces them with a signed token.
 */
public final class CurrentIdentity {

    private CurrentIdentity() {
    }

    /**
     * The login of the current request's user.
     *
     * @return the login, empty outside a request or when the console is reached without the gateway
     */
    public static Optional<String> login() {
        return header("X-Yuqing-User");
    }

    /**
     * The units of the current request's user.
     *
     * @return unit ids, empty when unknown
     */
    public static List<String> units() {
        return header("X-Yuqing-Units")
                .map(units -> Arrays.stream(units.split(",")).map(String::strip).filter(u -> !u.isEmpty()).toList())
                .orElse(List.of());
    }

    private static Optional<String> header(String name) {
        VaadinRequest request = VaadinService.getCurrentRequest();
        return Optional.ofNullable(request == null ? null : request.getHeader(name)).filter(v -> !v.isBlank());
    }
}
