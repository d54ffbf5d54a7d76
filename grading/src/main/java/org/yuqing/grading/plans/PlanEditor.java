package org.yuqing.grading.plans;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.yuqing.security.AuditTrail;

import java.util.List;
import java.util.Optional;

/**
 * Changes to the stored plans (预案维护), each audited as {@link AuditTrail#PLAN_CHANGE} in its own transaction:
 * create a plan, store an edit as the next version (earlier versions stay, and every grade keeps naming the
 * version that produced it), import a document, delete a plan nothing has used. Who may call this is decided by
 * the access rules (administrators only).
 */
@Service
class PlanEditor {

    private final PlanRepository plans;
    private final AuditTrail audit;
    private final String defaultPlanId;

    PlanEditor(PlanRepository plans, AuditTrail audit,
               @Value("${yuqing.grading.default-plan-id:district}") String defaultPlanId) {
        this.plans = plans;
        this.audit = audit;
        this.defaultPlanId = defaultPlanId;
    }

    /** What an import did. */
    enum ImportOutcome {
        /** The plan was new: stored as version 1. */
        CREATED,
        /** The plan existed: the document is stored as its next version. */
        NEW_VERSION,
        /** The document equals the latest version: nothing stored. */
        UNCHANGED
    }

    /**
     * An imported plan as stored.
     *
     * @param plan    the plan's version now in force
     * @param outcome what the import did
     */
    record Imported(Plan plan, ImportOutcome outcome) {
    }

    /**
     * Stores a new plan as version 1.
     *
     * @throws ErrorResponseException a 409 problem when a plan of that id exists
     */
    @Transactional
    public Plan create(Plan plan) {
        if (plans.latest(plan.id()).isPresent()) {
            throw conflict("预案已存在", "预案 " + plan.id() + " 已存在；修改请用 PUT /api/grading/plans/" + plan.id());
        }
        Plan stored = plans.saveAsNextVersion(plan);
        audit.done(AuditTrail.PLAN_CHANGE, target(stored), "created version " + stored.version() + ": " + stored.name());
        return stored;
    }

    /**
     * Stores an edit of a plan as its next version.
     *
     * @throws UnknownPlanException  when the plan is not stored
     * @throws InvalidPlanException  when the document names another plan id
     */
    @Transactional
    public Plan update(String planId, Plan plan) {
        if (!plan.id().equals(planId)) {
            throw InvalidPlanException.ofDocument(plan.id(), List.of(new PlanError("/id", "ID_MISMATCH",
                    "文档中的预案编号 " + plan.id() + " 与地址中的 " + planId + " 不一致")));
        }
        Plan previous = plans.latest(planId).orElseThrow(() -> new UnknownPlanException(planId));
        Plan stored = plans.saveAsNextVersion(plan);
        audit.done(AuditTrail.PLAN_CHANGE, target(stored), "stored version " + stored.version()
                + " (previous " + previous.version() + "): " + stored.name());
        return stored;
    }

    /**
     * Imports a plan document: a new plan is created, an existing one gets the document as its next version, a
     * document equal to the latest version changes nothing (so importing twice stores once).
     */
    @Transactional
    public Imported importPlan(Plan plan, String format) {
        Optional<Plan> latest = plans.latest(plan.id());
        if (latest.isPresent() && latest.get().equals(plan.withVersion(latest.get().version()))) {
            return new Imported(latest.get(), ImportOutcome.UNCHANGED);
        }
        Plan stored = plans.saveAsNextVersion(plan);
        audit.done(AuditTrail.PLAN_CHANGE, target(stored), "imported from " + format + " as version "
                + stored.version() + ": " + stored.name());
        return new Imported(stored, latest.isEmpty() ? ImportOutcome.CREATED : ImportOutcome.NEW_VERSION);
    }

    /**
     * Deletes every version of a plan that was never used.
     *
     * @throws UnknownPlanException   when the plan is not stored
     * @throws ErrorResponseException a 409 problem when it is the default plan, graded an incident or is assigned
     */
    @Transactional
    public void delete(String planId) {
        Plan latest = plans.latest(planId).orElseThrow(() -> new UnknownPlanException(planId));
        if (planId.equals(defaultPlanId)) {
            throw conflict("预案在用", "预案 " + planId + " 是默认预案（yuqing.grading.default-plan-id），不能删除");
        }
        List<String> uses = plans.uses(planId);
        if (!uses.isEmpty()) {
            ErrorResponseException conflict = conflict("预案在用",
                    "预案 " + planId + " 已被使用，不能删除：" + String.join("；", uses));
            conflict.getBody().setProperty("uses", uses);
            throw conflict;
        }
        plans.delete(planId);
        audit.done(AuditTrail.PLAN_CHANGE, target(latest), "deleted (never used), versions 1–" + latest.version());
    }

    private static String target(Plan plan) {
        return "plan " + plan.id();
    }

    private static ErrorResponseException conflict(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle(title);
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }
}
