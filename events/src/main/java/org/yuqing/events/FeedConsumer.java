package org.yuqing.events;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.domain.events.EventTypes;
import org.yuqing.domain.events.IntegrationEvent;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Follows one upstream feed: polls it from the stored cursor and applies each event in its own
 * transaction together with the cursor update. At-least-once from the source, exactly-once in
 * effect: an event at or below the stored cursor is skipped, and the cursor row is locked while an
 * event is applied, so two replicas of a service never apply the same event twice.
 */
public final class FeedConsumer {

    private static final System.Logger LOG = System.getLogger(FeedConsumer.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final String feed;
    private final EventSource source;
    private final EventsProperties.Subscription subscription;
    private final IntegrationEventListener listener;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final String cursorTable;
    private volatile Thread thread;
    private volatile boolean running;

    FeedConsumer(String feed, EventSource source, EventsProperties.Subscription subscription,
                 IntegrationEventListener listener, JdbcTemplate jdbc, TransactionTemplate tx, JsonMapper json,
                 String schema) {
        this.feed = feed;
        this.source = source;
        this.subscription = subscription;
        this.listener = listener;
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.cursorTable = Schemas.qualified(schema, "feed_cursor");
    }

    /** The position of the last event of this feed applied here (0 before the first). */
    public long position() {
        List<Long> rows = jdbc.queryForList("select position from " + cursorTable + " where feed = ?", Long.class, feed);
        return rows.isEmpty() ? 0 : rows.getFirst();
    }

    /** The feed's name. */
    public String feed() {
        return feed;
    }

    void start() {
        running = true;
        thread = Thread.ofVirtual().name("feed-" + feed).start(this::run);
    }

    void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(200);
        boolean warned = false;
        while (running) {
            try {
                List<FeedEvent> events = source.poll(position(), subscription.batchSize(), subscription.pollWait());
                for (FeedEvent event : events) {
                    apply(event);
                }
                if (warned) {
                    LOG.log(System.Logger.Level.INFO, "feed {0} is readable again", feed);
                }
                warned = false;
                backoff = Duration.ofMillis(200);
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!warned) {
                    LOG.log(System.Logger.Level.WARNING, "feed " + feed + " from " + source + " stalled; retrying", e);
                    warned = true;
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Applies one event unless it was applied before; package-private for tests. */
    void apply(FeedEvent event) {
        tx.executeWithoutResult(status -> {
            jdbc.update("insert into " + cursorTable + " (feed, position) values (?, 0) on conflict (feed) do nothing", feed);
            long applied = jdbc.queryForObject("select position from " + cursorTable + " where feed = ? for update",
                    Long.class, feed);
            if (event.position() <= applied) {
                return;
            }
            Optional<Class<? extends IntegrationEvent>> type = EventTypes.byName(event.type());
            if (type.isPresent()) {
                listener.on(feed, json.readValue(event.payload(), type.get()));
            } else {
                LOG.log(System.Logger.Level.DEBUG, "feed {0}: skipping unknown event type {1}", feed, event.type());
            }
            jdbc.update("update " + cursorTable + " set position = ?, updated_at = now() where feed = ?",
                    event.position(), feed);
        });
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
