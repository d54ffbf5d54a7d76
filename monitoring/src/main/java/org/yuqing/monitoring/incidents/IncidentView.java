package org.yuqing.monitoring.incidents;

import org.yuqing.domain.IncidentMetrics;

import java.time.Instant;
import java.util.UUID;

/**
 * An incident with its heat now.
 *
 * @param id          the incident
 * @param topicId     the topic whose match opened it
 * @param unitId      its owning unit (属地), from the topic when it was opened
 * @param title       short title, from its first post
 * @param state       open or closed
 * @param firstSeenAt publication time of its earliest post
 * @param lastSeenAt  publication time of its latest post
 * @param createdAt   when monitoring opened it
 * @param metrics     its heat, the 24 h figures counted back from the time of the request
 * @param duplicates  how many of its posts are near-duplicates (SimHash within 3 bits) of an earlier post of it
 * @param negative    its negative share with the trend and the words that drove it
 */
public record IncidentView(UUID id, UUID topicId, String unitId, String title, IncidentState state,
                           Instant firstSeenAt, Instant lastSeenAt, Instant createdAt, IncidentMetrics metrics, int duplicates,
                           NegativeShare negative) {
}
