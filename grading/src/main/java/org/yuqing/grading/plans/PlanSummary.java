package org.yuqing.grading.plans;

import java.time.Instant;

/**
 * A plan in lists: its id, latest version, name and source.
 *
 * @param id        the plan id
 * @param version   its latest version
 * @param name      its name in that version
 * @param source    where the plan comes from (document, issuing number) in that version; {@code null} when not given
 * @param createdAt when that version was stored
 */
public record PlanSummary(String id, int version, String name, String source, Instant createdAt) {
}
