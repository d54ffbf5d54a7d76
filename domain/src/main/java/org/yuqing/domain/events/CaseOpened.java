package org.yuqing.domain.events;

import org.yuqing.domain.Level;

import java.time.Instant;
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
 */
public record CaseOpened(
        UUID eventId,
        Instant occurredAt,
        UUID caseId,
        UUID incidentId,
        String unitId,
        String title,
        Level level,
        Instant reportDeadline) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
