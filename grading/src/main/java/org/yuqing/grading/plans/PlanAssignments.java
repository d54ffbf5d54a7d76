package org.yuqing.grading.plans;

import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yuqing.security.AuditTrail;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import static org.yuqing.grading.db.Tables.PLAN_ASSIGNMENT;
import static org.yuqing.grading.db.Tables.PLAN_TOPIC_ASSIGNMENT;

/**
 * Which plan grades an incident (预案指派): the plan assigned to the incident's topic within its unit (table
 * {@code plan_topic_assignment}), else the plan assigned to its unit ({@code plan_assignment}), else the default
 * plan ({@code yuqing.grading.default-plan-id}, {@code district} unless configured). The latest version of the plan
 * applies. Grading does not know the unit tree (it lives in the gateway's identity), so a unit does not inherit
 * the plan of its parent unit: a unit without its own assignment uses the default plan. An assignment applies from
 * the next grading of each incident, i.e. its next metrics change; grades already given keep their plan version.
 */
@Component
public class PlanAssignments {

    private static final System.Logger LOG = System.getLogger(PlanAssignments.class.getName());

    private final DSLContext db;
    private final PlanRepository plans;
    private final AuditTrail audit;
    private final String defaultPlanId;

    PlanAssignments(DSLContext db, PlanRepository plans, AuditTrail audit,
                    @Value("${yuqing.grading.default-plan-id:district}") String defaultPlanId) {
        this.db = db;
        this.plans = plans;
        this.audit = audit;
        this.defaultPlanId = defaultPlanId;
    }

    /**
     * The latest version of the plan that grades {@code unitId}'s incidents outside topics with a plan of their own.
     *
     * @throws IllegalStateException when not even the default plan is stored
     */
    public Plan planFor(String unitId) {
        return planFor(unitId, null);
    }

    /**
     * The latest version of the plan that grades an incident of {@code topicId} in {@code unitId}: the topic's plan,
     * else the unit's, else the default.
     *
     * @param topicId the incident's topic, {@code null} when unknown
     * @throws IllegalStateException when not even the default plan is stored
     */
    public Plan planFor(String unitId, UUID topicId) {
        Optional<String> topicPlan = topicId == null ? Optional.empty()
                : db.select(PLAN_TOPIC_ASSIGNMENT.PLAN_ID).from(PLAN_TOPIC_ASSIGNMENT)
                        .where(PLAN_TOPIC_ASSIGNMENT.UNIT_ID.eq(unitId), PLAN_TOPIC_ASSIGNMENT.TOPIC_ID.eq(topicId))
                        .fetchOptional(PLAN_TOPIC_ASSIGNMENT.PLAN_ID);
        String planId = topicPlan.or(() -> db.select(PLAN_ASSIGNMENT.PLAN_ID).from(PLAN_ASSIGNMENT)
                        .where(PLAN_ASSIGNMENT.UNIT_ID.eq(unitId))
                        .fetchOptional(PLAN_ASSIGNMENT.PLAN_ID))
                .orElse(defaultPlanId);
        return plans.latest(planId).or(() -> {
            // A wrong assignment must not stall the whole feed: grade by the default and say so.
            LOG.log(System.Logger.Level.WARNING, "unit {0} is assigned plan {1}, which is not stored; using {2}",
                    unitId, planId, defaultPlanId);
            return plans.latest(defaultPlanId);
        }).orElseThrow(() -> new IllegalStateException("default plan " + defaultPlanId + " is not stored"));
    }

    /**
     * Assigns the plan to the unit, replacing an earlier unit plan; the unit's topic plans stay.
     *
     * @throws UnknownPlanException when no version of the plan is stored
     */
    public void assign(String unitId, String planId) {
        if (!plans.existsLockedForShare(planId)) {
            throw new UnknownPlanException(planId);
        }
        upsertUnitPlan(unitId, planId);
    }

