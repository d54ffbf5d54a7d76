package org.yuqing.grading.regrading;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.yuqing.domain.Category;
import org.yuqing.domain.Level;
import org.yuqing.grading.plans.Plan;
import org.yuqing.grading.plans.PlanRepository;
import org.yuqing.security.AuditTrail;
import org.yuqing.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The analyst's decisions on a grade (分析员改定): an override of level and/or category kept beside the
 * computed grade, always with a reason, recorded in the history with source ANALYST and published as
 * {@code IncidentGraded} when the grade in force changes — in the transaction of the change, together with the
 * audit line ({@link AuditTrail#OVERRIDE}). Only incidents of the analyst's unit scope can be decided on; others
 * answer like unknown ones (404).
 */
@Service
class GradeOverrides {

    /** How a published reason names the analyst's decision. */
    static final String ANALYST_PREFIX = "分析员改定：";
    /** How a published reason names the end of the analyst's decision. */
    static final String CLEARED_PREFIX = "分析员撤销改定：";

    private final IncidentGrades grades;
    private final PlanRepository plans;
    private final GradePublisher publisher;
    private final AuditTrail audit;
    private final Clock clock;

    GradeOverrides(IncidentGrades grades, PlanRepository plans, GradePublisher publisher, AuditTrail audit,
                   Clock clock) {
        this.grades = grades;
        this.plans = plans;
        this.publisher = publisher;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Sets the analyst's level and/or category; a field left {@code null} keeps the analyst's earlier
     * choice for it, if any.
     *
     * @param by the analyst deciding
     * @throws UnknownIncidentException when the incident was never graded
     * @throws org.yuqing.security.OutOfScopeException when it belongs to a unit outside {@code by}'s scope
     */
    @Transactional
    public void override(UUID incidentId, Level level, Category category, String reason, Caller by) {
        if (reason == null || reason.isBlank()) {
            throw badRequest("改定原因必填", "改定必须写明原因（reason）");
        }
        if (level == null && category == null) {
            throw badRequest("改定内容为空", "请给出改定的级别（level）或分类（category）");
        }
        if (category == Category.UNCLASSIFIED) {
            throw badRequest("分类无效", "不能改定为未分类");
        }
        CurrentGrade current = locked(incidentId, by);
        if (level != null) {
            Plan plan = plans.version(current.planId(), current.planVersion()).orElseThrow();
            if (plan.level(level).isEmpty()) {
                throw badRequest("预案无此级别", "预案《" + plan.name() + "》没有" + level.chineseName() + "级别");
            }
        }
        Level newLevel = level != null ? level : current.overrideLevel();
        Category newCategory = category != null ? category : current.overrideCategory();
        String trimmed = reason.strip();
        List<String> reasons = new ArrayList<>();
        reasons.add(ANALYST_PREFIX + trimmed);
        reasons.addAll(current.reasons());
        decide(current, newLevel, newCategory, trimmed, by.login(), reasons);
        audit.done(AuditTrail.OVERRIDE, "incident " + incidentId, "level " + name(newLevel) + ", category "
                + name(newCategory) + " (computed " + current.level() + ", " + current.category() + "): " + trimmed);
    }

    /**
     * Ends the analyst's override: the computed grade is in force again.
     *
     * @param by the analyst deciding
     * @throws UnknownIncidentException when the incident was never graded
     * @throws org.yuqing.security.OutOfScopeException when it belongs to a unit outside {@code by}'s scope
     */
    @Transactional
    public void clear(UUID incidentId, String reason, Caller by) {
        if (reason == null || reason.isBlank()) {
            throw badRequest("撤销原因必填", "撤销改定必须写明原因（reason）");
        }
        CurrentGrade current = locked(incidentId, by);
        if (!current.overridden()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "事件 " + incidentId + " 没有分析员改定");
            problem.setTitle("没有改定");
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
        List<String> reasons = new ArrayList<>();
        reasons.add(CLEARED_PREFIX + reason.strip());
        reasons.addAll(current.reasons());
        decide(current, null, null, null, by.login(), reasons);
        audit.done(AuditTrail.OVERRIDE, "incident " + incidentId, "override cleared, computed "
                + current.level() + ", " + current.category() + " in force again: " + reason.strip());
    }

    private CurrentGrade locked(UUID incidentId, Caller by) {
        CurrentGrade current = grades.lock(incidentId).orElseThrow(() -> new UnknownIncidentException(incidentId));
        by.requireSees(current.unitId(), "incident " + incidentId);
        return current;
    }

    private static String name(Enum<?> value) {
        return value == null ? "computed" : value.name();
    }

    private void decide(CurrentGrade current, Level level, Category category, String reason, String by,
                        List<String> reasons) {
        Instant now = clock.instant();
        EffectiveGrade effective = new EffectiveGrade(level != null ? level : current.level(),
                current.effectiveLevel(), category != null ? category : current.category(), reasons);
        grades.override(current, level, category, reason, by, now, effective);
        if (effective.level() != current.effectiveLevel() || effective.category() != current.effectiveCategory()) {
            publisher.publish(current.incidentId(), current.unitId(), current.title(), current.planId(),
                    current.planVersion(), now, effective);
        }
    }

    private static ErrorResponseException badRequest(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(title);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
