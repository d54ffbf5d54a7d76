package org.yuqing.publishing.statements;

import org.yuqing.publishing.channels.Delivery;

import java.time.Instant;

/** A row of {@code release}: what went out on one channel, the last attempt's time and outcome. */
record ReleaseRow(String channel, Instant at, String url, Delivery.Status status, String error, int attempts) {
}
