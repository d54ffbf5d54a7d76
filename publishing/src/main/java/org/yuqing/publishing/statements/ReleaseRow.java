package org.yuqing.publishing.statements;

import org.yuqing.publishing.channels.Delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code release}: what went out on one channel, the last attempt's time (the queueing time
 * while none was made) and outcome, and when the delivery worker tries it next ({@code null} when it
 * is delivered or its automatic attempts are used up).
 */
record ReleaseRow(UUID statementId, String channel, Instant at, String url, Delivery.Status status, String error,
                  int attempts, Instant nextAttemptAt) {
}
