package org.yuqing.gateway.admin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.jooq.DSLContext;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.gateway.audit.AuditAction;
import org.yuqing.gateway.audit.AuditEvent;
import org.yuqing.gateway.audit.AuditLog;
import org.yuqing.gateway.identity.PasswordPolicy;
import org.yuqing.gateway.identity.Unit;
import org.yuqing.gateway.identity.UnitTree;
import org.yuqing.gateway.identity.UserAccount;
import org.yuqing.gateway.identity.UserDirectory;
import org.yuqing.security.Role;

import static org.yuqing.gateway.db.Tables.UNITS;
import static org.yuqing.gateway.db.Tables.USERS;
import static org.yuqing.gateway.db.Tables.USER_ROLES;
import static org.yuqing.gateway.db.Tables.USER_UNITS;
import static org.yuqing.gateway.identity.ApiProblems.problem;

/**
 * The changes of the directory an administrator may make, each checked against their unit scope as the tree is at
 * that moment (one change at a time: a transaction-scoped advisory lock, so two moves cannot make a cycle together),
 * and audited in the same transaction.
 */
@Component
class DirectoryAdmin {

    /** The advisory lock key of directory changes, an arbitrary constant of this application. */
    static final long LOCK = 0x59_75_71_69_6E_67_03L;

    static final String UNIT_ID = "[a-z0-9-]{2,40}";
    static final String LOGIN = "[a-z0-9._-]{2,40}";
    private static final int MAX_NAME = 100;

    /** The roles a person may hold; INGEST and SERVICE belong to clients. */
    static final Set<Role> PERSON_ROLES = Set.of(Role.MONITOR, Role.ANALYST, Role.LEADER, Role.UNIT_HANDLER,
            Role.PUBLISHER, Role.ADMIN);

    private final DSLContext db;
    private final TransactionTemplate transactions;
    private final UserDirectory directory;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;

