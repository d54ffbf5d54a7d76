package org.yuqing.grading.plans;

/**
 * A plan in lists: its id, latest version and name.
 *
 * @param id      the plan id
 * @param version its latest version
 * @param name    its name in that version
 */
public record PlanSummary(String id, int version, String name) {
}
