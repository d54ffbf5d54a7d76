package org.yuqing.domain.events;

import org.yuqing.domain.IncidentMetrics;

import java.time.Instant;
import java.util.UUID;

/**
 * The heat of an incident changed (new posts, new metric snapshots).
 *
 * @param incidentId the incident
 * @param unitId     its owning unit
 * @param metrics    its heat now
 */
public record IncidentMetricsChanged(
        UUID eventId,
        Instant occurredAt,
        UUID incidentId,
        String unitId,
        IncidentMetrics metrics) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return incidentId.toString();
    }
}
