package org.yuqing.grading.regrading;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yuqing.domain.Category;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.domain.ResponseTerms;
import org.yuqing.domain.events.IncidentDetected;
import org.yuqing.domain.events.IncidentGraded;
import org.yuqing.domain.events.IncidentMetricsChanged;
import org.yuqing.domain.events.IntegrationEvent;
import org.yuqing.events.IntegrationEventListener;
import org.yuqing.events.Outbox;
import org.yuqing.grading.engine.Classifier;
import org.yuqing.grading.engine.Grade;
import org.yuqing.grading.engine.GradingEngine;
import org.yuqing.grading.plans.Plan;
import org.yuqing.grading.plans.PlanAssignments;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Grades incidents as monitoring's feed reports them. Automatic grading only raises a level: a
 * lower computed level keeps the stored grade and records nothing. {@code IncidentGraded} goes out
 * on the first grade and whenever the level rises or the category changes; a same-level
 * re-evaluation only refreshes the stored reasons and metrics. Idempotent: a redelivered event
 * computes the stored level again and so publishes nothing.
 */
@Component
class RegradingListener implements IntegrationEventListener {

    private final IncidentGrades grades;
    private final PlanAssignments assignments;
    private final Outbox outbox;
    private final Clock clock;

    RegradingListener(IncidentGrades grades, PlanAssignments assignments, Outbox outbox, Clock clock) {
        this.grades = grades;
        this.assignments = assignments;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void on(String feed, IntegrationEvent event) {
        switch (event) {
            case IncidentDetected d -> regrade(new Observation(d.eventId(), d.occurredAt(), d.incidentId(),
                    d.unitId(), d.title(), d.metrics()));
            case IncidentMetricsChanged c -> regrade(new Observation(c.eventId(), c.occurredAt(), c.incidentId(),
                    c.unitId(), null, c.metrics()));
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
                publish(first);
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
        grades.update(next, changed);
        if (changed) {
            grades.appendHistory(next);
            publish(next);
        }
    }

    private GradeDecision decide(Observation o, String title, IncidentMetrics metrics, Instant metricsAt,
                                 CurrentGrade current) {
        String unitId = current == null ? o.unitId() : current.unitId();
        Plan plan = assignments.planFor(unitId);
        Grade grade = GradingEngine.grade(metrics, plan);
        Category category = Classifier.classify(title);
        return new GradeDecision(o.incidentId(), unitId, title, grade.level(),
                current == null ? null : current.level(), category, grade.reasons(), plan.id(), plan.version(),
                metrics, metricsAt, clock.instant(), o.eventId(), terms(plan, grade));
    }

    private static ResponseTerms terms(Plan plan, Grade grade) {
        return plan.level(grade.level()).orElseThrow().terms();
    }

    private void publish(GradeDecision d) {
        outbox.publish(new IncidentGraded(UUID.randomUUID(), d.gradedAt(), d.incidentId(), d.unitId(), d.title(),
                d.level(), d.previousLevel(), d.category(), d.reasons(), d.planId(), d.planVersion(),
                d.escalation(), d.terms()));
    }
}
