package org.yuqing.domain.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A published statement was retracted, or corrected (更正) by a linked notice. Casework appends it to the case's
 * accountability record; a correction's notice is itself released and announced by {@link StatementPublished}.
 *
 * @param statementId  the statement taken back or corrected
 * @param caseId       the case it belongs to
 * @param unitId       the owning unit
 * @param kind         {@code RETRACTION} or {@code CORRECTION}
 * @param noticeId     the correction notice (a statement of its own), {@code null} for a retraction
 * @param reason       why, as the publisher recorded it
 * @param withdrawnBy  login of the publisher
 * @param withdrawnAt  when
 */
public record StatementWithdrawn(
        UUID eventId,
        Instant occurredAt,
        UUID statementId,
        UUID caseId,
        String unitId,
        String kind,
        UUID noticeId,
        String reason,
        String withdrawnBy,
        Instant withdrawnAt) implements IntegrationEvent {

    /** {@link #kind()} of a retraction. */
    public static final String RETRACTION = "RETRACTION";
    /** {@link #kind()} of a correction. */
    public static final String CORRECTION = "CORRECTION";

    @Override
    public String aggregateId() {
        return statementId.toString();
    }
}
