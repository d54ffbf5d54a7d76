package org.yuqing.gateway.identity;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.yuqing.security.Role;
import org.yuqing.security.YuqingClaims;

import static org.jooq.impl.DSL.array;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.select;
import static org.yuqing.gateway.db.Tables.UNITS;
import static org.yuqing.gateway.db.Tables.USERS;
import static org.yuqing.gateway.db.Tables.USER_ROLES;
import static org.yuqing.gateway.db.Tables.USER_UNITS;

/**
 * The users and units (用户目录) the gateway authenticates and issues tokens for, read from the {@code identity}
 * schema on every call, so a change made by any gateway instance counts at once.
 */
@Component
public class UserDirectory {

    private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

    private static final Field<String[]> UNITS_OF_USER = array(select(USER_UNITS.UNIT_ID).from(USER_UNITS)
            .where(USER_UNITS.LOGIN.eq(USERS.LOGIN)).orderBy(USER_UNITS.UNIT_ID));
    private static final Field<String[]> ROLES_OF_USER = array(select(USER_ROLES.ROLE).from(USER_ROLES)
            .where(USER_ROLES.LOGIN.eq(USERS.LOGIN)));

    private final DSLContext db;

    UserDirectory(DSLContext db) {
        this.db = db;
    }

    /**
     * Finds a user by login name, enabled or not.
     *
     * @param login the login name, case-sensitive
     * @return the account, empty when unknown
     */
    public Optional<UserAccount> find(String login) {
        if (login == null) {
            return Optional.empty();
        }
        return db.select(columns()).from(USERS).where(USERS.LOGIN.eq(login))
                .fetchOptional()
                .flatMap(UserDirectory::account);
    }

    /**
     * The users having at least one unit among the given ones.
     *
     * @param units unit ids, e.g. an administrator's scope
     * @return their accounts by login
     */
    public List<UserAccount> usersIn(Collection<String> units) {
        return db.select(columns()).from(USERS)
                .where(USERS.LOGIN.in(select(USER_UNITS.LOGIN).from(USER_UNITS)
                        .where(USER_UNITS.UNIT_ID.in(units))))
                .orderBy(USERS.LOGIN)
                .fetch().stream()
                .map(UserDirectory::account).flatMap(Optional::stream)
                .toList();
    }

    /**
     * The unit tree as it is now.
     *
     * @return every unit
     */
    public UnitTree tree() {
        return new UnitTree(db.select(UNITS.ID, UNITS.NAME, UNITS.PARENT_ID).from(UNITS).orderBy(UNITS.ID)
                .fetch(r -> new Unit(r.value1(), r.value2(), r.value3())));
    }

    /**
     * The units a user sees: their own and every unit below them, expanded from the tree now.
     *
     * @param account the user
     * @return the unit scope
     */
    public Set<String> scopeOf(UserAccount account) {
        return tree().scope(account.units());
    }

    /**
     * The enabled user authenticated on the current request thread: by session, HTTP Basic, or a user token of this
     * gateway (a client's token is no user).
     *
     * @return the account, empty when the request is anonymous, from a client, or the account is disabled
     */
    public Optional<UserAccount> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        if (authentication instanceof JwtAuthenticationToken jwt
                && !"user".equals(jwt.getToken().getClaimAsString(YuqingClaims.KIND))) {
            return Optional.empty();
        }
        return find(authentication.getName()).filter(UserAccount::enabled);
    }

    /**
     * Replaces a user's password.
     *
     * @param login the login name
     * @param hash  the new hash in {@code DelegatingPasswordEncoder} form
     * @return whether the user exists
     */
    public boolean setPasswordHash(String login, String hash) {
        if (!hash.matches("\\{[^}]+}.+")) {
            throw new IllegalArgumentException("a password hash names its encoder");
        }
        return db.update(USERS)
                .set(USERS.PASSWORD_HASH, hash)
                .set(USERS.PASSWORD_CHANGED_AT, currentOffsetDateTime())
                .where(USERS.LOGIN.eq(login))
                .execute() > 0;
    }

    /**
     * What decides whether a console session of the user may go on: whether the account is enabled, and when its
     * password last changed (a session started before that ends).
     *
     * @param login the login name
     * @return the state, empty for an unknown user
     */
    Optional<SessionState> sessionState(String login) {
        return db.select(USERS.ENABLED, USERS.PASSWORD_CHANGED_AT).from(USERS).where(USERS.LOGIN.eq(login))
                .fetchOptional(row -> new SessionState(row.value1(), row.value2().toInstant()));
    }

    /**
     * The facts a console session is checked against on each request.
     *
     * @param enabled           whether the account is enabled
     * @param passwordChangedAt when the password was last set
     */
    record SessionState(boolean enabled, Instant passwordChangedAt) {
    }

    private static SelectField<?>[] columns() {
        return new SelectField<?>[] {USERS.LOGIN, USERS.DISPLAY_NAME, USERS.PASSWORD_HASH, USERS.ENABLED,
            UNITS_OF_USER, ROLES_OF_USER};
    }

    private static Optional<UserAccount> account(Record row) {
        try {
            List<String> roles = Arrays.stream(row.get(ROLES_OF_USER))
                    .sorted(Comparator.comparing(name -> Role.parse(name).map(Enum::ordinal).orElse(Integer.MAX_VALUE)))
                    .toList();
            return Optional.of(new UserAccount(row.get(USERS.LOGIN), row.get(USERS.DISPLAY_NAME),
                    row.get(USERS.PASSWORD_HASH), List.of(row.get(UNITS_OF_USER)), roles, row.get(USERS.ENABLED)));
        } catch (IllegalArgumentException e) {
            // A row no longer valid (e.g. its last unit removed by hand): nobody can act as it.
            log.warn("user {} is not usable: {}", row.get(USERS.LOGIN), e.getMessage());
            return Optional.empty();
        }
    }
}
