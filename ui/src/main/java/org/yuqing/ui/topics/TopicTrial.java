package org.yuqing.ui.topics;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The answer of {@code POST /api/monitoring/topics/test}: a draft tried over the recent posts the user may see.
 *
 * @param total how many posts of the window the draft matches
 * @param days  the window, in days back from now
 * @param since its start
 * @param hits  the newest matching posts
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TopicTrial(long total, int days, Instant since, List<Post> hits) {

    /** Normalises a missing hit list to an empty one. */
    public TopicTrial {
        hits = hits == null ? List.of() : List.copyOf(hits);
    }

    /**
     * A matching post.
     *
     * @param id          post id
     * @param title       title, may be empty
     * @param text        full text
     * @param site        the site's domain
     * @param url         link to the original
     * @param mediaType   media type code
     * @param author      author or account
     * @param publishedAt when it was published
     * @param highlights  passages of title (first) and text with the draft's words in {@code <em>}, HTML-escaped
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Post(String id, String title, String text, String site, String url, String mediaType,
                       String author, Instant publishedAt, List<String> highlights) {

        /** Normalises missing highlights to none. */
        public Post {
            highlights = highlights == null ? List.of() : List.copyOf(highlights);
        }
    }
}
