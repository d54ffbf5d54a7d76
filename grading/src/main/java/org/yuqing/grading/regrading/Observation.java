package org.yuqing.grading.regrading;

import org.yuqing.domain.IncidentMetrics;

import java.time.Instant;
import java.util.UUID;

/**
 * What an upstream event tells about an incident.
 *
 * @param eventId    the upstream event
 * @param observedAt when the upstream saw these metrics
 * @param topicId    the topic that opened the incident, {@code null} when the event carries none
 * @param title      the title, {@code null} when the event carries none
 */
record Observation(UUID eventId, Instant observedAt, UUID incidentId, UUID topicId, String unitId, String title,
                   IncidentMetrics metrics) {
}
