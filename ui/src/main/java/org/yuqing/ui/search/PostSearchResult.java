package org.yuqing.ui.search;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The answer of {@code GET /api/monitoring/posts/search}: one page of posts, the cursor of the next page and, on the
 * first page, the facets of every matching post.
 *
 * @param total        how many posts match in all (more than the hits shown)
 * @param hits         this page's posts, in the order asked for
 * @param next         the cursor to pass as {@code after} for the next page; {@code null} on the last page
 * @param aggregations the facets, on the first page only ({@code null} on later pages)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostSearchResult(long total, List<Hit> hits, String next, Aggregations aggregations) {

    /** Normalises a missing hit list to an empty one. */
    public PostSearchResult {
        hits = hits == null ? List.of() : List.copyOf(hits);
    }

    /**
     * One matching post.
     *
     * @param id          post id
     * @param title       title
     * @param text        full text
     * @param site        where it was published, e.g. weibo.com
     * @param url         link to the original
     * @param mediaType   kind of medium, e.g. WEIBO
     * @param author      author or account
     * @param publishedAt when it was published
     * @param metrics     engagement at its last submission, may be {@code null}
     * @param highlights  matching snippets with the matched words in {@code <em>}; untrusted HTML
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hit(String id, String title, String text, String site, String url, String mediaType,
                      String author, Instant publishedAt, Metrics metrics, List<String> highlights) {

        /** Normalises a missing highlight list to an empty one. */
        public Hit {
            highlights = highlights == null ? List.of() : List.copyOf(highlights);
        }
    }

    /**
     * Engagement of a post.
     *
     * @param reads    reads
     * @param comments comments
     * @param reposts  reposts
     * @param likes    likes
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metrics(long reads, long comments, long reposts, long likes) {
    }

    /**
     * Facets of all matching posts.
     *
     * @param interval   the width of the volume buckets, {@code HOUR} or {@code DAY} (Beijing time)
     * @param volume     posts per hour or day, oldest first, each key the bucket's start as an ISO-8601 instant;
     *                   empty buckets left out
     * @param sites      the sites with the most posts, most first
     * @param mediaTypes posts per media type, most first
     * @param mainstream posts of mainstream outlets (key {@code true}) and of the others ({@code false})
     * @param topics     the user's topics with the most posts, most first
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Aggregations(String interval, List<Bucket> volume, List<Bucket> sites, List<Bucket> mediaTypes,
                               List<Bucket> mainstream, List<TopicBucket> topics) {

        /** Normalises missing facets to empty ones. */
        public Aggregations {
            volume = volume == null ? List.of() : List.copyOf(volume);
            sites = sites == null ? List.of() : List.copyOf(sites);
            mediaTypes = mediaTypes == null ? List.of() : List.copyOf(mediaTypes);
            mainstream = mainstream == null ? List.of() : List.copyOf(mainstream);
            topics = topics == null ? List.of() : List.copyOf(topics);
        }
    }

    /**
     * One bucket of the topic facet.
     *
     * @param id    topic id
     * @param name  its name
     * @param count matching posts that matched it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TopicBucket(String id, String name, long count) {
    }

    /**
     * One bucket of a facet.
     *
     * @param key   a time, a site or a media type
     * @param count matching posts in it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bucket(String key, long count) {
    }
}
