package org.yuqing.grading.regrading;

import org.springframework.stereotype.Component;
import org.yuqing.domain.ResponseTerms;
import org.yuqing.domain.events.IncidentGraded;
import org.yuqing.events.Outbox;
import org.yuqing.grading.plans.PlanRepository;

import java.time.Instant;
import java.util.UUID;

/**
 * Publishes {@code IncidentGraded} for the grade in force, with the terms its plan version sets for
 * that level. Must be called inside the transaction that stores the change.
 */
@Component
class GradePublisher {

    private final Outbox outbox;
    private final PlanRepository plans;

    GradePublisher(Outbox outbox, PlanRepository plans) {
        this.outbox = outbox;
        this.plans = plans;
    }

    void publish(UUID incidentId, String unitId, String title, String planId, int planVersion, Instant at,
                 EffectiveGrade grade) {
        ResponseTerms terms = plans.version(planId, planVersion)
                .flatMap(plan -> plan.level(grade.level()))
                .orElseThrow(() -> new IllegalStateException("plan " + planId + " v" + planVersion
                        + " has no level " + grade.level()))
                .terms();
        outbox.publish(new IncidentGraded(UUID.randomUUID(), at, incidentId, unitId, title, grade.level(),
                grade.previousLevel(), grade.category(), grade.reasons(), planId, planVersion, grade.escalation(),
                terms));
    }
}
