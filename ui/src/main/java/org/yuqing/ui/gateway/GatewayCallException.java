package org.yuqing.ui.gateway;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A call to the platform API through the gateway that gave no usable answer. Views show the service's own
 * explanation ({@link #detail()}, the {@code detail} of a problem+json answer to a refused request) when there is
 * one, else the translated {@link #messageKey()}; never the cause.
 */
public class GatewayCallException extends RuntimeException {

    /** Why the call failed, as the user can act on it. */
    public enum Reason {
        /** The gateway did not answer (down, or a network problem). */
        GATEWAY_UNREACHABLE,
        /** The gateway no longer knows the user's session: log in again. */
        NOT_LOGGED_IN,
        /** The user may not see this. */
        FORBIDDEN,
        /** The object asked for does not exist (or lies outside the user's units). */
        NOT_FOUND,
        /** The request conflicts with the current state, e.g. deleting a unit that still has members. */
        CONFLICT,
        /** The request was refused as invalid. */
        REJECTED,
        /** The service behind the gateway failed or is down. */
        SERVICE_UNAVAILABLE,
        /** The answer could not be read. */
        UNEXPECTED_ANSWER
    }

    private final Reason reason;
    private final String detail;

    GatewayCallException(Reason reason, String message, Throwable cause) {
        this(reason, null, message, cause);
    }

    GatewayCallException(Reason reason, String detail, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.detail = detail == null || detail.isBlank() ? null : detail.strip();
    }

    /**
     * Why the call failed.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The message key of the text to show, e.g. {@code error.GATEWAY_UNREACHABLE}.
     *
     * @return the key in the console's message bundles
     */
    public String messageKey() {
        return "error." + reason.name();
    }

    /**
     * The service's explanation of a refused request (the problem detail of a 4xx answer), written for the user.
     *
     * @return the detail, empty when the answer had none or the call failed otherwise
     */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    /**
     * The text to show the user: the service's detail, else the translated reason.
     *
     * @param translate the view's translation of a message key
     * @return the text
     */
    public String userMessage(UnaryOperator<String> translate) {
        return detail().orElseGet(() -> translate.apply(messageKey()));
    }
}
