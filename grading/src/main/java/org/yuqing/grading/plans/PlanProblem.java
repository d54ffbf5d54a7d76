package org.yuqing.grading.plans;

import org.yuqing.domain.Level;

import java.util.Objects;

/**
 * One thing wrong with a plan, as {@link PlanValidator} finds it: what kind of error, at which
 * level, in which condition and plan section, and a sentence (Chinese) a plan editor can show.
 *
 * @param kind      the kind of error
 * @param level     the level it is found at
 * @param condition the condition in words, e.g. {@code 24小时阅读量 > 1000}; {@code null} when the
 *                  error is about the level itself
 * @param section   the plan section of the condition, or of the level; may be {@code null}
 * @param message   the whole error in one sentence, naming level, condition and section
 * @param path      where in the plan document, as a JSON pointer, e.g. {@code /levels/2/conditions/0}
 */
public record PlanProblem(Kind kind, Level level, String condition, String section, String message, String path) {

    public PlanProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(path, "path");
    }

    /** This problem as an error of a plan document. */
    public PlanError asError() {
        return new PlanError(path, kind.name(), message);
    }

    /** The kinds of error a plan can have. */
    public enum Kind {
        /** A level is not above the one before it. */
        LEVELS_NOT_ASCENDING,
        /** A threshold below zero. */
        NEGATIVE_THRESHOLD,
        /** The same condition twice in a level, or at a lower level too (where it can never decide). */
        DUPLICATE_CONDITION,
        /** A level without its terms (deadlines, approvals). */
        MISSING_TERMS,
        /** A level above the lowest with no condition, in a plan that is not analyst-graded. */
        UNREACHABLE_LEVEL,
        /** A lower level's upper bound lies above a higher level's lower bound on the same metric. */
        OVERLAPPING_BANDS,
        /** A condition that does not cite the section of the plan it comes from. */
        MISSING_SECTION
    }

    @Override
    public String toString() {
        return message;
    }
}
