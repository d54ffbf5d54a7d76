package org.yuqing.grading.whatif;

import org.yuqing.domain.IncidentMetrics;
import org.yuqing.domain.Level;
import org.yuqing.domain.ResponseTerms;
import org.yuqing.grading.engine.Grade;
import org.yuqing.grading.engine.GradingEngine;
import org.yuqing.grading.plans.Condition;
import org.yuqing.grading.plans.Plan;
import org.yuqing.grading.plans.PlanLevel;
import org.yuqing.grading.plans.PlanValidator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Two plans side by side on one metrics snapshot (预案对比): the grade each gives, with its reasons and terms, and
 * the conditions that differ — those a level of one plan has and the same level of the other does not (compared by
 * what they test: metric, comparison and threshold, or flags; not by section or note), each with whether it holds
 * for the snapshot. Pure.
 *
 * @param planA       the grade of the first plan
 * @param planB       the grade of the second plan
 * @param sameLevel   whether both plans give the same level
 * @param sameTerms   whether both levels impose the same terms
 * @param differences the conditions only one of the plans has at a level, by level from least to most severe, the
 *                    first plan's first
 */
record PlanComparison(Side planA, Side planB, boolean sameLevel, boolean sameTerms, List<Difference> differences) {

    /**
     * One plan's grade of the snapshot.
     *
     * @param reasons one per condition of the level reached that holds, as in {@code IncidentGraded}
     */
    record Side(String planId, int planVersion, String planName, Level level, String levelName, List<String> reasons,
                ResponseTerms terms) {
    }

    /**
     * A condition one plan has at a level and the other does not.
     *
     * @param level     the level
     * @param plan      {@code A} or {@code B}: the plan that has it
     * @param condition the condition in words, e.g. {@code 24小时阅读量 > 1000}
     * @param section   the plan section it cites; may be {@code null}
     * @param holds     whether it holds for the snapshot
     */
    record Difference(Level level, String plan, String condition, String section, boolean holds) {
    }

    /** Compares how {@code a} and {@code b} grade {@code metrics}. */
    static PlanComparison of(IncidentMetrics metrics, Plan a, Plan b) {
        Side sideA = side(metrics, a);
        Side sideB = side(metrics, b);
        List<Difference> differences = new ArrayList<>();
        for (Level level : Level.values()) {
            List<Condition> ofA = conditions(a, level);
            List<Condition> ofB = conditions(b, level);
            onlyIn("A", level, ofA, ofB, metrics, differences);
            onlyIn("B", level, ofB, ofA, metrics, differences);
        }
        return new PlanComparison(sideA, sideB, sideA.level() == sideB.level(),
                Objects.equals(sideA.terms(), sideB.terms()), List.copyOf(differences));
    }

    private static Side side(IncidentMetrics metrics, Plan plan) {
        Grade grade = GradingEngine.grade(metrics, plan);
        return new Side(plan.id(), plan.version(), plan.name(), grade.level(), grade.level().chineseName(),
                grade.reasons(), plan.level(grade.level()).orElseThrow().terms());
    }

    private static List<Condition> conditions(Plan plan, Level level) {
        return plan.level(level).map(PlanLevel::conditions).orElse(List.of());
    }

    private static void onlyIn(String name, Level level, List<Condition> these, List<Condition> others,
                               IncidentMetrics metrics, List<Difference> differences) {
        List<Object> otherTests = others.stream().map(PlanValidator::whatItTests).toList();
        for (Condition condition : these) {
            if (!otherTests.contains(PlanValidator.whatItTests(condition))) {
                differences.add(new Difference(level, name, PlanValidator.describe(condition), condition.section(),
                        GradingEngine.holds(condition, metrics)));
            }
        }
    }
}
