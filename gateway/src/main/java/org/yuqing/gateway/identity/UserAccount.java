package org.yuqing.gateway.identity;

import java.util.List;
import java.util.Objects;

/**
 * A user of the platform (用户) as the gateway knows them.
 *
 * @param login        the login name, the {@code sub} of the user's tokens; ASCII letters, digits and {@code . _ @ -}
 * @param displayName  the name shown in the console, e.g. 张三
 * @param passwordHash the password hash in {@code DelegatingPasswordEncoder} form, e.g. {@code {bcrypt}$2a$10$...}
 * @param units        the ids of the units (责任单位) the user acts for, never empty
 * @param roles        the user's roles, e.g. {@code MONITOR}, {@code LEADER}
 * @param enabled      false for a disabled account, which can neither log in nor get tokens
 */
public record UserAccount(String login, String displayName, String passwordHash, List<String> units,
                          List<String> roles, boolean enabled) {

    /**
     * Validates and copies the account.
     *
     * @throws IllegalArgumentException when the login or a unit id has characters outside the allowed ones, or the hash
     *                                  has no encoder id
     */
    public UserAccount {
        Objects.requireNonNull(login, "login");
        if (!login.matches("[A-Za-z0-9._@-]+")) {
            throw new IllegalArgumentException("login must be ASCII letters, digits or . _ @ -: " + login);
        }
        displayName = displayName == null || displayName.isBlank() ? login : displayName;
        if (passwordHash == null || !passwordHash.matches("\\{[^}]+}.+")) {
            throw new IllegalArgumentException(
                    "password of " + login + " must be a hash with its encoder id, e.g. {bcrypt}$2a$10$...");
        }
        units = List.copyOf(units == null ? List.of() : units);
        if (units.isEmpty()) {
            throw new IllegalArgumentException("user " + login + " needs at least one unit");
        }
        for (String unit : units) {
            if (!unit.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("unit ids are ASCII letters, digits or . _ -: " + unit);
            }
        }
        roles = List.copyOf(roles == null ? List.of() : roles);
    }

    /**
     * An enabled account.
     *
     * @param login        the login name
     * @param displayName  the display name
     * @param passwordHash the password hash with its encoder id
     * @param units        the unit ids
     * @param roles        the role names
     */
    public UserAccount(String login, String displayName, String passwordHash, List<String> units, List<String> roles) {
        this(login, displayName, passwordHash, units, roles, true);
    }
}
