package org.yuqing.ui.units;

import java.text.Collator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The unit tree built from the directory's flat list. A unit whose parent is unknown (or that would close a cycle)
 * is shown as a top unit, so no unit the directory holds is ever hidden. Siblings are ordered by name (Chinese
 * collation), then id.
 */
final class UnitTree {

    // Chinese names sort as a reader expects (pinyin order), not by code point.
    private static final Collator CHINESE = Collator.getInstance(Locale.SIMPLIFIED_CHINESE);
    private static final Comparator<Unit> SIBLING_ORDER =
            Comparator.comparing(Unit::label, CHINESE::compare).thenComparing(Unit::id);

    private final Map<String, Unit> byId;
    private final List<Unit> roots;
    private final Map<String, List<Unit>> children;

    private UnitTree(Map<String, Unit> byId, List<Unit> roots, Map<String, List<Unit>> children) {
        this.byId = byId;
        this.roots = roots;
        this.children = children;
    }

    /**
     * Builds the tree.
     *
     * @param units the flat list; a repeated id keeps its first occurrence
     * @return the tree
     */
    static UnitTree of(List<Unit> units) {
        Map<String, Unit> byId = new LinkedHashMap<>();
        for (Unit unit : units) {
            if (unit != null && unit.id() != null) {
                byId.putIfAbsent(unit.id(), unit);
            }
        }
        List<Unit> roots = new ArrayList<>();
        Map<String, List<Unit>> children = new HashMap<>();
        for (Unit unit : byId.values()) {
            if (attachedBelowKnownParent(unit, byId)) {
                children.computeIfAbsent(unit.parentId(), p -> new ArrayList<>()).add(unit);
            } else {
                roots.add(unit);
            }
        }
        roots.sort(SIBLING_ORDER);
        children.values().forEach(list -> list.sort(SIBLING_ORDER));
        return new UnitTree(byId, List.copyOf(roots), children);
    }

    /**
     * Whether the unit hangs below a known parent without being its own ancestor. Units on a cycle become top units;
     * a unit below a cycle stays below its (then visible) parent.
     */
    private static boolean attachedBelowKnownParent(Unit unit, Map<String, Unit> byId) {
        Set<String> seen = new LinkedHashSet<>();
        String parent = unit.parentId();
        if (parent == null || !byId.containsKey(parent)) {
            return false;
        }
        while (parent != null && byId.containsKey(parent) && seen.add(parent)) {
            if (parent.equals(unit.id())) {
                return false;
            }
            parent = byId.get(parent).parentId();
        }
        return true;
    }

    /** @return the top units, in sibling order */
    List<Unit> roots() {
        return roots;
    }

    /**
     * @param unit a unit of this tree
     * @return the units directly below it, in sibling order
     */
    List<Unit> children(Unit unit) {
        return List.copyOf(children.getOrDefault(unit.id(), List.of()));
    }

    /**
     * @param id a unit id
     * @return the unit's id and the ids of every unit below it
     */
    Set<String> subtree(String id) {
        Set<String> ids = new LinkedHashSet<>();
        Deque<String> open = new ArrayDeque<>();
        open.push(id);
        while (!open.isEmpty()) {
            String next = open.pop();
            if (ids.add(next)) {
                children.getOrDefault(next, List.of()).forEach(child -> open.push(child.id()));
            }
        }
        return ids;
    }

    /**
     * The units a unit may be moved below: every unit except itself and those below it (that would make a cycle).
     *
     * @param id the unit to move
     * @return the possible new parents, ordered as the tree shows them
     */
    List<Unit> possibleParents(String id) {
        Set<String> excluded = subtree(id);
        return depthFirst().stream().filter(u -> !excluded.contains(u.id())).toList();
    }

    /** @return every unit, parents before their children, siblings in order */
    List<Unit> depthFirst() {
        List<Unit> ordered = new ArrayList<>(byId.size());
        Deque<Unit> open = new ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            open.push(roots.get(i));
        }
        while (!open.isEmpty()) {
            Unit next = open.pop();
            ordered.add(next);
            List<Unit> below = children.getOrDefault(next.id(), List.of());
            for (int i = below.size() - 1; i >= 0; i--) {
                open.push(below.get(i));
            }
        }
        return ordered;
    }

    /**
     * The path from the top to a unit, e.g. 市委网信办 / 区委网信办.
     *
     * @param id a unit id
     * @return the names joined by {@code " / "}, the id itself when the unit is unknown
     */
    String path(String id) {
        Unit unit = byId.get(id);
        if (unit == null) {
            return Objects.toString(id, "");
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        while (unit != null && seen.add(unit.id())) {
            names.addFirst(unit.label());
            unit = unit.parentId() == null ? null : byId.get(unit.parentId());
        }
        return String.join(" / ", names);
    }

    /**
     * @param id a unit id
     * @return the unit's name, the id when unknown
     */
    String label(String id) {
        Unit unit = byId.get(id);
        return unit == null ? Objects.toString(id, "") : unit.label();
    }

    /** @return how many units the tree holds */
    int size() {
        return byId.size();
    }
}
