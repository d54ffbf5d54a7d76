package org.yuqing.grading.regrading;

import org.yuqing.domain.Category;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.domain.Level;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer of {@code GET /api/grading/incidents/{incidentId}}: the grade in force, what the engine
 * computed (with the classification's confidence and deciding words), the analyst's override if any,
 * the metrics it was last evaluated on, and every change of level or category, oldest first.
 *
 * @param level       the level in force: the override's when set, else the computed one
 * @param category    the category in force: the override's when set, else the computed one
 * @param reasons     the computed reasons (the same as {@code computed.reasons})
 * @param gradedAt    when the computed level or category were last set
 * @param evaluatedAt when the metrics were last evaluated (a same-level re-evaluation refreshes reasons)
 * @param override    the analyst's decision, {@code null} when none is in force
 */
record IncidentGradeView(UUID incidentId, String unitId, String title, Level level, String levelName,
                         Category category, String categoryName, List<String> reasons, String planId,
                         int planVersion, Instant gradedAt, Instant evaluatedAt, IncidentMetrics metrics,
                         Computed computed, Override override, List<HistoryEntry> history) {

    /**
     * What the engine and the classifier computed.
     *
     * @param confidence    the classification's confidence, 0..1
     * @param decidingWords the lexicon words that decided the category
     */
    record Computed(Level level, String levelName, Category category, String categoryName, double confidence,
                    List<String> decidingWords, List<String> reasons) {
    }

    /**
     * The analyst's decision (分析员改定). {@code level} or {@code category} is {@code null} where the
     * analyst left the computed one in force.
     *
     * @param by the analyst's login
     * @param at when it was decided
     */
    record Override(Level level, String levelName, Category category, String categoryName, String reason,
                    String by, Instant at) {
    }

    /**
     * One change of the grade.
     *
     * @param source    {@code ENGINE} (re-grading; the computed level) or {@code ANALYST} (the level in force)
     * @param changedBy the analyst, {@code null} for the engine
     */
    record HistoryEntry(Level level, String levelName, Level previousLevel, Category category, boolean escalation,
                        List<String> reasons, String planId, int planVersion, Instant gradedAt, String source,
                        String changedBy) {
    }
}
