package org.yuqing.monitoring.search;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.yuqing.monitoring.matching.TextNormalizer;

import java.util.List;

/**
 * The document written to Elasticsearch: the post's fields plus {@code matchText}, the canonical
 * token strings of its title and its text (two values, so a phrase never spans them), which topic
 * queries search, and {@code heat}, reads + comments + reposts (the figures incidents sum), which search sorts by.
 * Read back as a {@link PostDocument}, which ignores both.
 */
record StoredPost(@JsonUnwrapped PostDocument post, List<String> matchText, long heat) {

    /** The field of the heat. */
    static final String HEAT = "heat";

    static StoredPost of(PostDocument post) {
        PostDocument.Metrics m = post.metrics();
        return new StoredPost(post, List.of(TextNormalizer.matchText(post.title()), TextNormalizer.matchText(post.text())),
                m == null ? 0 : m.reads() + m.comments() + m.reposts());
    }
}
