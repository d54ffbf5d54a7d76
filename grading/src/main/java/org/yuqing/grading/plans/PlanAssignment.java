package org.yuqing.grading.plans;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Which plans grade a unit's incidents (预案指派).
 *
 * @param unitId         the unit
 * @param planId         the plan of the unit's incidents; {@code null} when the unit uses the default plan
 * @param topicOverrides plans for the incidents of single topics (监测主题) of the unit, ahead of {@code planId};
 *                       never null
 * @param assignedAt     when the assignment was last changed
 */
public record PlanAssignment(String unitId, String planId, Map<UUID, String> topicOverrides, Instant assignedAt) {

    public PlanAssignment {
        topicOverrides = topicOverrides == null ? Map.of() : Map.copyOf(topicOverrides);
    }
}
