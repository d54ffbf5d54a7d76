package org.yuqing.gateway;

import java.util.List;
import java.util.UUID;

import org.jooq.DSLContext;

import static org.yuqing.gateway.db.Tables.UNITS;
import static org.yuqing.gateway.db.Tables.USERS;
import static org.yuqing.gateway.db.Tables.USER_ROLES;
import static org.yuqing.gateway.db.Tables.USER_UNITS;

/**
 * Puts users and units of a test straight into the directory (the tests share one database, so every name is made
 * unique with {@link #unique(String)}).
 */
public final class TestUsers {

    /** The password of {@link #HASH}. */
    public static final String PASSWORD = "yuqing-demo";

    /** A bcrypt hash of {@link #PASSWORD}, as configured for the demo user. */
    public static final String HASH = "{bcrypt}$2a$10$nouwD.TDs793cJFuEaKdq.7vmDcwKJ90yAxK3nklkN.QZ6XbS4xDy";

    /** The six roles of people. */
    public static final List<String> ALL_PERSON_ROLES =
            List.of("MONITOR", "ANALYST", "LEADER", "UNIT_HANDLER", "PUBLISHER", "ADMIN");

    private TestUsers() {
    }

    /**
     * A name no other test uses.
     *
     * @param prefix a readable prefix
     * @return {@code prefix-<8 hex>}
     */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Adds a unit.
     *
     * @param db       the directory
     * @param id       unit id
     * @param parentId parent id or null
     */
    public static void unit(DSLContext db, String id, String parentId) {
        db.insertInto(UNITS, UNITS.ID, UNITS.NAME, UNITS.PARENT_ID).values(id, "单位 " + id, parentId).execute();
    }

    /**
     * Adds an enabled user with password {@link #PASSWORD}.
     *
     * @param db    the directory
     * @param login login
     * @param units unit ids (existing)
     * @param roles role names
     */
    public static void user(DSLContext db, String login, List<String> units, List<String> roles) {
        db.insertInto(USERS, USERS.LOGIN, USERS.DISPLAY_NAME, USERS.PASSWORD_HASH).values(login, "测试 " + login, HASH)
                .execute();
        units.forEach(unit -> db.insertInto(USER_UNITS, USER_UNITS.LOGIN, USER_UNITS.UNIT_ID).values(login, unit)
                .execute());
        roles.forEach(role -> db.insertInto(USER_ROLES, USER_ROLES.LOGIN, USER_ROLES.ROLE).values(login, role)
                .execute());
    }
}
