package org.yuqing.grading.plans;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.jooq.impl.DSL.jsonbGetAttributeAsText;
import static org.jooq.impl.DSL.max;
import static org.yuqing.grading.db.Tables.GRADE_HISTORY;
import static org.yuqing.grading.db.Tables.INCIDENT_GRADE;
import static org.yuqing.grading.db.Tables.PLAN_ASSIGNMENT;
import static org.yuqing.grading.db.Tables.PLAN_TOPIC_ASSIGNMENT;
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

    /**
     * Whether any version of the plan is stored, locking its versions against deletion until the transaction
     * ends (so a plan being assigned or graded by cannot vanish meanwhile).
     */
    public boolean existsLockedForShare(String planId) {
        return !db.select(PLAN_VERSION.VERSION).from(PLAN_VERSION).where(PLAN_VERSION.PLAN_ID.eq(planId))
                .forShare().fetch().isEmpty();
    }

    /**
     * What uses the plan, in words: incidents graded by one of its versions, units and topics it is assigned to.
     * Locks the plan's versions until the transaction ends, so nothing starts using it meanwhile.
     *
     * @return empty when nothing uses it
     */
    List<String> uses(String planId) {
        db.select(PLAN_VERSION.VERSION).from(PLAN_VERSION).where(PLAN_VERSION.PLAN_ID.eq(planId)).forUpdate().fetch();
        List<String> uses = new java.util.ArrayList<>();
        int graded = db.fetchCount(INCIDENT_GRADE, INCIDENT_GRADE.PLAN_ID.eq(planId))
                + db.fetchCount(GRADE_HISTORY, GRADE_HISTORY.PLAN_ID.eq(planId));
        if (graded > 0) {
            uses.add("已用于事件定级（" + graded + " 条定级记录）");
        }
        List<String> units = db.select(PLAN_ASSIGNMENT.UNIT_ID).from(PLAN_ASSIGNMENT)
                .where(PLAN_ASSIGNMENT.PLAN_ID.eq(planId)).orderBy(PLAN_ASSIGNMENT.UNIT_ID)
                .fetch(PLAN_ASSIGNMENT.UNIT_ID);
        if (!units.isEmpty()) {
            uses.add("已指派给单位 " + String.join("、", units));
        }
        int topics = db.fetchCount(PLAN_TOPIC_ASSIGNMENT, PLAN_TOPIC_ASSIGNMENT.PLAN_ID.eq(planId));
        if (topics > 0) {
            uses.add("已指派给 " + topics + " 个监测主题");
        }
        return uses;
    }

    /** Deletes every version of the plan; the caller has made sure nothing uses it ({@link #uses}). */
    void delete(String planId) {
        db.deleteFrom(PLAN_VERSION).where(PLAN_VERSION.PLAN_ID.eq(planId)).execute();
    }

    /** The latest version of every stored plan, ordered by id. */
    public List<PlanSummary> latestOfEach() {
        Map<String, PlanSummary> latest = new LinkedHashMap<>();
        db.select(PLAN_VERSION.PLAN_ID, PLAN_VERSION.VERSION, jsonbGetAttributeAsText(PLAN_VERSION.BODY, "name"),
                        jsonbGetAttributeAsText(PLAN_VERSION.BODY, "source"), PLAN_VERSION.CREATED_AT)
                .from(PLAN_VERSION)
                .orderBy(PLAN_VERSION.PLAN_ID, PLAN_VERSION.VERSION)
                .forEach(r -> latest.put(r.value1(), new PlanSummary(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5().toInstant())));
        return List.copyOf(latest.values());
    }

    /** Every stored version of the plan, newest first; empty when no version of it is stored. */
    public List<PlanVersionSummary> versions(String planId) {
        return db.select(PLAN_VERSION.VERSION, jsonbGetAttributeAsText(PLAN_VERSION.BODY, "name"),
                        PLAN_VERSION.CREATED_AT)
                .from(PLAN_VERSION)
                .where(PLAN_VERSION.PLAN_ID.eq(planId))
                .orderBy(PLAN_VERSION.VERSION.desc())
                .fetch(r -> new PlanVersionSummary(planId, r.value1(), r.value2(), r.value3().toInstant()));
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
     * @throws ErrorResponseException a 409 problem when another transaction stored that version first
     */
    @Transactional
    public Plan saveAsNextVersion(Plan plan) {
        PlanValidator.requireValid(plan);
        Integer current = db.select(max(PLAN_VERSION.VERSION)).from(PLAN_VERSION)
                .where(PLAN_VERSION.PLAN_ID.eq(plan.id()))
                .fetchOne(0, Integer.class);
        Plan next = plan.withVersion(current == null ? 1 : current + 1);
        try {
            db.insertInto(PLAN_VERSION, PLAN_VERSION.PLAN_ID, PLAN_VERSION.VERSION, PLAN_VERSION.BODY)
                    .values(next.id(), next.version(), JSONB.valueOf(PlanJson.write(next)))
                    .execute();
        } catch (DuplicateKeyException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "预案 " + plan.id() + " 第 " + next.version() + " 版刚被他人保存，请刷新后重试");
            problem.setTitle("预案同时被修改");
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, e);
        }
        return next;
    }
}