    DirectoryAdmin(DSLContext db, TransactionTemplate transactions, UserDirectory directory,
                   PasswordEncoder passwords, AuditLog audit, Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.directory = directory;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Who is changing the directory, and from where.
     *
     * @param account  the administrator
     * @param clientIp their address
     * @param method   the request's method
     * @param path     the request's path
     */
    record Admin(UserAccount account, String clientIp, String method, String path) {

        String login() {
            return account.login();
        }
    }

    AdminApi.UnitView createUnit(Admin admin, AdminApi.NewUnit unit) {
        if (unit.id() == null || !unit.id().matches(UNIT_ID)) {
            throw problem(HttpStatus.BAD_REQUEST, "单位编号须为 2–40 个小写字母、数字或连字符。");
        }
        String name = checkedName(unit.name());
        return locked(() -> {
            Set<String> scope = scopeOf(admin);
            if (unit.parentId() == null || !scope.contains(unit.parentId())) {
                throw problem(HttpStatus.FORBIDDEN, "上级单位不在您的管辖范围内。");
            }
            if (db.fetchExists(UNITS, UNITS.ID.eq(unit.id()))) {
                throw problem(HttpStatus.CONFLICT, "单位编号已存在。");
            }
            db.insertInto(UNITS, UNITS.ID, UNITS.NAME, UNITS.PARENT_ID).values(unit.id(), name, unit.parentId())
                    .execute();
            record(admin, AuditAction.UNIT_CHANGE, "created unit " + unit.id() + " under " + unit.parentId());
            return new AdminApi.UnitView(unit.id(), name, unit.parentId());
        });
    }

    AdminApi.UnitView changeUnit(Admin admin, String id, AdminApi.UnitChange change) {
        String name = checkedName(change.name());
        return locked(() -> {
            UnitTree tree = directory.tree();
            Set<String> scope = tree.scope(admin.account().units());
            Unit unit = tree.unit(id).filter(found -> scope.contains(found.id()))
                    .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "没有这个单位。"));
            String parent = change.parentId();
            if (!Objects.equals(parent, unit.parentId())) {
                if (parent == null || !scope.contains(parent)) {
                    throw problem(HttpStatus.FORBIDDEN, "新的上级单位不在您的管辖范围内。");
                }
                if (tree.isWithin(parent, id)) {
                    throw problem(HttpStatus.CONFLICT, "不能把单位移到它自己或它的下级单位之下。");
                }
            }
            db.update(UNITS).set(UNITS.NAME, name).set(UNITS.PARENT_ID, parent).where(UNITS.ID.eq(id)).execute();
            record(admin, AuditAction.UNIT_CHANGE, "unit " + id + ": name " + unit.name() + " -> " + name
                    + ", parent " + unit.parentId() + " -> " + parent);
            return new AdminApi.UnitView(id, name, parent);
        });
    }

    void deleteUnit(Admin admin, String id) {
        locked(() -> {
            UnitTree tree = directory.tree();
            Set<String> scope = tree.scope(admin.account().units());
            if (tree.unit(id).isEmpty() || !scope.contains(id)) {
                throw problem(HttpStatus.NOT_FOUND, "没有这个单位。");
            }
            if (!tree.childrenOf(id).isEmpty()) {
                throw problem(HttpStatus.CONFLICT, "该单位还有下级单位，不能删除。");
            }
            if (db.fetchExists(USER_UNITS, USER_UNITS.UNIT_ID.eq(id))) {
                throw problem(HttpStatus.CONFLICT, "该单位还有用户，不能删除。");
            }
            db.deleteFrom(UNITS).where(UNITS.ID.eq(id)).execute();
            record(admin, AuditAction.UNIT_CHANGE, "deleted unit " + id);
            return null;
        });
    }

    AdminApi.UserView createUser(Admin admin, AdminApi.NewUser user) {
        if (user.login() == null || !user.login().matches(LOGIN)) {
            throw problem(HttpStatus.BAD_REQUEST, "用户名须为 2–40 个小写字母、数字或 . _ -。");
        }
        String name = user.name() == null || user.name().isBlank() ? user.login() : checkedName(user.name());
        PasswordPolicy.violation(user.login(), user.password()).ifPresent(why -> {
            throw problem(HttpStatus.BAD_REQUEST, why);
        });
        List<String> roles = checkedRoles(user.roles());
        List<String> units = checkedUnitList(user.units());
        String hash = passwords.encode(user.password());
        return locked(() -> {
            Set<String> scope = scopeOf(admin);
            requireInScope(units, scope);
            if (db.fetchExists(USERS, USERS.LOGIN.eq(user.login()))) {
                throw problem(HttpStatus.CONFLICT, "用户名已存在。");
            }
            db.insertInto(USERS, USERS.LOGIN, USERS.DISPLAY_NAME, USERS.PASSWORD_HASH)
                    .values(user.login(), name, hash).execute();
            replaceUnitsAndRoles(user.login(), units, roles);
            record(admin, AuditAction.USER_CHANGE, "created user " + user.login() + " units " + units
                    + " roles " + roles);
            return view(directory.find(user.login()).orElseThrow());
        });
    }

    AdminApi.UserView changeUser(Admin admin, String login, AdminApi.UserChange change) {
        String name = change.name() == null ? null : checkedName(change.name());
        List<String> roles = change.roles() == null ? null : checkedRoles(change.roles());
        List<String> requestedUnits = change.units() == null ? null : checkedUnitList(change.units());
        return locked(() -> {
            Set<String> scope = scopeOf(admin);
            UserAccount user = visibleUser(login, scope);
            boolean self = user.login().equals(admin.login());
            if (self && Boolean.FALSE.equals(change.enabled())) {
                throw problem(HttpStatus.CONFLICT, "管理员不能停用自己的账户。");
            }
            if (self && roles != null && !roles.contains(Role.ADMIN.name())) {
                throw problem(HttpStatus.CONFLICT, "管理员不能撤销自己的管理员角色。");
            }
            List<String> units = user.units();
            if (requestedUnits != null) {
                requireInScope(requestedUnits, scope);
                Set<String> merged = new LinkedHashSet<>(requestedUnits);
                // Units outside this administrator's scope are not theirs to take away.
                user.units().stream().filter(unit -> !scope.contains(unit)).forEach(merged::add);
                units = List.copyOf(merged);
            }
            db.update(USERS)
                    .set(USERS.DISPLAY_NAME, name == null ? user.displayName() : name)
                    .set(USERS.ENABLED, change.enabled() == null ? user.enabled() : change.enabled())
                    .where(USERS.LOGIN.eq(login))
                    .execute();
            replaceUnitsAndRoles(login, units, roles == null ? user.roles() : roles);
            UserAccount after = directory.find(login).orElseThrow();
            record(admin, AuditAction.USER_CHANGE, "user " + login + ": units " + user.units() + " -> "
                    + after.units() + ", roles " + user.roles() + " -> " + after.roles() + ", enabled "
                    + user.enabled() + " -> " + after.enabled() + (name == null ? "" : ", renamed"));
            return view(after);
        });
    }

    void setPassword(Admin admin, String login, AdminApi.NewPassword password) {
        locked(() -> {
            UserAccount user = visibleUser(login, scopeOf(admin));
            PasswordPolicy.violation(user.login(), password.newPassword()).ifPresent(why -> {
                throw problem(HttpStatus.BAD_REQUEST, why);
            });
            directory.setPasswordHash(login, passwords.encode(password.newPassword()));
            record(admin, AuditAction.USER_CHANGE, "set the password of user " + login);
            return null;
        });
    }

    AdminApi.UserView user(Admin admin, String login) {
        return view(visibleUser(login, scopeOf(admin)));
    }

    List<AdminApi.UserView> users(Admin admin) {
        return directory.usersIn(scopeOf(admin)).stream().map(DirectoryAdmin::view).toList();
    }

    static AdminApi.UserView view(UserAccount account) {
        return new AdminApi.UserView(account.login(), account.displayName(), account.units(), account.roles(),
                account.enabled());
    }

    private UserAccount visibleUser(String login, Set<String> scope) {
        return directory.find(login)
                .filter(user -> user.units().stream().anyMatch(scope::contains))
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "没有这个用户。"));
    }

    private void replaceUnitsAndRoles(String login, List<String> units, List<String> roles) {
        db.deleteFrom(USER_UNITS).where(USER_UNITS.LOGIN.eq(login)).execute();
        for (String unit : units) {
            db.insertInto(USER_UNITS, USER_UNITS.LOGIN, USER_UNITS.UNIT_ID).values(login, unit).execute();
        }
        db.deleteFrom(USER_ROLES).where(USER_ROLES.LOGIN.eq(login)).execute();
        for (String role : roles) {
            db.insertInto(USER_ROLES, USER_ROLES.LOGIN, USER_ROLES.ROLE).values(login, role).execute();
        }
    }

    private Set<String> scopeOf(Admin admin) {
        return directory.tree().scope(admin.account().units());
    }

    private static void requireInScope(List<String> units, Set<String> scope) {
        if (!scope.containsAll(units)) {
            throw problem(HttpStatus.FORBIDDEN, "所选单位不在您的管辖范围内。");
        }
    }

    private static List<String> checkedUnitList(List<String> units) {
        if (units == null || units.isEmpty()) {
            throw problem(HttpStatus.BAD_REQUEST, "用户至少属于一个单位。");
        }
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(units));
        if (distinct.stream().anyMatch(unit -> unit == null || unit.isBlank())) {
            throw problem(HttpStatus.BAD_REQUEST, "单位编号不能为空。");
        }
        return List.copyOf(distinct);
    }

    private static List<String> checkedRoles(List<String> roles) {
        if (roles == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String name : new LinkedHashSet<>(roles)) {
            Role role = Role.parse(name).filter(PERSON_ROLES::contains)
                    .orElseThrow(() -> problem(HttpStatus.BAD_REQUEST, "未知的角色。"));
            names.add(role.name());
        }
        return List.copyOf(names);
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw problem(HttpStatus.BAD_REQUEST, "名称不能为空，且不超过 " + MAX_NAME + " 个字符。");
        }
        return name.strip();
    }

    private <T> T locked(Supplier<T> work) {
        return transactions.execute(status -> {
            db.fetch("select pg_advisory_xact_lock(?)", LOCK);
            return work.get();
        });
    }

    private void record(Admin admin, AuditAction action, String detail) {
        audit.record(new AuditEvent(clock.instant(), action, "DONE", admin.login(), admin.clientIp(),
                admin.method(), admin.path(), detail));
    }
}
