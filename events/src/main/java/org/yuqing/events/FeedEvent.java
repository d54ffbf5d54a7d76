package org.yuqing.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One event as stored in an outbox and served on a feed.
 *
 * @param position    its place in the producer's feed; strictly increasing in commit order
 * @param eventId     the event's unique id
 * @param type        the event type's wire name
 * @param aggregateId what the event is about
 * @param payload     the event record as JSON text
 * @param occurredAt  when it happened
 */
public record FeedEvent(long position, UUID eventId, String type, String aggregateId, String payload,
                        Instant occurredAt) {
}
