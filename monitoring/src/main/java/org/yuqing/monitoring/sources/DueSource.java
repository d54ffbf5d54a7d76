package org.yuqing.monitoring.sources;

import org.yuqing.monitoring.search.Medium;

import java.time.Duration;
import java.util.UUID;

/** A source claimed for one poll, with what the poll needs to know. */
record DueSource(UUID id, String url, Medium medium, String etag, String lastModified, int consecutiveFailures,
                 Duration pollInterval) {
}
