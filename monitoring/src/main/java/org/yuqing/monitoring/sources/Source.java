package org.yuqing.monitoring.sources;

import org.yuqing.monitoring.search.Medium;

import java.time.Instant;
import java.util.UUID;

/**
 * A source (信息源) with its polling status, as {@code /api/monitoring/sources} returns it. Instants are UTC.
 *
 * @param id                  its id
 * @param name                what the analysts call it
 * @param kind                {@code FEED} (RSS 2.0 or Atom)
 * @param url                 the feed's URL
 * @param unitId              the unit that owns it (属地): only its users (and those above it) see and change it
 * @param mediaType           the media type its posts get
 * @param pollInterval        time between successful polls, ISO-8601 (e.g. {@code PT15M})
 * @param enabled             whether it is polled
 * @param status              {@code NEW} (never polled), {@code OK}, {@code FAILING} (last poll failed) or {@code DISABLED}
 * @param lastPolledAt        when the last poll ended; null before the first
 * @param lastSuccessAt       when a poll last succeeded (a 304 counts); null if none has
 * @param lastError           why the last poll failed; null when it succeeded
 * @param consecutiveFailures failed polls since the last success
 * @param lastIngested        entries the last poll that read the feed took in as posts
 * @param lastSkipped         entries it skipped as invalid (e.g. no link)
 * @param nextPollAt          when it is due next
 * @param createdBy           login of who registered it
 * @param createdAt           when it was registered
 */
public record Source(UUID id, String name, String kind, String url, String unitId, Medium mediaType,
                     String pollInterval, boolean enabled, String status, Instant lastPolledAt,
                     Instant lastSuccessAt, String lastError, int consecutiveFailures, int lastIngested,
                     int lastSkipped, Instant nextPollAt, String createdBy, Instant createdAt) {
}
