package org.yuqing.monitoring.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.yuqing.monitoring.matching.TextNormalizer;
import org.yuqing.monitoring.topics.InvalidExpressionException;
import org.yuqing.monitoring.topics.Topic;
import org.yuqing.monitoring.topics.TopicExpression;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A topic (监测主题) as an Elasticsearch query over stored posts, with exactly the semantics of the
 * real-time matcher (see the matching rule in {@code CompiledTopics}). Each keyword or expression term is a
 * {@code match_phrase} of its {@link TextNormalizer#matchText canonical token string} on the {@value #FIELD} field.
 * <ul>
 *   <li>word groups: for every non-empty group (region, subject, event) a filter "any of its keywords"; every exclude
 *       word a {@code must_not}. Keywords whose token string is empty are left out; a topic with no group keyword
 *       left matches nothing;</li>
 *   <li>an expression: its tree, AND as {@code bool.filter}, OR as {@code bool.should} with
 *       {@code minimum_should_match} 1, NOT as {@code bool.must_not}; a term whose token string is empty matches
 *       nothing;</li>
 *   <li>filters: the sites as {@code term} on {@code site} or {@code wildcard *.site} (subdomains), the media types as
 *       {@code terms} on {@code mediaType}; a disabled topic matches nothing.</li>
 * </ul>
 * For the backfill of a new topic over stored posts, for trying a draft and for checking the matcher against the
 * index.
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
        if (!topic.enabled()) {
            return none();
        }
        TopicExpression expression;
        try {
            expression = topic.parsedExpression();
        } catch (InvalidExpressionException e) {
            // like the matcher: a saved expression a later rule refuses matches nothing
            return none();
        }
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (expression != null) {
            bool.filter(of(expression.root()));
        } else {
            List<List<String>> groups = List.of(topic.regionWords(), topic.subjectWords(), topic.eventWords());
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
                return none();
            }
            phrases(topic.excludeWords()).forEach(p -> bool.mustNot(phrase(p)));
        }
        if (!topic.sites().isEmpty()) {
            bool.filter(f -> f.bool(any -> {
                for (String domain : topic.sites()) {
                    any.should(s -> s.term(t -> t.field("site").value(domain)))
                            .should(s -> s.wildcard(w -> w.field("site").value("*." + domain)));
                }
                return any.minimumShouldMatch("1");
            }));
        }
        if (!topic.mediaTypes().isEmpty()) {
            List<FieldValue> types = topic.mediaTypes().stream().map(FieldValue::of).toList();
            bool.filter(f -> f.terms(t -> t.field("mediaType").terms(v -> v.value(types))));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    /**
     * A query that marks the topic's words in title and text, for highlighting what made a post match: every keyword
     * of the word groups, or every expression term not under a NOT, as a phrase in either field.
     *
     * @param topic the topic
     * @return the highlight query, or null when there is nothing to mark
     */
    public static Query highlight(Topic topic) {
        TopicExpression expression;
        try {
            expression = topic.parsedExpression();
        } catch (InvalidExpressionException e) {
            return null;
        }
        Set<String> words = new LinkedHashSet<>();
        if (expression != null) {
            words.addAll(expression.positiveTermTexts());
        } else {
            words.addAll(topic.regionWords());
            words.addAll(topic.subjectWords());
            words.addAll(topic.eventWords());
        }
        List<String> phrases = words.stream().map(String::strip).filter(w -> !TextNormalizer.matchText(w).isEmpty()).toList();
        if (phrases.isEmpty()) {
            return null;
        }
        return Query.of(q -> q.bool(any -> {
            for (String p : phrases) {
                // the raw word and its simplified form: title and text are indexed as written
                for (String form : new LinkedHashSet<>(List.of(p, TextNormalizer.normalize(p)))) {
                    any.should(s -> s.matchPhrase(m -> m.field("title").query(form)))
                            .should(s -> s.matchPhrase(m -> m.field("text").query(form)));
                }
            }
            return any.minimumShouldMatch("1");
        }));
    }

    private static Query of(TopicExpression.Node node) {
        return switch (node) {
            case TopicExpression.Term t -> {
                String canonical = TextNormalizer.matchText(t.text());
                yield canonical.isEmpty() ? none() : phrase(canonical);
            }
            case TopicExpression.All a -> Query.of(q -> q.bool(b -> {
                a.operands().forEach(n -> b.filter(of(n)));
                return b;
            }));
            case TopicExpression.Any a -> Query.of(q -> q.bool(b -> {
                a.operands().forEach(n -> b.should(of(n)));
                return b.minimumShouldMatch("1");
            }));
            case TopicExpression.Not n -> Query.of(q -> q.bool(b -> b.mustNot(of(n.operand()))));
        };
    }

    private static Query none() {
        return Query.of(q -> q.matchNone(n -> n));
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
