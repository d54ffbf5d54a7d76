package org.yuqing.gateway.protection;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per key (a user, or a client address): {@code burst} tokens, refilled at {@code ratePerSecond};
 * each request takes one. In memory: the limits hold per gateway instance (one instance in this slice; several
 * would share a store such as Redis or PostgreSQL).
 */
final class TokenBuckets {

    /** Beyond this many keys, buckets that have refilled completely are dropped (they equal a fresh bucket). */
    private static final int PRUNE_ABOVE = 10_000;

    private final Clock clock;
    private final double ratePerSecond;
    private final double burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(Clock clock, double ratePerSecond, int burst) {
        this.clock = clock;
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
    }

    /**
     * Takes a token for the key.
     *
     * @param key who is asking
     * @return empty when the request may go on, else how long until a token is available
     */
    Optional<Duration> take(String key) {
        long now = clock.millis();
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.isFullAt(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, now)).take(now);
    }

    void clear() {
        buckets.clear();
    }

    private final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized Optional<Duration> take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            double missingMillis = (1 - tokens) / ratePerSecond * 1000;
            return Optional.of(Duration.ofMillis((long) Math.ceil(missingMillis)));
        }

        synchronized boolean isFullAt(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            if (now > refilledAt) {
                tokens = Math.min(burst, tokens + (now - refilledAt) / 1000.0 * ratePerSecond);
                refilledAt = now;
            }
        }
    }
}
