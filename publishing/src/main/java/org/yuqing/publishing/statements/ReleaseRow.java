package org.yuqing.publishing.statements;

import org.yuqing.publishing.channels.Delivery;

import java.time.Instant;

/** A row of {@code release}: what went out on one channel. */
record ReleaseRow(String channel, Instant at, String url, Delivery.Status status) {
}
