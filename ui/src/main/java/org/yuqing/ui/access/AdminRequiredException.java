package org.yuqing.ui.access;

/**
 * A non-administrator navigated to an {@link AdminOnly} view; the router shows {@link AccessDeniedView} for it.
 */
public class AdminRequiredException extends RuntimeException {

    /** For the router, which creates the exception itself when rerouting. */
    public AdminRequiredException() {
        super("administrators only");
    }

    /**
     * @param message what was refused, for the log
     */
    public AdminRequiredException(String message) {
        super(message);
    }
}
