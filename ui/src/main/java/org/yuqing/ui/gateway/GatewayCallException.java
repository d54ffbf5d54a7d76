package org.yuqing.ui.gateway;

/**
 * A call to the platform API through the gateway that gave no usable answer. Views show the translated
 * {@link #messageKey()} to the user, never the cause.
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
        /** The request was refused as invalid. */
        REJECTED,
        /** The service behind the gateway failed or is down. */
        SERVICE_UNAVAILABLE,
        /** The answer could not be read. */
        UNEXPECTED_ANSWER
    }

    private final Reason reason;

    GatewayCallException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
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
}
