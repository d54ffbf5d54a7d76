package org.yuqing.monitoring.search;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One page of a keyword search.
 *
 * @param total number of posts matching (exact)
 * @param hits  this page's posts
 */
public record PostSearchResult(long total, List<Hit> hits) {

    /**
     * A post found, with the matching passages.
     *
     * @param highlights passages of the title (first) and the text with each match wrapped in
     *                   {@code <em>…</em>}; the passages are HTML-escaped, so only those tags are markup
     */
    public record Hit(UUID id, String title, String text, String site, String url, String mediaType, String author,
                      Instant publishedAt, List<String> highlights) {
    }
}
