package org.yuqing.ui.search;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/monitoring/posts/search?q=}.
 *
 * @param total how many posts match in all (more than the hits shown)
 * @param hits  the best matching posts, best first
 */
public record PostSearchResult(long total, List<Hit> hits) {

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
     * @param highlights  matching snippets with the matched words in {@code <em>}; untrusted HTML
     */
    public record Hit(String id, String title, String text, String site, String url, String mediaType,
                      String author, Instant publishedAt, List<String> highlights) {

        /** Normalises a missing highlight list to an empty one. */
        public Hit {
            highlights = highlights == null ? List.of() : List.copyOf(highlights);
        }
    }
}
