package org.yuqing.monitoring.search;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.yuqing.monitoring.matching.TextNormalizer;
import org.yuqing.monitoring.topics.Topic;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A topic (监测主题) as an Elasticsearch query over stored posts, with exactly the semantics of the
 * real-time matcher (see the matching rule in {@code CompiledTopics}): for every non-empty group
 * (region, subject, event) a filter "any of its keywords", each keyword a {@code match_phrase} of
 * its {@link TextNormalizer#matchText canonical token string} on the {@value #FIELD} field; every
 * exclude word a {@code must_not} {@code match_phrase}. Keywords whose token string is empty are
 * left out; a topic with no group keyword left matches nothing. For the backfill of a new topic over
 * stored posts and for checking the matcher against the index.
 */
public final class TopicQuery {

    /** The indexed field holding the canonical token strings of a post's title and text. */
    public static final String FIELD = "matchText";

    private TopicQuery() {
    }

    /**
     * The query matching the stored posts the topic matches.
     *
     * @param topic the topic; not null
     * @return a query without scoring (filters only)
     */
    public static Query of(Topic topic) {
        List<List<String>> groups = List.of(topic.regionWords(), topic.subjectWords(), topic.eventWords());
        BoolQuery.Builder bool = new BoolQuery.Builder();
        boolean anyGroup = false;
        for (List<String> group : groups) {
            Set<String> phrases = phrases(group);
            if (!phrases.isEmpty()) {
                anyGroup = true;
                bool.filter(f -> f.bool(any -> {
                    phrases.forEach(p -> any.should(phrase(p)));
                    return any.minimumShouldMatch("1");
                }));
            }
        }
        if (!anyGroup) {
            return Query.of(q -> q.matchNone(n -> n));
        }
        phrases(topic.excludeWords()).forEach(p -> bool.mustNot(phrase(p)));
        return Query.of(q -> q.bool(bool.build()));
    }

    private static Set<String> phrases(List<String> words) {
        Set<String> phrases = new LinkedHashSet<>();
        for (String word : words) {
            String p = TextNormalizer.matchText(word);
            if (!p.isEmpty()) {
                phrases.add(p);
            }
        }
        return phrases;
    }

    private static Query phrase(String canonical) {
        return Query.of(q -> q.matchPhrase(m -> m.field(FIELD).query(canonical)));
    }
}
