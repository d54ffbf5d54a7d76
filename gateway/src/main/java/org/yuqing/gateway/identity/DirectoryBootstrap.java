package org.yuqing.gateway.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.security.Role;

import static org.yuqing.gateway.db.Tables.UNITS;
import static org.yuqing.gateway.db.Tables.USERS;
import static org.yuqing.gateway.db.Tables.USER_ROLES;
import static org.yuqing.gateway.db.Tables.USER_UNITS;

/**
 * Seeds an empty directory at start-up: the units of {@code yuqing.gateway.bootstrap.units} when the units table is
 * empty, the users of {@code yuqing.gateway.users} when the users table is empty. Several gateways starting at once
 * seed once (a transaction-scoped advisory lock).
 */
@Component
class DirectoryBootstrap implements InitializingBean {

    /** The advisory lock key of the seeding, an arbitrary constant of this application. */
    static final long LOCK = 0x59_75_71_69_6E_67_01L;

    private static final Logger log = LoggerFactory.getLogger(DirectoryBootstrap.class);

    private final DSLContext db;
    private final TransactionTemplate transactions;
    private final IdentityProperties properties;

    DirectoryBootstrap(DSLContext db, TransactionTemplate transactions, IdentityProperties properties) {
        this.db = db;
        this.transactions = transactions;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        List<UserAccount> users = properties.users().stream()
                .map(user -> new UserAccount(user.login(), user.displayName(), user.password(), user.units(),
                        checkedRoles(user.login(), user.roles())))
                .toList();
        transactions.executeWithoutResult(status -> {
            db.fetch("select pg_advisory_xact_lock(?)", LOCK);
            if (db.fetchCount(UNITS) == 0) {
                seedUnits();
            }
            if (db.fetchCount(USERS) == 0) {
                seedUsers(users);
            }
        });
    }

    private void seedUnits() {
        Map<String, IdentityProperties.BootstrapUnit> pending = new LinkedHashMap<>();
        for (IdentityProperties.BootstrapUnit unit : properties.bootstrap().units()) {
            if (unit.id() == null || unit.id().isBlank() || pending.put(unit.id(), unit) != null) {
                throw new IllegalArgumentException("yuqing.gateway.bootstrap.units: missing or repeated id " + unit.id());
            }
        }
        Set<String> inserted = new LinkedHashSet<>();
        // Parents first: each round inserts the units whose parent is already there.
        while (!pending.isEmpty()) {
            List<IdentityProperties.BootstrapUnit> ready = new ArrayList<>();
            for (IdentityProperties.BootstrapUnit unit : pending.values()) {
                if (blank(unit.parent()) || inserted.contains(unit.parent())) {
                    ready.add(unit);
                }
            }
            if (ready.isEmpty()) {
                throw new IllegalArgumentException(
                        "yuqing.gateway.bootstrap.units: unknown parent or a cycle among " + pending.keySet());
            }
            for (IdentityProperties.BootstrapUnit unit : ready) {
                db.insertInto(UNITS, UNITS.ID, UNITS.NAME, UNITS.PARENT_ID)
                        .values(unit.id(), blank(unit.name()) ? unit.id() : unit.name(),
                                blank(unit.parent()) ? null : unit.parent())
                        .execute();
                inserted.add(unit.id());
                pending.remove(unit.id());
            }
        }
        log.info("directory seeded with {} units", inserted.size());
    }

    private void seedUsers(List<UserAccount> users) {
        for (UserAccount user : users) {
            for (String unit : user.units()) {
                int created = db.insertInto(UNITS, UNITS.ID, UNITS.NAME).values(unit, unit)
                        .onConflictDoNothing().execute();
                if (created > 0) {
                    log.warn("unit {} of configured user {} is not in the directory: created as a root", unit,
                            user.login());
                }
            }
            db.insertInto(USERS, USERS.LOGIN, USERS.DISPLAY_NAME, USERS.PASSWORD_HASH)
                    .values(user.login(), user.displayName(), user.passwordHash())
                    .execute();
            for (String unit : user.units()) {
                db.insertInto(USER_UNITS, USER_UNITS.LOGIN, USER_UNITS.UNIT_ID).values(user.login(), unit)
                        .onConflictDoNothing().execute();
            }
            for (String role : user.roles()) {
                db.insertInto(USER_ROLES, USER_ROLES.LOGIN, USER_ROLES.ROLE).values(user.login(), role)
                        .onConflictDoNothing().execute();
            }
        }
        log.info("directory seeded with {} users", users.size());
    }

    private static List<String> checkedRoles(String login, List<String> roles) {
        if (roles == null) {
            return List.of();
        }
        return roles.stream()
                .map(name -> Role.parse(name).orElseThrow(() -> new IllegalArgumentException(
                        "yuqing.gateway.users: unknown role " + name + " of " + login)).name())
                .toList();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
