package org.yuqing.grading.engine;

import org.yuqing.domain.IncidentMetrics;
import org.yuqing.grading.plans.AllOfCondition;
import org.yuqing.grading.plans.Condition;
import org.yuqing.grading.plans.FlagNames;
import org.yuqing.grading.plans.FlagsCondition;
import org.yuqing.grading.plans.MetricCondition;
import org.yuqing.grading.plans.Plan;
import org.yuqing.grading.plans.PlanLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Grades an incident by a plan. A level is reached when any of its conditions holds; the highest
 * level reached wins; when none is reached the plan's lowest level applies. Pure and deterministic.
 */
public final class GradingEngine {

    /** The reason given when no condition of a higher level holds. */
    public static final String NO_HIGHER_LEVEL = "未达到较高级别条件";

    private GradingEngine() {
    }

    /**
     * The grade {@code plan} gives {@code metrics}.
     *
     * @param metrics the incident's heat and flags
     * @param plan    the plan version to grade by
     * @return the level with one reason per condition of that level that holds
     */
    public static Grade grade(IncidentMetrics metrics, Plan plan) {
        List<PlanLevel> levels = plan.levels();
        for (int i = levels.size() - 1; i > 0; i--) {
            List<String> reasons = new ArrayList<>();
            for (Condition condition : levels.get(i).conditions()) {
                if (holds(condition, metrics)) {
                    reasons.add(reason(condition, metrics, plan));
                }
            }
            if (!reasons.isEmpty()) {
                return new Grade(levels.get(i).level(), reasons);
            }
        }
        PlanLevel lowest = plan.lowest();
        List<String> reasons = new ArrayList<>();
        for (Condition condition : lowest.conditions()) {
            if (holds(condition, metrics)) {
                reasons.add(reason(condition, metrics, plan));
            }
        }
        if (reasons.isEmpty()) {
            reasons.add(NO_HIGHER_LEVEL + " — " + cite(plan, lowest.section()));
        }
        return new Grade(lowest.level(), reasons);
    }

    /** Whether {@code condition} holds for {@code metrics}. */
    public static boolean holds(Condition condition, IncidentMetrics metrics) {
        return switch (condition) {
            case MetricCondition m -> m.comparator().test(m.metric().valueIn(metrics), m.value());
            case FlagsCondition f -> metrics.flags().containsAll(f.flags());
            case AllOfCondition all -> all.conditions().stream().allMatch(c -> holds(c, metrics));
        };
    }

    private static String reason(Condition condition, IncidentMetrics metrics, Plan plan) {
        String reason = describe(condition, metrics) + " — " + cite(plan, condition.section());
        return condition.note() == null ? reason : reason + "（" + condition.note() + "）";
    }

    private static String describe(Condition condition, IncidentMetrics metrics) {
        return switch (condition) {
            case MetricCondition m -> m.metric().chineseName() + " " + m.metric().valueIn(metrics) + " "
                    + m.metric().unit() + " " + m.comparator().symbol() + " " + m.value();
            case FlagsCondition f -> f.flags().stream().map(FlagNames::chineseName).collect(Collectors.joining("、"));
            case AllOfCondition all -> all.conditions().stream().map(c -> describe(c, metrics))
                    .collect(Collectors.joining("，且"));
        };
    }

    private static String cite(Plan plan, String section) {
        return section == null || section.isBlank() ? plan.name() : plan.name() + " " + section;
    }
}
