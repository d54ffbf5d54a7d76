package org.yuqing.ui.topics;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One page of {@code GET /api/monitoring/posts/search?sort=time&since=…}: the recent posts a topic is tried on.
 *
 * @param total posts matching in all
 * @param hits  this page's posts, newest first
 * @param next  the cursor of the next page, {@code null} on the last
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecentPosts(long total, List<Post> hits, String next) {

    /** Normalises a missing hit list to an empty one. */
    public RecentPosts {
        hits = hits == null ? List.of() : List.copyOf(hits);
    }

    /**
     * A post.
     *
     * @param id          post id
     * @param title       title, may be empty
     * @param text        full text
     * @param site        the site's domain
     * @param url         link to the original
     * @param mediaType   media type code
     * @param author      author or account
     * @param publishedAt when it was published
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Post(String id, String title, String text, String site, String url, String mediaType,
                       String author, Instant publishedAt) {
    }
}
