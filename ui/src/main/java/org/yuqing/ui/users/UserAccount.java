package org.yuqing.ui.users;

import java.util.List;

/**
 * One user as {@code GET /api/identity/users} lists it.
 *
 * @param login   login name, unique
 * @param name    display name, e.g. 张伟
 * @param units   ids of the units the user belongs to
 * @param roles   role names, e.g. {@code ANALYST}; unknown names are kept as they are
 * @param enabled whether the user may log in
 */
record UserAccount(String login, String name, List<String> units, List<String> roles, boolean enabled) {

    UserAccount {
        units = units == null ? List.of() : List.copyOf(units);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
