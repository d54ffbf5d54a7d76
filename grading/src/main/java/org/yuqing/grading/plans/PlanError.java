package org.yuqing.grading.plans;

import java.util.Objects;

/**
 * One error of a submitted plan document, where a plan editor can point at it.
 *
 * @param path    a JSON pointer into the document, e.g. {@code /levels/2/conditions/0/metric}; {@code ""} for the
 *                document itself
 * @param kind    what kind of error: a {@link PlanProblem.Kind} name, or one of the document kinds
 *                ({@code MISSING_FIELD}, {@code UNKNOWN_FIELD}, {@code UNKNOWN_METRIC}, {@code INVALID_VALUE}, …)
 * @param message the error in one Chinese sentence
 */
public record PlanError(String path, String kind, String message) {

    public PlanError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
