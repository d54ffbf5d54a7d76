package org.yuqing.grading.plans;

import java.util.List;
import java.util.Objects;

/**
 * Conditions that must all hold together, e.g. the work-safety plan's "the same statement on at
 * least two sites, with more than 1,000 reads in one day".
 *
 * @param conditions the parts, at least two
 * @param section    the plan section, e.g. 四(二)
 * @param note       how the condition reads the plan; may be {@code null}
 */
public record AllOfCondition(List<Condition> conditions, String section, String note) implements Condition {

    public AllOfCondition {
        conditions = List.copyOf(Objects.requireNonNull(conditions, "conditions"));
        if (conditions.size() < 2) {
            throw new IllegalArgumentException("allOf needs at least two conditions");
        }
    }
}
