package org.yuqing.ui.account;

import java.util.Optional;

/**
 * What the console checks before it sends a password change: the current password is given, the new one is at least
 * {@link #MIN_LENGTH} characters (counted as the gateway counts them, in code points, so 汉字 count once) and typed
 * the same twice. The gateway checks again (and more, e.g. not the login name); this only spares a round trip.
 */
enum NewPasswordCheck {

    /** The current password is missing. */
    CURRENT_MISSING("account.password.currentMissing"),
    /** The new password is shorter than {@link #MIN_LENGTH}. */
    TOO_SHORT("account.password.tooShort"),
    /** The repeated entry differs from the new password. */
    MISMATCH("account.password.mismatch");

    /** The gateway's password policy: at least ten characters. */
    static final int MIN_LENGTH = 10;

    private final String messageKey;

    NewPasswordCheck(String messageKey) {
        this.messageKey = messageKey;
    }

    /** The message key of the text shown at the field concerned; it takes {@link #MIN_LENGTH} as parameter. */
    String messageKey() {
        return messageKey;
    }

    /**
     * The first problem of the entries, in the order of the fields.
     *
     * @param current     the current password as typed
     * @param newPassword the new password
     * @param repeat      the new password typed again
     * @return the problem, empty when the change may be sent
     */
    static Optional<NewPasswordCheck> of(String current, String newPassword, String repeat) {
        if (current == null || current.isEmpty()) {
            return Optional.of(CURRENT_MISSING);
        }
        if (newPassword == null || newPassword.codePointCount(0, newPassword.length()) < MIN_LENGTH) {
            return Optional.of(TOO_SHORT);
        }
        if (!newPassword.equals(repeat)) {
            return Optional.of(MISMATCH);
        }
        return Optional.empty();
    }
}
