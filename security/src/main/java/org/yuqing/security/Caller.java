package org.yuqing.security;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling: the login (token subject), roles and unit scope from a validated token. Controllers take it as a
 * parameter; code below them gets it with {@link #current()}.
 *
 * @param login     the user's login or the client's id
 * @param name      display name (the login when the token has none)
 * @param roles     roles granted by the token
 * @param units     the units the caller belongs to
 * @param unitScope the units the caller may see (own units and all below)
 */
public record Caller(String login, String name, Set<Role> roles, Set<String> units, Set<String> unitScope) {

    /** Background work of the service itself (pollers, watchers, feed consumers). */
    public static final Caller SYSTEM = new Caller("system", "系统", Set.of(), Set.of(), Set.of());

    public Caller {
        roles = Set.copyOf(roles);
        units = Set.copyOf(units);
        unitScope = Set.copyOf(unitScope);
    }

    /**
     * @param unitId an owning unit
     * @return whether the caller may see and act on objects of that unit
     */
    public boolean sees(String unitId) {
        return unitId != null && unitScope.contains(unitId);
    }

    /**
     * Refuses objects outside the caller's scope as if they did not exist (404), so ids of other units' objects
     * reveal nothing. The refusal is audited.
     *
     * @param unitId the owning unit of the object
     * @param what   what was asked for, for the audit, e.g. {@code case 42}
     * @throws OutOfScopeException when the caller does not see {@code unitId}
     */
    public void requireSees(String unitId, String what) {
        if (!sees(unitId)) {
            throw new OutOfScopeException(what);
        }
    }

    /**
     * Refuses creating or moving an object into a unit outside the caller's scope (403, audited).
     *
     * @param unitId the unit the object would belong to
     * @param what   what was attempted, for the audit, e.g. {@code topic for unit west}
     * @throws ForbiddenUnitException when the caller does not see {@code unitId}
     */
    public void requireMayActFor(String unitId, String what) {
        if (!sees(unitId)) {
            throw new ForbiddenUnitException(what);
        }
    }

    /**
     * @param role a role
     * @return whether the caller holds it
     */
    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * The caller of the request being handled on this thread.
     *
     * @return the caller, or {@link #SYSTEM} when no token was presented (background work)
     */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerToken token) {
            return token.caller();
        }
        return SYSTEM;
    }

    /** For the reader of an audit or a log: the login and its units. */
    @Override
    public String toString() {
        return login + units;
    }

}
