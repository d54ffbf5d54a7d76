package org.yuqing.gateway.identity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The units as a tree (属地管理): who sees what. A user's unit scope is their own units plus every unit below them.
 */
public final class UnitTree {

    private final Map<String, Unit> byId = new LinkedHashMap<>();
    private final Map<String, List<String>> children = new LinkedHashMap<>();

    /**
     * Builds the tree.
     *
     * @param units every unit, parents in any order
     */
    public UnitTree(Collection<Unit> units) {
        for (Unit unit : units) {
            byId.put(unit.id(), unit);
        }
        for (Unit unit : units) {
            if (unit.parentId() != null) {
                children.computeIfAbsent(unit.parentId(), k -> new ArrayList<>()).add(unit.id());
            }
        }
    }

    /**
     * The units seen from the given ones: themselves and all their descendants. Unknown ids are ignored.
     *
     * @param units unit ids, e.g. a user's units
     * @return the scope, each unit once, parents before their children
     */
    public Set<String> scope(Collection<String> units) {
        Set<String> scope = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        for (String unit : units) {
            if (byId.containsKey(unit)) {
                pending.add(unit);
            }
        }
        while (!pending.isEmpty()) {
            String unit = pending.removeFirst();
            if (scope.add(unit)) {
                pending.addAll(children.getOrDefault(unit, List.of()));
            }
        }
        return scope;
    }

    /**
     * Whether {@code descendant} is {@code ancestor} or lies below it.
     *
     * @param descendant a unit id
     * @param ancestor   a unit id
     * @return true when so; moving {@code ancestor} under {@code descendant} would then make a cycle
     */
    public boolean isWithin(String descendant, String ancestor) {
        Set<String> seen = new LinkedHashSet<>();
        for (String at = descendant; at != null && seen.add(at); at = parentOf(at)) {
            if (at.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A unit by id.
     *
     * @param id the unit id
     * @return the unit, empty when unknown
     */
    public Optional<Unit> unit(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }

    /**
     * The direct children of a unit.
     *
     * @param id a unit id
     * @return their ids, empty for a leaf or an unknown id
     */
    public List<String> childrenOf(String id) {
        return List.copyOf(children.getOrDefault(id, List.of()));
    }

    /**
     * Every unit.
     *
     * @return the units in the order they were given
     */
    public List<Unit> units() {
        return List.copyOf(byId.values());
    }

    private String parentOf(String id) {
        Unit unit = byId.get(id);
        return unit == null ? null : unit.parentId();
    }
}
