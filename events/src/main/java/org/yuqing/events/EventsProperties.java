package org.yuqing.events;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configuration under {@code yuqing.events}.
 *
 * @param schema        the database schema holding this service's {@code outbox} and
 *                      {@code feed_cursor} tables; required
 * @param maxWait       the longest a feed request waits for new events (long poll)
 * @param consume       whether to follow the subscriptions (default true; tests of one service that
 *                      feed its listener directly turn it off)
 * @param subscriptions upstream feeds this service consumes, by feed name
 */
@ConfigurationProperties("yuqing.events")
public record EventsProperties(String schema, Duration maxWait, Boolean consume,
                               Map<String, Subscription> subscriptions) {

    public EventsProperties {
        if (maxWait == null) {
            maxWait = Duration.ofSeconds(20);
        }
        if (consume == null) {
            consume = true;
        }
        subscriptions = subscriptions == null ? Map.of() : new LinkedHashMap<>(subscriptions);
    }

    /**
     * One upstream feed.
     *
     * @param uri       the feed's URL, e.g. {@code http://127.0.0.1:8081/internal/events}
     * @param batchSize events fetched per request
     * @param pollWait  how long each request asks the upstream to wait for new events
     */
    public record Subscription(URI uri, Integer batchSize, Duration pollWait) {
        public Subscription {
            if (batchSize == null) {
                batchSize = 100;
            }
            if (pollWait == null) {
                pollWait = Duration.ofSeconds(15);
            }
        }
    }
}
