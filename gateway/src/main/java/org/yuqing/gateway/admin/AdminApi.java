package org.yuqing.gateway.admin;

import java.util.List;

/**
 * The request and answer bodies of the administration API.
 */
final class AdminApi {

    private AdminApi() {
    }

    /**
     * A unit as the console shows it.
     *
     * @param id       unit id
     * @param name     unit name
     * @param parentId parent unit id, {@code null} for a root
     */
    record UnitView(String id, String name, String parentId) {
    }

    /**
     * A new unit.
     *
     * @param id       {@code [a-z0-9-]{2,40}}
     * @param name     its name
     * @param parentId its parent, in the administrator's scope
     */
    record NewUnit(String id, String name, String parentId) {
    }

    /**
     * A renamed or moved unit.
     *
     * @param name     the new name
     * @param parentId the new parent, in the administrator's scope
     */
    record UnitChange(String name, String parentId) {
    }

    /**
     * A user as administrators see them (never the password hash).
     *
     * @param login   login name
     * @param name    display name
     * @param units   unit ids
     * @param roles   role names
     * @param enabled whether they can log in
     */
    record UserView(String login, String name, List<String> units, List<String> roles, boolean enabled) {
    }

    /**
     * A new user.
     *
     * @param login    {@code [a-z0-9._-]{2,40}}
     * @param name     display name
     * @param password the first password, per the password policy
     * @param units    unit ids in the administrator's scope
     * @param roles    person role names
     */
    record NewUser(String login, String name, String password, List<String> units, List<String> roles) {

        /** Never prints the password. */
        @Override
        public String toString() {
            return "NewUser[login=" + login + ", units=" + units + ", roles=" + roles + "]";
        }
    }

    /**
     * A change of a user; an absent field stays as it is.
     *
     * @param name    display name
     * @param units   the user's units within the administrator's scope (units outside it are kept)
     * @param roles   person role names
     * @param enabled whether they can log in
     */
    record UserChange(String name, List<String> units, List<String> roles, Boolean enabled) {
    }

    /**
     * A password set by an administrator.
     *
     * @param newPassword the new password, per the password policy
     */
    record NewPassword(String newPassword) {

        /** Never prints the password. */
        @Override
        public String toString() {
            return "NewPassword[***]";
        }
    }
}
