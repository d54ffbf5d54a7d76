package org.yuqing.gateway.identity;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The seeds of an empty directory, {@code yuqing.gateway.*}: {@code users[*]} with {@code login},
 * {@code display-name}, {@code password} (a hash in {@code {bcrypt}...} form, never the clear text), {@code units}
 * and {@code roles}, used when the users table is empty; {@code bootstrap.units[*]} with {@code id}, {@code name}
 * and {@code parent}, used when the units table is empty.
 *
 * @param users     the users to seed
 * @param bootstrap the units to seed
 */
@ConfigurationProperties("yuqing.gateway")
record IdentityProperties(List<User> users, Bootstrap bootstrap) {

    IdentityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        bootstrap = bootstrap == null ? new Bootstrap(List.of()) : bootstrap;
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

    /**
     * The seed of the unit tree.
     *
     * @param units units, in any order
     */
    record Bootstrap(List<BootstrapUnit> units) {

        Bootstrap {
            units = units == null ? List.of() : List.copyOf(units);
        }
    }

    /**
     * One seeded unit (责任单位).
     *
     * @param id     the unit id
     * @param name   its name, e.g. 区应急管理局
     * @param parent the parent's id, empty for a root
     */
    record BootstrapUnit(String id, String name, String parent) {
    }
}
