package org.yuqing.monitoring.search;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One page of a search.
 *
 * @param total        number of posts matching (exact)
 * @param hits         this page's posts
 * @param next         the cursor to pass as {@code after} for the next page; absent on the last page
 * @param aggregations the facets of all matching posts (not only this page); absent on pages after the first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostSearchResult(long total, List<Hit> hits, String next, Aggregations aggregations) {

    /**
     * A post found, with the matching passages.
     *
     * @param metrics    engagement at its last submission
     * @param highlights passages of the title (first) and the text with each match wrapped in
     *                   {@code <em>…</em>}; the passages are HTML-escaped, so only those tags are markup
     */
    public record Hit(UUID id, String title, String text, String site, String url, String mediaType, String author,
                      Instant publishedAt, PostDocument.Metrics metrics, List<String> highlights) {
    }

    /**
     * Facets of the matching posts.
     *
     * @param interval   the volume buckets' width, {@code HOUR} or {@code DAY} (China Standard Time)
     * @param volume     posts per hour or day, oldest first, each bucket's key its start as an ISO-8601 instant;
     *                   buckets without posts are left out
     * @param sites      the 20 sites with the most posts, most first
     * @param mediaTypes posts per media type, most first
     * @param mainstream posts of mainstream outlets (key {@code true}) and of others ({@code false}), both always
     *                   present
     * @param topics     the 20 topics (of those the caller may see) with the most posts, most first
     */
    public record Aggregations(PostQuery.Interval interval, List<Bucket> volume, List<Bucket> sites, List<Bucket> mediaTypes,
                               List<Bucket> mainstream, List<TopicBucket> topics) {
    }

    /**
     * One bucket of the topic facet.
     *
     * @param id    the topic
     * @param name  its name
     * @param count how many matching posts matched it (at their last submission)
     */
    public record TopicBucket(UUID id, String name, long count) {
    }

    /**
     * One bucket of a facet.
     *
     * @param key   what the bucket counts: a time, a site or a media type
     * @param count how many matching posts fall into it
     */
    public record Bucket(String key, long count) {
    }
}
