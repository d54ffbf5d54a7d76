package org.yuqing.grading.regrading;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yuqing.domain.Category;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.domain.Level;
import org.yuqing.domain.events.IncidentDetected;
import org.yuqing.domain.events.IncidentMetricsChanged;
import org.yuqing.domain.events.IntegrationEvent;
import org.yuqing.events.IntegrationEventListener;
import org.yuqing.grading.classification.Classification;
import org.yuqing.grading.classification.LexiconRepository;
import org.yuqing.grading.engine.Grade;
import org.yuqing.grading.engine.GradingEngine;
import org.yuqing.grading.plans.Plan;
import org.yuqing.grading.plans.PlanAssignments;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Grades incidents as monitoring's feed reports them, each by the plan {@link PlanAssignments} chooses for its
 * topic and unit at that moment (so a changed assignment applies from the incident's next metrics change). Automatic grading only raises a level: a
 * lower computed level keeps the stored grade and records nothing. An analyst's override stays in
 * force underneath, until the computed level rises above the analyst's level, which ends it.
 * {@code IncidentGraded} goes out on the first grade and whenever the level or category in force
 * changes; a same-level re-evaluation only refreshes the stored reasons and metrics. Idempotent: a
 * redelivered event computes the stored level again and so publishes nothing.
 */
@Component
class RegradingListener implements IntegrationEventListener {

    private final IncidentGrades grades;
    private final PlanAssignments assignments;
    private final LexiconRepository lexicons;
    private final GradePublisher publisher;
    private final Clock clock;

    RegradingListener(IncidentGrades grades, PlanAssignments assignments, LexiconRepository lexicons,
                      GradePublisher publisher, Clock clock) {
        this.grades = grades;
        this.assignments = assignments;
        this.lexicons = lexicons;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void on(String feed, IntegrationEvent event) {
        switch (event) {
            case IncidentDetected d -> regrade(new Observation(d.eventId(), d.occurredAt(), d.incidentId(),
                    d.topicId(), d.unitId(), d.title(), d.metrics()));
            case IncidentMetricsChanged c -> regrade(new Observation(c.eventId(), c.occurredAt(), c.incidentId(),
                    null, c.unitId(), null, c.metrics()));
            default -> {
                // Other events of the feed do not change a grade.
            }
        }
    }

    private void regrade(Observation o) {
        Optional<CurrentGrade> stored = grades.lock(o.incidentId());
        if (stored.isEmpty()) {
            GradeDecision first = decide(o, o.title(), o.metrics(), o.observedAt(), null);
            if (grades.insertFirst(first)) {
                grades.appendHistory(first);
                publisher.publish(first.incidentId(), first.unitId(), first.title(), first.planId(),
                        first.planVersion(), first.gradedAt(),
                        new EffectiveGrade(first.level(), null, first.category(), first.reasons()));
                return;
            }
            // Another replica graded it first: go again, now as a re-grade under its lock.
            stored = grades.lock(o.incidentId());
        }
        CurrentGrade current = stored.orElseThrow();
        String title = o.title() != null ? o.title() : current.title();
        // An event older than the metrics already graded (a replay) must not roll them back.
        boolean stale = o.observedAt().isBefore(current.metricsAt());
        IncidentMetrics metrics = stale ? current.metrics() : o.metrics();
        Instant metricsAt = stale ? current.metricsAt() : o.observedAt();
        GradeDecision next = decide(o, title, metrics, metricsAt, current);
        if (current.level().isAbove(next.level())) {
            return;
        }
        boolean changed = next.level() != current.level() || next.category() != current.category();
        boolean supersede = current.overrideLevel() != null && next.level() != current.level()
                && next.level().isAbove(current.overrideLevel());
        grades.update(next, changed, supersede);
        if (!changed) {
            return;
        }
        grades.appendHistory(next);
        Level levelInForce = current.overrideLevel() != null && !supersede ? current.overrideLevel() : next.level();
        Category categoryInForce = current.overrideCategory() != null ? current.overrideCategory() : next.category();
        if (levelInForce == current.effectiveLevel() && categoryInForce == current.effectiveCategory()) {
            return;
        }
        List<String> reasons = new ArrayList<>(next.reasons());
        if (supersede) {
            reasons.add("计算级别" + next.level().chineseName() + "高于分析员改定的"
                    + current.overrideLevel().chineseName() + "，按计算级别");
        } else if (current.overridden()) {
            reasons.addFirst(GradeOverrides.ANALYST_PREFIX + current.overrideReason());
        }
        publisher.publish(next.incidentId(), next.unitId(), next.title(), next.planId(), next.planVersion(),
                next.gradedAt(), new EffectiveGrade(levelInForce, current.effectiveLevel(), categoryInForce, reasons));
    }

    private GradeDecision decide(Observation o, String title, IncidentMetrics metrics, Instant metricsAt,
                                 CurrentGrade current) {
        String unitId = current == null ? o.unitId() : current.unitId();
        UUID topicId = current != null && current.topicId() != null ? current.topicId() : o.topicId();
        Plan plan = assignments.planFor(unitId, topicId);
        Grade grade = GradingEngine.grade(metrics, plan);
        Classification classification = lexicons.classifier().classify(title);
        return new GradeDecision(o.incidentId(), unitId, topicId, title, grade.level(),
                current == null ? null : current.level(), classification.category(), grade.reasons(), plan.id(),
                plan.version(), metrics, metricsAt, clock.instant(), o.eventId(),
                plan.level(grade.level()).orElseThrow().terms(), classification);
    }
}
