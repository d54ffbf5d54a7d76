package org.yuqing.grading.engine;

import org.yuqing.domain.Level;

import java.util.List;
import java.util.Objects;

/**
 * The level a plan gives an incident, with why: one line per condition that fired, naming the
 * numbers, the plan and its section.
 *
 * @param level   the level reached
 * @param reasons at least one reason
 */
public record Grade(Level level, List<String> reasons) {

    public Grade {
        Objects.requireNonNull(level, "level");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a grade always has a reason");
        }
    }
}
