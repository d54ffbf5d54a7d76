package org.yuqing.events;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Serves this service's outbox as a feed: {@code GET /internal/events?after=N&limit=M&waitMillis=W}
 * returns the events after position N, oldest first; when there are none it waits up to W
 * milliseconds for one (long poll). Consumers resume from the last position they applied.
 */
@RestController
class EventFeedController implements ApplicationListener<ContextClosedEvent> {

    private static final int MAX_LIMIT = 1000;
    private static final long POLL_MILLIS = 50;

    private final Outbox outbox;
    private final JsonMapper json;
    private final Duration maxWait;
    // Long polls end at once when the service shuts down, so graceful shutdown does not wait them out.
    private volatile boolean closing;

    EventFeedController(Outbox outbox, JsonMapper json, EventsProperties properties) {
        this.outbox = outbox;
        this.json = json;
        this.maxWait = properties.maxWait();
    }

    @GetMapping(path = "/internal/events", produces = MediaType.APPLICATION_JSON_VALUE)
    FeedPage events(@RequestParam(defaultValue = "0") long after,
                    @RequestParam(defaultValue = "100") int limit,
                    @RequestParam(defaultValue = "0") long waitMillis) throws InterruptedException {
        if (after < 0 || limit < 1 || waitMillis < 0) {
            throw new IllegalArgumentException("after and waitMillis must be >= 0 and limit >= 1");
        }
        int capped = Math.min(limit, MAX_LIMIT);
        long deadline = System.nanoTime() + Math.min(waitMillis, maxWait.toMillis()) * 1_000_000;
        List<FeedEvent> events = outbox.read(after, capped);
        while (events.isEmpty() && !closing && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            events = outbox.read(after, capped);
        }
        long next = events.isEmpty() ? after : events.getLast().position();
        return new FeedPage(events.stream().map(this::entry).toList(), next);
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closing = true;
    }

    private Entry entry(FeedEvent e) {
        return new Entry(e.position(), e.eventId(), e.type(), e.aggregateId(), e.occurredAt(), json.readTree(e.payload()));
    }

    record FeedPage(List<Entry> events, long next) {
    }

    record Entry(long position, UUID eventId, String type, String aggregateId, Instant occurredAt, JsonNode payload) {
    }
}
