package org.yuqing.events;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yuqing.domain.events.IntegrationEvent;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.util.List;

/**
 * Appends integration events to this service's outbox. Call it inside the transaction that makes
 * the change the event describes: the event exists exactly when the change does.
 *
 * <p>Appends take a transaction-scoped advisory lock, so outbox positions are assigned in commit
 * order and a feed reader never skips an event that commits late.
 */
public final class Outbox {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final String table;
    private final long lockKey;

    Outbox(JdbcTemplate jdbc, JsonMapper json, String schema) {
        this.jdbc = jdbc;
        this.json = json;
        this.table = Schemas.qualified(schema, "outbox");
        this.lockKey = ("yuqing.outbox." + schema).hashCode();
    }

    /**
     * Appends the event.
     *
     * @throws IllegalStateException when no transaction is active
     */
    public void publish(IntegrationEvent event) {
        requireTransaction();
        append(List.of(event));
    }

    /**
     * Appends the events, in order, when the current transaction commits (just before its commit, still inside it), so
     * the lock that orders the outbox is held only for the commit rather than for the rest of the transaction: for
     * transactions that do much after deciding their events. Rolled back, the transaction leaves no event.
     *
     * @throws IllegalStateException when no transaction is active
     */
    public void publishAtCommit(List<? extends IntegrationEvent> events) {
        requireTransaction();
        if (events.isEmpty()) {
            return;
        }
        List<IntegrationEvent> pending = List.copyOf(events);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                append(pending);
            }
        });
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("events are published inside the transaction of their change");
        }
    }

    private void append(List<IntegrationEvent> events) {
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> null, lockKey);
        jdbc.batchUpdate("insert into " + table
                        + " (event_id, event_type, aggregate_id, payload, occurred_at) values (?, ?, ?, ?::jsonb, ?)",
                events.stream().map(event -> new Object[]{event.eventId(), event.type(), event.aggregateId(),
                        json.writeValueAsString(event), Timestamp.from(event.occurredAt())}).toList());
    }

    /** Events after {@code position}, oldest first, at most {@code limit}. */
    List<FeedEvent> read(long position, int limit) {
        return jdbc.query("select position, event_id, event_type, aggregate_id, payload::text, occurred_at from "
                        + table + " where position > ? order by position limit ?",
                (rs, i) -> new FeedEvent(rs.getLong(1), rs.getObject(2, java.util.UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()),
                position, limit);
    }
}
