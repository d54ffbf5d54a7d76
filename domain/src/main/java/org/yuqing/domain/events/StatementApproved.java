package org.yuqing.domain.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A step of a statement's approval chain was decided: approved or rejected. Casework appends it to the case's
 * accountability record, so the record shows who approved which exact text (the content hash) and when.
 *
 * @param statementId the statement
 * @param caseId      the case it belongs to
 * @param unitId      the owning unit
 * @param version     the statement version that was decided on
 * @param step        the approval step's name, e.g. {@code UNIT_HEAD}
 * @param approved    {@code true} for approval, {@code false} for rejection
 * @param decidedBy   login of the approver
 * @param comment     the approver's comment (required for a rejection), may be empty
 * @param contentHash SHA-256 of the master text and renditions the decision binds
 * @param complete    {@code true} when this approval completed the chain the case's level requires
 * @param decidedAt   when it was decided
 */
public record StatementApproved(
        UUID eventId,
        Instant occurredAt,
        UUID statementId,
        UUID caseId,
        String unitId,
        int version,
        String step,
        boolean approved,
        String decidedBy,
        String comment,
        String contentHash,
        boolean complete,
        Instant decidedAt) implements IntegrationEvent {

    public StatementApproved {
        comment = comment == null ? "" : comment;
    }

    @Override
    public String aggregateId() {
        return statementId.toString();
    }
}