    /**
     * Replaces the unit's whole assignment: its plan and its topic plans, audited as
     * {@link AuditTrail#PLAN_CHANGE}. The caller has checked the unit is in the administrator's scope.
     *
     * @param planId         the unit's plan, {@code null} for the default plan
     * @param topicOverrides the plans of single topics of the unit; {@code null} or empty for none
     * @throws InvalidPlanException when a named plan is not stored, listing each with its path in the request
     */
    @Transactional
    public PlanAssignment replace(String unitId, String planId, Map<UUID, String> topicOverrides) {
        Map<UUID, String> topics = topicOverrides == null ? Map.of() : new TreeMap<>(topicOverrides);
        List<PlanError> errors = new ArrayList<>();
        if (planId != null && !plans.existsLockedForShare(planId)) {
            errors.add(unknown("/planId", planId));
        }
        topics.forEach((topic, plan) -> {
            if (plan == null || !plans.existsLockedForShare(plan)) {
                errors.add(unknown("/topicOverrides/" + topic, plan));
            }
        });
        if (!errors.isEmpty()) {
            throw InvalidPlanException.ofDocument(null, errors);
        }
        if (planId == null) {
            db.deleteFrom(PLAN_ASSIGNMENT).where(PLAN_ASSIGNMENT.UNIT_ID.eq(unitId)).execute();
        } else {
            upsertUnitPlan(unitId, planId);
        }
        db.deleteFrom(PLAN_TOPIC_ASSIGNMENT).where(PLAN_TOPIC_ASSIGNMENT.UNIT_ID.eq(unitId)).execute();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        topics.forEach((topic, plan) -> db.insertInto(PLAN_TOPIC_ASSIGNMENT)
                .set(PLAN_TOPIC_ASSIGNMENT.UNIT_ID, unitId)
                .set(PLAN_TOPIC_ASSIGNMENT.TOPIC_ID, topic)
                .set(PLAN_TOPIC_ASSIGNMENT.PLAN_ID, plan)
                .set(PLAN_TOPIC_ASSIGNMENT.ASSIGNED_AT, now)
                .execute());
        audit.done(AuditTrail.PLAN_CHANGE, "plan assignment of unit " + unitId,
                "unit plan " + (planId == null ? "default (" + defaultPlanId + ")" : planId) + ", topic plans " + topics);
        return new PlanAssignment(unitId, planId, topics, now.toInstant());
    }

    /**
     * The assignments of the units in {@code units} that have one (a unit plan or topic plans), ordered by unit.
     */
    public List<PlanAssignment> of(Collection<String> units) {
        Map<String, String> unitPlans = new TreeMap<>();
        Map<String, Instant> times = new LinkedHashMap<>();
        db.selectFrom(PLAN_ASSIGNMENT).where(PLAN_ASSIGNMENT.UNIT_ID.in(units)).forEach(r -> {
            unitPlans.put(r.getUnitId(), r.getPlanId());
            times.merge(r.getUnitId(), r.getAssignedAt().toInstant(), PlanAssignments::later);
        });
        Map<String, Map<UUID, String>> topicPlans = new TreeMap<>();
        db.selectFrom(PLAN_TOPIC_ASSIGNMENT).where(PLAN_TOPIC_ASSIGNMENT.UNIT_ID.in(units)).forEach(r -> {
            topicPlans.computeIfAbsent(r.getUnitId(), u -> new TreeMap<>()).put(r.getTopicId(), r.getPlanId());
            times.merge(r.getUnitId(), r.getAssignedAt().toInstant(), PlanAssignments::later);
        });
        Map<String, PlanAssignment> all = new TreeMap<>();
        for (String unit : times.keySet()) {
            all.put(unit, new PlanAssignment(unit, unitPlans.get(unit), topicPlans.get(unit), times.get(unit)));
        }
        return List.copyOf(all.values());
    }

    private void upsertUnitPlan(String unitId, String planId) {
        db.insertInto(PLAN_ASSIGNMENT, PLAN_ASSIGNMENT.UNIT_ID, PLAN_ASSIGNMENT.PLAN_ID)
                .values(unitId, planId)
                .onConflict(PLAN_ASSIGNMENT.UNIT_ID)
                .doUpdate().set(PLAN_ASSIGNMENT.PLAN_ID, planId)
                .set(PLAN_ASSIGNMENT.ASSIGNED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .execute();
    }

    private static PlanError unknown(String path, String planId) {
        return new PlanError(path, "UNKNOWN_PLAN", "未找到预案 " + planId);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
