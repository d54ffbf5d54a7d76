package org.yuqing.monitoring.search;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.yuqing.monitoring.matching.TextNormalizer;

import java.util.List;

/**
 * The document written to Elasticsearch: the post's fields plus {@code matchText}, the canonical
 * token strings of its title and its text (two values, so a phrase never spans them), which topic
 * queries search. Read back as a {@link PostDocument}, which ignores {@code matchText}.
 */
record StoredPost(@JsonUnwrapped PostDocument post, List<String> matchText) {

    static StoredPost of(PostDocument post) {
        return new StoredPost(post, List.of(TextNormalizer.matchText(post.title()), TextNormalizer.matchText(post.text())));
    }
}
