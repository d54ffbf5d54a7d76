package org.yuqing.grading.regrading;

import org.yuqing.domain.Category;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.domain.Level;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer of {@code GET /api/grading/incidents/{incidentId}}: the current grade, the metrics it
 * was last evaluated on, and every change of level or category, oldest first.
 *
 * @param gradedAt    when level or category were last set
 * @param evaluatedAt when the metrics were last evaluated (a same-level re-evaluation refreshes reasons)
 */
record IncidentGradeView(UUID incidentId, String unitId, String title, Level level, String levelName,
                         Category category, String categoryName, List<String> reasons, String planId,
                         int planVersion, Instant gradedAt, Instant evaluatedAt, IncidentMetrics metrics,
                         List<HistoryEntry> history) {

    /** One change of the grade. */
    record HistoryEntry(Level level, String levelName, Level previousLevel, Category category, boolean escalation,
                        List<String> reasons, String planId, int planVersion, Instant gradedAt) {
    }
}
