package org.yuqing.ui.sources;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A source (信息源) with its polling status, as {@code GET /api/monitoring/sources} lists it. Instants are UTC on the
 * wire.
 *
 * @param id                  source id
 * @param name                what the analysts call it
 * @param kind                {@code FEED} (RSS or Atom)
 * @param url                 the feed's URL
 * @param unitId              the owning unit (属地)
 * @param mediaType           the media type its posts get
 * @param pollInterval        time between polls, ISO-8601 (e.g. {@code PT15M})
 * @param enabled             whether it is polled
 * @param status              {@code NEW}, {@code OK}, {@code FAILING} or {@code DISABLED}
 * @param lastPolledAt        when the last poll ended, {@code null} before the first
 * @param lastSuccessAt       when a poll last succeeded, {@code null} if none has
 * @param lastError           why the last poll failed, {@code null} when it succeeded
 * @param consecutiveFailures failed polls since the last success
 * @param lastIngested        entries the last poll took in
 * @param lastSkipped         entries it skipped as invalid
 * @param nextPollAt          when it is due next
 * @param createdBy           who registered it
 * @param createdAt           when
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SourceRecord(String id, String name, String kind, String url, String unitId, String mediaType,
                           String pollInterval, boolean enabled, String status, Instant lastPolledAt,
                           Instant lastSuccessAt, String lastError, int consecutiveFailures, int lastIngested,
                           int lastSkipped, Instant nextPollAt, String createdBy, Instant createdAt) {
}
