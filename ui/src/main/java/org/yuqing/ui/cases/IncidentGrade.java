package org.yuqing.ui.cases;

import java.time.Instant;
import java.util.List;

/**
 * An incident's grade as grading's {@code GET /api/grading/incidents/{incidentId}} answers it (the parts the case
 * page shows): the level and category in force, the reasons, the plan, and an analyst's override if any.
 *
 * @param level        level code in force
 * @param levelName    its name, e.g. 重大
 * @param category     category code in force
 * @param categoryName its name
 * @param reasons      why it got this grade (the engine's explanation)
 * @param planId       the plan that graded it
 * @param planVersion  the plan's version
 * @param gradedAt     when the level or category were last set
 * @param override     the analyst's decision, {@code null} when none is in force
 */
record IncidentGrade(String level, String levelName, String category, String categoryName, List<String> reasons,
                     String planId, int planVersion, Instant gradedAt, Override override) {

    IncidentGrade {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /**
     * An analyst's decision (分析员改定).
     *
     * @param reason why
     * @param by     the analyst's login
     * @param at     when
     */
    record Override(String levelName, String categoryName, String reason, String by, Instant at) {
    }
}
