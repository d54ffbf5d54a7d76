package org.yuqing.grading.regrading;

import org.yuqing.domain.Category;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.domain.Level;
import org.yuqing.domain.ResponseTerms;
import org.yuqing.grading.classification.Classification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A computed grade re-grading decided to store: the row of {@code incident_grade} and, if it changed,
 * of history. {@code topicId} is {@code null} when not known.
 */
record GradeDecision(UUID incidentId, String unitId, UUID topicId, String title, Level level, Level previousLevel,
                     Category category, List<String> reasons, String planId, int planVersion,
                     IncidentMetrics metrics, Instant metricsAt, Instant gradedAt, UUID sourceEventId,
                     ResponseTerms terms, Classification classification) {

    boolean escalation() {
        return previousLevel != null && level.isAbove(previousLevel);
    }
}
