package org.yuqing.grading.plans;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.jooq.impl.DSL.jsonbGetAttributeAsText;
import static org.jooq.impl.DSL.max;
import static org.yuqing.grading.db.Tables.PLAN_VERSION;

/**
 * The stored versions of every plan (table {@code plan_version}). Versions are append-only.
 */
@Repository
public class PlanRepository {

    private final DSLContext db;

    PlanRepository(DSLContext db) {
        this.db = db;
    }

    /** The latest version of the plan, or empty when no version of it is stored. */
    public Optional<Plan> latest(String planId) {
        return db.select(PLAN_VERSION.BODY).from(PLAN_VERSION)
                .where(PLAN_VERSION.PLAN_ID.eq(planId))
                .orderBy(PLAN_VERSION.VERSION.desc())
                .limit(1)
                .fetchOptional(PLAN_VERSION.BODY)
                .map(body -> PlanJson.read(body.data()));
    }

    /** One version of the plan, or empty when it is not stored. */
    public Optional<Plan> version(String planId, int version) {
        return db.select(PLAN_VERSION.BODY).from(PLAN_VERSION)
                .where(PLAN_VERSION.PLAN_ID.eq(planId).and(PLAN_VERSION.VERSION.eq(version)))
                .fetchOptional(PLAN_VERSION.BODY)
                .map(body -> PlanJson.read(body.data()));
    }

    /** The latest version of every stored plan, ordered by id. */
    public List<PlanSummary> latestOfEach() {
        Map<String, PlanSummary> latest = new LinkedHashMap<>();
        db.select(PLAN_VERSION.PLAN_ID, PLAN_VERSION.VERSION, jsonbGetAttributeAsText(PLAN_VERSION.BODY, "name"))
                .from(PLAN_VERSION)
                .orderBy(PLAN_VERSION.PLAN_ID, PLAN_VERSION.VERSION)
                .forEach(r -> latest.put(r.value1(), new PlanSummary(r.value1(), r.value2(), r.value3())));
        return List.copyOf(latest.values());
    }

    /**
     * Stores the plan under its own id and version unless that version is stored already.
     *
     * @return whether it was stored
     * @throws InvalidPlanException when the plan breaks a rule of {@link PlanValidator}
     */
    public boolean insertIfAbsent(Plan plan) {
        PlanValidator.requireValid(plan);
        return db.insertInto(PLAN_VERSION, PLAN_VERSION.PLAN_ID, PLAN_VERSION.VERSION, PLAN_VERSION.BODY)
                .values(plan.id(), plan.version(), JSONB.valueOf(PlanJson.write(plan)))
                .onConflictDoNothing()
                .execute() == 1;
    }

    /**
     * Stores the plan as the next version of its id (1 for a new plan), whatever version it carries.
     *
     * @return the plan as stored, with its new version number
     * @throws InvalidPlanException when the plan breaks a rule of {@link PlanValidator}
     */
    @Transactional
    public Plan saveAsNextVersion(Plan plan) {
        PlanValidator.requireValid(plan);
        Integer current = db.select(max(PLAN_VERSION.VERSION)).from(PLAN_VERSION)
                .where(PLAN_VERSION.PLAN_ID.eq(plan.id()))
                .fetchOne(0, Integer.class);
        Plan next = plan.withVersion(current == null ? 1 : current + 1);
        db.insertInto(PLAN_VERSION, PLAN_VERSION.PLAN_ID, PLAN_VERSION.VERSION, PLAN_VERSION.BODY)
                .values(next.id(), next.version(), JSONB.valueOf(PlanJson.write(next)))
                .execute();
        return next;
    }
}
