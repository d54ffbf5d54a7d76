package org.yuqing.ui.incidents;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of a {@code GET /api/monitoring/posts/search?incidentId=} answer this page shows: how many posts the
 * incident holds and its hottest ones.
 *
 * @param total posts of the incident the user may see
 * @param hits  the representative posts, hottest first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncidentPosts(long total, List<Post> hits) {

    /** Normalises a missing hit list to an empty one. */
    public IncidentPosts {
        hits = hits == null ? List.of() : List.copyOf(hits);
    }

    /**
     * One post.
     *
     * @param id          post id
     * @param title       title, may be empty
     * @param text        full text
     * @param site        the site's domain
     * @param url         link to the original
     * @param mediaType   media type code, e.g. {@code NEWS}
     * @param author      author or account
     * @param publishedAt when it was published
     * @param metrics     engagement at its last submission, may be {@code null}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Post(String id, String title, String text, String site, String url, String mediaType,
                       String author, Instant publishedAt, Engagement metrics) {
    }

    /**
     * Engagement of one post.
     *
     * @param reads    reads
     * @param comments comments
     * @param reposts  reposts
     * @param likes    likes
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Engagement(long reads, long comments, long reposts, long likes) {
    }
}
