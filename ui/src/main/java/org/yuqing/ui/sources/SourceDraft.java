package org.yuqing.ui.sources;

/**
 * A source as sent to {@code POST /api/monitoring/sources} and {@code PUT /api/monitoring/sources/{id}}; monitoring
 * checks every field and names those it refuses.
 *
 * @param name         the source's name
 * @param kind         {@code FEED}
 * @param url          the feed's absolute http(s) URL
 * @param unitId       the owning unit, within the user's unit scope
 * @param mediaType    media type of its posts
 * @param pollInterval ISO-8601 duration between polls, 1 min to 24 h
 * @param enabled      whether to poll it
 */
public record SourceDraft(String name, String kind, String url, String unitId, String mediaType, String pollInterval,
                          Boolean enabled) {
}
