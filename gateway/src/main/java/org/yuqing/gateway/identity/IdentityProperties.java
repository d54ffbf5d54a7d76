package org.yuqing.gateway.identity;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The user directory from configuration, {@code yuqing.gateway.users[*]} with {@code login}, {@code display-name},
 * {@code password} (a hash in {@code {bcrypt}...} form, never the clear text), {@code units} and {@code roles}.
 *
 * @param users the configured users; none means nobody can log in
 */
@ConfigurationProperties("yuqing.gateway")
record IdentityProperties(List<User> users) {

    IdentityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * One configured user.
     *
     * @param login       login name
     * @param displayName display name
     * @param password    password hash with its encoder id
     * @param units       unit ids
     * @param roles       role names
     */
    record User(String login, String displayName, String password, List<String> units, List<String> roles) {
    }
}
