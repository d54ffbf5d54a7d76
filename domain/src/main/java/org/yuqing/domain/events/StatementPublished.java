package org.yuqing.domain.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An approved statement went out.
 *
 * @param statementId the statement
 * @param caseId      the case it belongs to
 * @param unitId      the owning unit
 * @param title       its title
 * @param publicUrl   where the public reads it (the built-in statements page)
 * @param channels    the channels it was released or queued to (external channels deliver after commit)
 * @param approvedBy  who approved it, in order
 * @param publishedAt when it was released
 */
public record StatementPublished(
        UUID eventId,
        Instant occurredAt,
        UUID statementId,
        UUID caseId,
        String unitId,
        String title,
        String publicUrl,
        List<String> channels,
        List<String> approvedBy,
        Instant publishedAt) implements IntegrationEvent {

    public StatementPublished {
        channels = List.copyOf(channels);
        approvedBy = List.copyOf(approvedBy);
    }

    @Override
    public String aggregateId() {
        return statementId.toString();
    }
}
