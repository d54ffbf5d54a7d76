package org.yuqing.domain.events;

import org.yuqing.domain.IncidentMetrics;

import java.time.Instant;
import java.util.UUID;

/**
 * Monitoring opened an incident (舆情事件): posts matching a topic that are not part of a known
 * incident.
 *
 * @param incidentId  the new incident
 * @param topicId     the topic (监测主题) whose match opened it
 * @param unitId      the owning unit (属地), taken from the topic
 * @param title       a short title, from the first post
 * @param firstSeenAt when its first post was published
 * @param metrics     its heat at detection
 */
public record IncidentDetected(
        UUID eventId,
        Instant occurredAt,
        UUID incidentId,
        UUID topicId,
        String unitId,
        String title,
        Instant firstSeenAt,
        IncidentMetrics metrics) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return incidentId.toString();
    }
}
