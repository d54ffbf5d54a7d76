package org.yuqing.grading.plans;

import org.yuqing.domain.Level;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One version of a response plan (预案): its levels from least to most severe, each with the
 * conditions that reach it and the terms it imposes. A version never changes once stored; an edit
 * is the next version.
 *
 * @param id      stable identifier, lower-case letters, digits and dashes, e.g. {@code district}
 * @param version version number, from 1
 * @param name    the plan's title, e.g. 区网络舆情处置工作应急预案; reasons cite it
 * @param source  where the plan comes from (document, issuing number); may be {@code null}
 * @param levels  the levels the plan uses, strictly ascending; at least one
 * @param notes   remarks on how the data reads the plan's text; never null
 * @param analystGraded whether the plan sets no numeric thresholds and leaves its levels to the analyst
 *                (研判定级): then levels above the lowest may have no conditions (see {@link PlanValidator});
 *                {@code null} (absent in documents stored before the field existed) reads as {@code false}
 */
public record Plan(String id, int version, String name, String source, List<PlanLevel> levels, List<String> notes,
                   Boolean analystGraded) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public Plan {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("plan id must be lower-case letters, digits and dashes, was " + id);
        }
        if (version < 1) {
            throw new IllegalArgumentException("plan version must be 1 or more, was " + version);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("plan " + id + " needs a name");
        }
        levels = List.copyOf(Objects.requireNonNull(levels, "levels"));
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("plan " + id + " needs at least one level");
        }
        for (int i = 1; i < levels.size(); i++) {
            if (!levels.get(i).level().isAbove(levels.get(i - 1).level())) {
                throw new IllegalArgumentException("levels of plan " + id + " must be strictly ascending");
            }
        }
        notes = notes == null ? List.of() : List.copyOf(notes);
        analystGraded = Boolean.TRUE.equals(analystGraded);
    }

    /** A plan whose levels are reached by its conditions (not {@linkplain #analystGraded() analyst-graded}). */
    public Plan(String id, int version, String name, String source, List<PlanLevel> levels, List<String> notes) {
        this(id, version, name, source, levels, notes, false);
    }

    /** The least severe level of this plan, given when no condition of a higher one holds. */
    public PlanLevel lowest() {
        return levels.getFirst();
    }

    /** The plan's definition of {@code level}, empty when the plan does not use that level. */
    public Optional<PlanLevel> level(Level level) {
        return levels.stream().filter(l -> l.level() == level).findFirst();
    }

    /** The same plan as another version number, e.g. to store an edit as the next version. */
    public Plan withVersion(int newVersion) {
        return new Plan(id, newVersion, name, source, levels, notes, analystGraded);
    }
}
