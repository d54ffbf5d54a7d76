package org.yuqing.grading.plans;

import org.yuqing.domain.Level;
import org.yuqing.domain.ResponseTerms;

import java.util.List;
import java.util.Objects;

/**
 * One level of a plan: the conditions any one of which reaches it, and what the plan requires of a
 * case at that level.
 *
 * @param level      the level
 * @param section    the plan section defining it, e.g. 六(三)3; may be {@code null}
 * @param summary    the plan's definition in a sentence (Chinese); may be {@code null}
 * @param conditions conditions, any one of which reaches this level; empty when the level is only
 *                   given as the default (the lowest) or set by an analyst
 * @param terms      deadlines, whether a case opens, the approvals a statement needs; a level without
 *                   them is refused by {@link PlanValidator}, which names the level
 * @param note       how the data reads vague text of the plan; may be {@code null}
 */
public record PlanLevel(Level level, String section, String summary, List<Condition> conditions,
                        ResponseTerms terms, String note) {

    public PlanLevel {
        Objects.requireNonNull(level, "level");
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
}
