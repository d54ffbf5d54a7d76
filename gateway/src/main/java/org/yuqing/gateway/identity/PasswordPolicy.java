package org.yuqing.gateway.identity;

import java.util.Optional;

/**
 * What a new password must be (密码策略): at least ten characters and not the login name.
 */
public final class PasswordPolicy {

    /** The shortest password accepted. */
    public static final int MIN_LENGTH = 10;

    private PasswordPolicy() {
    }

    /**
     * Checks a new password.
     *
     * @param login    the login name of its user
     * @param password the new password in clear text
     * @return why it is refused (Chinese, never echoing the password), empty when it is acceptable
     */
    public static Optional<String> violation(String login, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("密码至少需要 " + MIN_LENGTH + " 个字符。");
        }
        if (password.equalsIgnoreCase(login)) {
            return Optional.of("密码不能与用户名相同。");
        }
        return Optional.empty();
    }
}
