package org.yuqing.domain.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An event one service publishes through its outbox for the others. Implementations are records;
 * their simple class name is the event type on the feed.
 */
public sealed interface IntegrationEvent
        permits IncidentDetected, IncidentMetricsChanged, IncidentGraded, CaseOpened, CaseEscalated,
        StatementPublished, StatementApproved, StatementWithdrawn {

    /** Unique id of this event; consumers use it to recognise a redelivery. */
    UUID eventId();

    /** When the change happened (UTC instant). */
    Instant occurredAt();

    /** Id of the thing the event is about (incident, case, statement), as text. */
    String aggregateId();

    /** The wire name of the event type. */
    default String type() {
        return getClass().getSimpleName();
    }
}
