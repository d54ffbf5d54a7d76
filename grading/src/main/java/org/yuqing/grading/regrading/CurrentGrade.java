package org.yuqing.grading.regrading;

import org.yuqing.domain.Category;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.domain.Level;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The stored grade of an incident, as re-grading and overrides need it.
 *
 * @param topicId          the topic that opened the incident; {@code null} for grades stored before it was kept
 * @param level            the computed level
 * @param category         the computed category
 * @param reasons          the computed reasons
 * @param overrideLevel    the analyst's level, {@code null} when none is in force
 * @param overrideCategory the analyst's category, {@code null} when none is in force
 * @param overrideReason   the analyst's reason, {@code null} without an override
 */
record CurrentGrade(UUID incidentId, String unitId, UUID topicId, String title, Level level, Category category,
                    List<String> reasons, String planId, int planVersion, IncidentMetrics metrics, Instant metricsAt,
                    Level overrideLevel, Category overrideCategory, String overrideReason) {

    /** The level in force: the analyst's when set, else the computed one. */
    Level effectiveLevel() {
        return overrideLevel != null ? overrideLevel : level;
    }

    /** The category in force: the analyst's when set, else the computed one. */
    Category effectiveCategory() {
        return overrideCategory != null ? overrideCategory : category;
    }

    /** Whether an analyst's level or category is in force. */
    boolean overridden() {
        return overrideLevel != null || overrideCategory != null;
    }
}
