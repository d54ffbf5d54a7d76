package org.yuqing.casework.cases;

import org.springframework.stereotype.Component;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.domain.events.IncidentDetected;
import org.yuqing.domain.events.IncidentGraded;
import org.yuqing.domain.events.IncidentMetricsChanged;
import org.yuqing.domain.events.IntegrationEvent;
import org.yuqing.domain.events.StatementApproved;
import org.yuqing.domain.events.StatementPublished;
import org.yuqing.domain.events.StatementWithdrawn;
import org.yuqing.events.IntegrationEventListener;

/**
 * Applies monitoring's, grading's and publishing's events to cases, inside the transaction that advances the feed
 * cursor: an incident's heat (kept per incident, so the series starts at detection even before a case exists), grades,
 * and a statement's approvals, rejections, release and withdrawal. Every other event type is ignored.
 */
@Component
class UpstreamEventListener implements IntegrationEventListener {

    private final Cases cases;

    UpstreamEventListener(Cases cases) {
        this.cases = cases;
    }

    @Override
    public void on(String feed, IntegrationEvent event) {
        switch (event) {
            case IncidentDetected detected -> cases.applyHeat(detected.eventId(), detected.incidentId(),
                    point(detected.occurredAt(), detected.metrics()));
            case IncidentMetricsChanged changed -> cases.applyHeat(changed.eventId(), changed.incidentId(),
                    point(changed.occurredAt(), changed.metrics()));
            case IncidentGraded grade -> cases.applyGrade(grade);
            case StatementPublished statement -> cases.applyStatement(statement);
            case StatementApproved decision -> cases.applyApproval(decision);
            case StatementWithdrawn withdrawal -> cases.applyWithdrawal(withdrawal);
            default -> {
                // Not casework's business (e.g. our own CaseOpened).
            }
        }
    }

    private static HeatPoint point(java.time.Instant at, IncidentMetrics m) {
        return new HeatPoint(at, m.volume(), m.reads(), m.comments(), m.reposts(), m.distinctSites(),
                m.mainstreamOutlets(), m.negativeShare());
    }
}
