package org.yuqing.domain.events;

import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.Level;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Casework opened a case for an incident.
 *
 * @param caseId         the case
 * @param incidentId     the incident it handles
 * @param unitId         the owning unit
 * @param title          the case title
 * @param level          the level it opened at
 * @param reportDeadline when the report to leadership is due
 * @param firstStatementDeadline when the first public statement is due
 * @param statementApprovals the approvals a statement of this case needs, in order
 */
public record CaseOpened(
        UUID eventId,
        Instant occurredAt,
        UUID caseId,
        UUID incidentId,
        String unitId,
        String title,
        Level level,
        Instant reportDeadline,
        Instant firstStatementDeadline,
        List<ApprovalStep> statementApprovals) implements IntegrationEvent {

    public CaseOpened {
        statementApprovals = List.copyOf(statementApprovals);
    }

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
