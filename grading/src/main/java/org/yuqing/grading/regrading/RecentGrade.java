package org.yuqing.grading.regrading;

import org.yuqing.domain.Category;
import org.yuqing.domain.Level;

import java.time.Instant;
import java.util.UUID;

/**
 * One incident in the list of recently graded incidents (研判列表, {@code GET /api/grading/incidents}): the grade in
 * force and when it last changed.
 *
 * @param title         the incident title as grading knows it; may be {@code null}
 * @param level         the level in force (the analyst's when set)
 * @param category      the category in force (the analyst's when set)
 * @param computedLevel what the engine computed
 * @param overridden    whether an analyst's level or category is in force
 * @param escalated     whether the latest change raised the level
 * @param gradedAt      when the computed level or category were last set
 * @param lastChangedAt when the grade last changed by the engine or an analyst
 */
record RecentGrade(UUID incidentId, String unitId, String title, Level level, String levelName, Category category,
                   String categoryName, Level computedLevel, boolean overridden, boolean escalated, String planId,
                   int planVersion, Instant gradedAt, Instant lastChangedAt) {
}
