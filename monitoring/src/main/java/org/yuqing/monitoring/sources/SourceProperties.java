package org.yuqing.monitoring.sources;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Configuration of the feed poller under {@code yuqing.monitoring.sources}.
 *
 * @param pollingEnabled whether this replica runs the scheduled poll (default true); replicas share
 *                       the work safely, so turn it off only where nothing should be fetched
 * @param pollEvery      how often the poller looks for due sources (default 15 s)
 * @param batchSize      most sources one look claims (default 20)
 * @param lease          how long a claimed source stays invisible to other replicas while it is
 *                       polled; a replica that dies mid-poll delays the source by at most this (default 10 min)
 * @param connectTimeout TCP connect timeout of a fetch (default 10 s)
 * @param requestTimeout whole-response timeout of a fetch (default 60 s)
 * @param maxFeedBytes   larger feeds are a failed poll (default 10 MiB)
 * @param initialBackoff retry delay after the first failure, doubled per further failure (default 1 min)
 * @param maxBackoff     longest retry delay (default 60 min)
 */
@ConfigurationProperties("yuqing.monitoring.sources")
public record SourceProperties(Boolean pollingEnabled, Duration pollEvery, Integer batchSize, Duration lease,
                               Duration connectTimeout, Duration requestTimeout, Integer maxFeedBytes,
                               Duration initialBackoff, Duration maxBackoff) {

    public SourceProperties {
        pollingEnabled = pollingEnabled == null || pollingEnabled;
        pollEvery = positive("poll-every", pollEvery, Duration.ofSeconds(15));
        batchSize = batchSize == null ? 20 : batchSize;
        lease = positive("lease", lease, Duration.ofMinutes(10));
        connectTimeout = positive("connect-timeout", connectTimeout, Duration.ofSeconds(10));
        requestTimeout = positive("request-timeout", requestTimeout, Duration.ofSeconds(60));
        maxFeedBytes = maxFeedBytes == null ? 10 * 1024 * 1024 : maxFeedBytes;
        initialBackoff = positive("initial-backoff", initialBackoff, Duration.ofMinutes(1));
        maxBackoff = positive("max-backoff", maxBackoff, Duration.ofMinutes(60));
        if (batchSize < 1 || maxFeedBytes < 1) {
            throw new IllegalArgumentException("yuqing.monitoring.sources.batch-size and max-feed-bytes must be positive");
        }
    }

    private static Duration positive(String name, Duration value, Duration fallback) {
        Duration d = value == null ? fallback : value;
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("yuqing.monitoring.sources." + name + " must be positive");
        }
        return d;
    }

    /**
     * The retry delay after {@code failures} consecutive failures: the initial backoff doubled per
     * failure after the first, at most {@link #maxBackoff()}.
     *
     * @param failures consecutive failures including the one just seen, ≥ 1
     */
    public Duration backoff(int failures) {
        Duration d = initialBackoff;
        for (int i = 1; i < failures && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
