package org.yuqing.grading.plans;

import java.time.Instant;

/**
 * One stored version of a plan in its history (版本记录).
 *
 * @param planId    the plan id
 * @param version   the version number
 * @param name      the plan's name in that version
 * @param createdAt when the version was stored
 */
public record PlanVersionSummary(String planId, int version, String name, Instant createdAt) {
}
