package org.yuqing.domain.events;

import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.Level;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case's incident was graded to a higher level: its clocks and the approvals its statements need
 * follow the new level from now on.
 *
 * @param caseId                 the case
 * @param incidentId             its incident
 * @param unitId                 the owning unit
 * @param level                  the level now
 * @param previousLevel          the level before
 * @param reportDeadline         when the report to leadership is due now
 * @param firstStatementDeadline when the first public statement is due now
 * @param statementApprovals     the approvals a statement needs from now on, in order
 */
public record CaseEscalated(
        UUID eventId,
        Instant occurredAt,
        UUID caseId,
        UUID incidentId,
        String unitId,
        Level level,
        Level previousLevel,
        Instant reportDeadline,
        Instant firstStatementDeadline,
        List<ApprovalStep> statementApprovals) implements IntegrationEvent {

    public CaseEscalated {
        statementApprovals = List.copyOf(statementApprovals);
    }

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
