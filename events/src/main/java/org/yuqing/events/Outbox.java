package org.yuqing.events;

import org.springframework.jdbc.core.JdbcTemplate;
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
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("events are published inside the transaction of their change");
        }
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> null, lockKey);
        jdbc.update("insert into " + table
                        + " (event_id, event_type, aggregate_id, payload, occurred_at) values (?, ?, ?, ?::jsonb, ?)",
                event.eventId(), event.type(), event.aggregateId(), json.writeValueAsString(event),
                Timestamp.from(event.occurredAt()));
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
