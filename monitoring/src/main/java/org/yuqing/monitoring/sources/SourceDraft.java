package org.yuqing.monitoring.sources;

import org.yuqing.monitoring.search.Medium;
import org.yuqing.monitoring.web.InvalidRequestException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A source as submitted to {@code POST /api/monitoring/sources} and {@code PUT /api/monitoring/sources/{id}}.
 *
 * @param name         required, at most 200 characters
 * @param kind         {@code FEED} (the default; the only kind so far)
 * @param url          the feed's absolute http(s) URL; required
 * @param unitId       the owning unit; required, within the caller's unit scope
 * @param mediaType    media type of its posts (NEWS when absent)
 * @param pollInterval ISO-8601 duration between polls, 1 min to 24 h (PT15M when absent)
 * @param enabled      whether to poll it (true when absent)
 */
public record SourceDraft(String name, String kind, String url, String unitId, String mediaType,
                          String pollInterval, Boolean enabled) {

    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(15);
    static final Duration MIN_POLL_INTERVAL = Duration.ofMinutes(1);
    static final Duration MAX_POLL_INTERVAL = Duration.ofHours(24);

    /** A draft checked and normalised. */
    record Valid(String name, String url, String unitId, Medium medium, Duration pollInterval, boolean enabled) {
    }

    /**
     * Checks every field.
     *
     * @throws InvalidRequestException listing each invalid field
     */
    Valid validated() {
        Map<String, String> errors = new LinkedHashMap<>();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            errors.put("name", "is required");
        } else if (n.length() > 200) {
            errors.put("name", "is longer than 200 characters");
        }
        if (kind != null && !kind.isBlank() && !"FEED".equalsIgnoreCase(kind.strip())) {
            errors.put("kind", "must be FEED (an RSS 2.0 or Atom feed)");
        }
        String u = url == null ? "" : url.strip();
        if (u.isEmpty()) {
            errors.put("url", "is required");
        } else if (u.length() > 4096 || !isWebUrl(u)) {
            errors.put("url", "must be an absolute http or https URL");
        }
        String unit = unitId == null ? "" : unitId.strip();
        if (unit.isEmpty()) {
            errors.put("unitId", "is required");
        }
        Medium medium = Medium.NEWS;
        if (mediaType != null && !mediaType.isBlank()) {
            try {
                medium = Medium.valueOf(mediaType.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.put("mediaType", "must be one of " + List.of(Medium.values()));
            }
        }
        Duration interval = DEFAULT_POLL_INTERVAL;
        if (pollInterval != null && !pollInterval.isBlank()) {
            try {
                interval = Duration.parse(pollInterval.strip());
                if (interval.compareTo(MIN_POLL_INTERVAL) < 0 || interval.compareTo(MAX_POLL_INTERVAL) > 0) {
                    errors.put("pollInterval", "must be between PT1M and PT24H");
                }
            } catch (DateTimeParseException e) {
                errors.put("pollInterval", "must be an ISO-8601 duration such as PT15M");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Valid(n, u, unit, medium, interval, enabled == null || enabled);
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
