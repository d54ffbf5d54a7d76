package org.yuqing.grading.regrading;

import org.yuqing.domain.Category;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.domain.Level;

import java.time.Instant;
import java.util.UUID;

/** The stored grade of an incident, as re-grading needs it. */
record CurrentGrade(UUID incidentId, String unitId, String title, Level level, Category category,
                    IncidentMetrics metrics, Instant metricsAt) {
}
