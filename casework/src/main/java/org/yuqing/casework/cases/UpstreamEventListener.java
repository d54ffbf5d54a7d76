package org.yuqing.casework.cases;

import org.springframework.stereotype.Component;
import org.yuqing.domain.events.IncidentGraded;
import org.yuqing.domain.events.IntegrationEvent;
import org.yuqing.domain.events.StatementApproved;
import org.yuqing.domain.events.StatementPublished;
import org.yuqing.domain.events.StatementWithdrawn;
import org.yuqing.events.IntegrationEventListener;

/**
 * Applies grading's and publishing's events to cases, inside the transaction that advances the feed
 * cursor: grades, and a statement's approvals, rejections, release and withdrawal. Every other event type is ignored.
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
            case IncidentGraded grade -> cases.applyGrade(grade);
            case StatementPublished statement -> cases.applyStatement(statement);
            case StatementApproved decision -> cases.applyApproval(decision);
            case StatementWithdrawn withdrawal -> cases.applyWithdrawal(withdrawal);
            default -> {
                // Not casework's business (e.g. our own CaseOpened, or monitoring's heat updates).
            }
        }
    }
}
