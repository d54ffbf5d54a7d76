package org.yuqing.publishing.statements;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How releases to external channels are delivered after the publish commits, under
 * {@code yuqing.publishing.delivery}.
 *
 * @param schedule        whether the delivery worker runs on its own (default {@code true}; tests drive it)
 * @param pollInterval    how often the worker looks for due releases (default 5 s): the longest a
 *                        queued release waits before its first attempt
 * @param batchSize       the most releases one worker pass sends (default 50)
 * @param maxAttempts     automatic attempts per release before it stays FAILED for a manual retry (default 6)
 * @param firstRetryAfter the wait after the first failed attempt (default 30 s); each further failure doubles it
 * @param maxRetryAfter   the longest wait between two attempts (default 1 h)
 */
@ConfigurationProperties("yuqing.publishing.delivery")
public record DeliveryProperties(Boolean schedule, Duration pollInterval, Integer batchSize, Integer maxAttempts,
                                 Duration firstRetryAfter, Duration maxRetryAfter) {

    public DeliveryProperties {
        schedule = schedule == null || schedule;
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        batchSize = batchSize == null ? 50 : batchSize;
        maxAttempts = maxAttempts == null ? 6 : maxAttempts;
        firstRetryAfter = firstRetryAfter == null ? Duration.ofSeconds(30) : firstRetryAfter;
        maxRetryAfter = maxRetryAfter == null ? Duration.ofHours(1) : maxRetryAfter;
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("yuqing.publishing.delivery.batch-size and max-attempts must be >= 1");
        }
    }

    /**
     * The wait before the next attempt after {@code failedAttempts} failed ones (1 → 30 s, 2 → 1 min,
     * 3 → 2 min, … up to {@link #maxRetryAfter}).
     */
    public Duration retryAfter(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
        Duration wait = firstRetryAfter.multipliedBy(1L << doublings);
        return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait;
    }
}
