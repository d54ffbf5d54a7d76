package org.yuqing.grading.plans;

import org.yuqing.domain.Level;
import org.yuqing.grading.plans.PlanProblem.Kind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a plan beyond what its JSON form already refuses (unknown metrics, fields or flags), so a
 * preset or an edited plan is stored only when every level can be reached and no two levels
 * contradict each other:
 * <ul>
 *   <li>levels strictly ascending;</li>
 *   <li>no negative threshold;</li>
 *   <li>no condition twice in a level, nor at a lower level as well (it could never decide there);</li>
 *   <li>terms for every level;</li>
 *   <li>a level above the lowest has a condition, unless the plan is {@linkplain Plan#analystGraded() analyst-graded};</li>
 *   <li>no lower level's upper bound ({@code AT_MOST}, {@code LESS_THAN}) above a higher level's lower
 *       bound ({@code AT_LEAST}, {@code MORE_THAN}) on the same metric — sharing the boundary number
 *       itself is allowed, as in "5家以下 / 5家以上", where the higher level wins;</li>
 *   <li>every condition cites its plan section.</li>
 * </ul>
 * Each {@link PlanProblem} names the level, the condition and the section. Pure; thread-safe.
 */
public final class PlanValidator {

    private PlanValidator() {
    }

    /** Every problem of {@code plan}, in level order; empty when it is valid. */
    public static List<PlanProblem> problems(Plan plan) {
        return problems(plan.levels(), plan.analystGraded());
    }

    /**
     * Every problem of a plan with these levels, for an editor that has levels before it has a
     * {@link Plan} (which refuses levels out of order outright).
     *
     * @param levels        the levels, meant to be ascending
     * @param analystGraded whether levels above the lowest may have no conditions
     */
    public static List<PlanProblem> problems(List<PlanLevel> levels, boolean analystGraded) {
        List<PlanProblem> problems = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            PlanLevel level = levels.get(i);
            if (i > 0 && !level.level().isAbove(levels.get(i - 1).level())) {
                problems.add(levelProblem(Kind.LEVELS_NOT_ASCENDING, level, i, "/level",
                        "不高于前一级别" + name(levels.get(i - 1).level()) + "，级别须由低到高排列"));
            }
            if (level.terms() == null) {
                problems.add(levelProblem(Kind.MISSING_TERMS, level, i, "/terms", "缺少处置要求（上报时限、审批等）"));
            }
            if (i > 0 && level.conditions().isEmpty() && !analystGraded) {
                problems.add(levelProblem(Kind.UNREACHABLE_LEVEL, level, i, "/conditions",
                        "没有任何条件，无法达到；若级别由研判人员认定，须将预案标为 analystGraded"));
            }
            Set<Object> seen = new HashSet<>();
            for (int c = 0; c < level.conditions().size(); c++) {
                Condition condition = level.conditions().get(c);
                String path = conditionPath(i, c);
                if (condition.section() == null || condition.section().isBlank()) {
                    problems.add(problem(Kind.MISSING_SECTION, level, condition, path + "/section",
                            "未注明出自预案哪一条"));
                }
                if (negative(condition)) {
                    problems.add(problem(Kind.NEGATIVE_THRESHOLD, level, condition, path, "阈值不能为负数"));
                }
                if (!seen.add(key(condition))) {
                    problems.add(problem(Kind.DUPLICATE_CONDITION, level, condition, path, "在本级别重复出现"));
                }
            }
        }
        for (int low = 0; low < levels.size(); low++) {
            for (int high = low + 1; high < levels.size(); high++) {
                compare(levels, low, high, problems);
            }
        }
        return List.copyOf(problems);
    }

    /**
     * Returns {@code plan} when it is valid.
     *
     * @throws InvalidPlanException listing every problem otherwise
     */
    public static Plan requireValid(Plan plan) {
        List<PlanProblem> problems = problems(plan);
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(plan.id(), problems);
        }
        return plan;
    }

    private static void compare(List<PlanLevel> levels, int low, int high, List<PlanProblem> problems) {
        PlanLevel lower = levels.get(low);
        PlanLevel higher = levels.get(high);
        Set<Object> higherKeys = higher.conditions().stream().map(PlanValidator::key).collect(Collectors.toSet());
        Map<Metric, Long> higherLowerBounds = new HashMap<>();
        for (Condition condition : higher.conditions()) {
            for (MetricCondition m : metricParts(condition)) {
                lowerBound(m).ifPresent(bound -> higherLowerBounds.merge(m.metric(), bound, Math::min));
            }
        }
        for (int c = 0; c < lower.conditions().size(); c++) {
            Condition condition = lower.conditions().get(c);
            String path = conditionPath(low, c);
            if (higherKeys.contains(key(condition))) {
                problems.add(problem(Kind.DUPLICATE_CONDITION, lower, condition, path,
                        "与更高级别" + name(higher.level()) + "的条件相同，永远不会决定本级别"));
            }
            for (MetricCondition m : metricParts(condition)) {
                Long higherBound = higherLowerBounds.get(m.metric());
                OptionalLong upper = upperBound(m);
                if (higherBound != null && upper.isPresent() && upper.getAsLong() > higherBound) {
                    problems.add(problem(Kind.OVERLAPPING_BANDS, lower, condition, path,
                            "上限 " + upper.getAsLong() + " 高于更高级别" + name(higher.level()) + "的下限 "
                                    + higherBound + "（" + m.metric().chineseName() + "），两级区间重叠"));
                }
            }
        }
    }

    /** The least value, inclusive, a lower-bound condition accepts. */
    private static OptionalLong lowerBound(MetricCondition m) {
        if (m.value() < 0) {
            return OptionalLong.empty();
        }
        return switch (m.comparator()) {
            case AT_LEAST -> OptionalLong.of(m.value());
            case MORE_THAN -> OptionalLong.of(m.value() + 1);
            case AT_MOST, LESS_THAN -> OptionalLong.empty();
        };
    }

    /** The greatest value, inclusive, an upper-bound condition accepts. */
    private static OptionalLong upperBound(MetricCondition m) {
        if (m.value() < 0) {
            return OptionalLong.empty();
        }
        return switch (m.comparator()) {
            case AT_MOST -> OptionalLong.of(m.value());
            case LESS_THAN -> OptionalLong.of(m.value() - 1);
            case AT_LEAST, MORE_THAN -> OptionalLong.empty();
        };
    }

    private static List<MetricCondition> metricParts(Condition condition) {
        return switch (condition) {
            case MetricCondition m -> List.of(m);
            case FlagsCondition f -> List.of();
            case AllOfCondition all -> all.conditions().stream().flatMap(c -> metricParts(c).stream()).toList();
        };
    }

    private static boolean negative(Condition condition) {
        return metricParts(condition).stream().anyMatch(m -> m.value() < 0);
    }

    /**
     * What a condition tests, without its section and note: conditions with equal keys test the same thing
     * (flags in any order, the parts of {@code allOf} in any order).
     */
    public static Object whatItTests(Condition condition) {
        return key(condition);
    }

    private static Object key(Condition condition) {
        return switch (condition) {
            case MetricCondition m -> List.of(m.metric(), m.comparator(), m.value());
            case FlagsCondition f -> Set.copyOf(f.flags());
            case AllOfCondition all -> all.conditions().stream().map(PlanValidator::key).collect(Collectors.toSet());
        };
    }

    /** The condition in words, e.g. {@code 同一信息网站数 ≥ 2，且24小时阅读量 > 1000}. */
    public static String describe(Condition condition) {
        return switch (condition) {
            case MetricCondition m -> m.metric().chineseName() + " " + m.comparator().symbol() + " " + m.value();
            case FlagsCondition f -> f.flags().stream().map(FlagNames::chineseName).collect(Collectors.joining("、"));
            case AllOfCondition all -> all.conditions().stream().map(PlanValidator::describe)
                    .collect(Collectors.joining("，且"));
        };
    }

    private static String conditionPath(int level, int condition) {
        return "/levels/" + level + "/conditions/" + condition;
    }

    private static PlanProblem problem(Kind kind, PlanLevel level, Condition condition, String path, String what) {
        String section = condition.section() == null || condition.section().isBlank() ? null : condition.section();
        String condText = describe(condition);
        String message = "级别" + name(level.level()) + " 条件「" + condText + "」"
                + (section == null ? "" : "（" + section + "）") + "：" + what;
        return new PlanProblem(kind, level.level(), condText, section, message, path);
    }

    private static PlanProblem levelProblem(Kind kind, PlanLevel level, int index, String field, String what) {
        String message = "级别" + name(level.level()) + (level.section() == null ? "" : "（" + level.section() + "）")
                + "：" + what;
        return new PlanProblem(kind, level.level(), null, level.section(), message, "/levels/" + index + field);
    }

    private static String name(Level level) {
        return level.chineseName() + "（" + level.name() + "）";
    }
}
