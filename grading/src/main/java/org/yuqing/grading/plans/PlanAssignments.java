package org.yuqing.grading.plans;

import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static org.yuqing.grading.db.Tables.PLAN_ASSIGNMENT;

/**
 * Which plan grades a unit's incidents (table {@code plan_assignment}). A unit without an
 * assignment, or assigned a plan that is not stored, uses the default plan
 * ({@code yuqing.grading.default-plan-id}, {@code district} unless configured). The latest version
 * of the plan applies.
 */
@Component
public class PlanAssignments {

    private static final System.Logger LOG = System.getLogger(PlanAssignments.class.getName());

    private final DSLContext db;
    private final PlanRepository plans;
    private final String defaultPlanId;

    PlanAssignments(DSLContext db, PlanRepository plans,
                    @Value("${yuqing.grading.default-plan-id:district}") String defaultPlanId) {
        this.db = db;
        this.plans = plans;
        this.defaultPlanId = defaultPlanId;
    }

    /**
     * The latest version of the plan that grades {@code unitId}'s incidents.
     *
     * @throws IllegalStateException when not even the default plan is stored
     */
    public Plan planFor(String unitId) {
        String planId = db.select(PLAN_ASSIGNMENT.PLAN_ID).from(PLAN_ASSIGNMENT)
                .where(PLAN_ASSIGNMENT.UNIT_ID.eq(unitId))
                .fetchOptional(PLAN_ASSIGNMENT.PLAN_ID)
                .orElse(defaultPlanId);
        return plans.latest(planId).or(() -> {
            // A wrong assignment must not stall the whole feed: grade by the default and say so.
            LOG.log(System.Logger.Level.WARNING, "unit {0} is assigned plan {1}, which is not stored; using {2}",
                    unitId, planId, defaultPlanId);
            return plans.latest(defaultPlanId);
        }).orElseThrow(() -> new IllegalStateException("default plan " + defaultPlanId + " is not stored"));
    }

    /**
     * Assigns the plan to the unit, replacing an earlier assignment.
     *
     * @throws UnknownPlanException when no version of the plan is stored
     */
    public void assign(String unitId, String planId) {
        if (plans.latest(planId).isEmpty()) {
            throw new UnknownPlanException(planId);
        }
        db.insertInto(PLAN_ASSIGNMENT, PLAN_ASSIGNMENT.UNIT_ID, PLAN_ASSIGNMENT.PLAN_ID)
                .values(unitId, planId)
                .onConflict(PLAN_ASSIGNMENT.UNIT_ID)
                .doUpdate().set(PLAN_ASSIGNMENT.PLAN_ID, planId)
                .execute();
    }
}
