package org.yuqing.grading.regrading;

import org.yuqing.domain.Category;
import org.yuqing.domain.Level;

import java.util.List;

/**
 * The grade in force after a change, as {@code IncidentGraded} publishes it.
 *
 * @param level         the level in force now
 * @param previousLevel the level in force before, {@code null} on the first grade
 * @param category      the category in force now
 * @param reasons       why, computed reasons and the analyst's
 */
record EffectiveGrade(Level level, Level previousLevel, Category category, List<String> reasons) {

    EffectiveGrade {
        reasons = List.copyOf(reasons);
    }

    /** Whether the level in force rose. */
    boolean escalation() {
        return previousLevel != null && level.isAbove(previousLevel);
    }
}
