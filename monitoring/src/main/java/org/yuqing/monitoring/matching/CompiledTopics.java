package org.yuqing.monitoring.matching;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import org.yuqing.monitoring.topics.InvalidExpressionException;
import org.yuqing.monitoring.topics.Topic;
import org.yuqing.monitoring.topics.TopicExpression;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable snapshot of all topics compiled into one Aho–Corasick automaton: one pass over a
 * post's text finds every keyword of every topic, then each topic's rule is evaluated on the groups
 * that were hit.
 *
 * <p><b>The matching rule</b>, the same as the topic's Elasticsearch query ({@code TopicQuery}: a
 * {@code match_phrase} of each keyword's {@link TextNormalizer#matchText canonical token string} on
 * the {@code matchText} field, which holds the canonical token strings of title and text):
 * <ol>
 *   <li>keyword, title and text are each reduced to their canonical token string — NFKC, traditional
 *       → simplified, lower case; whitespace and punctuation dropped; runs of letters/digits other
 *       than ideographs kept as words separated by one space;</li>
 *   <li>a keyword hits when its token string occurs as a substring of the title's or the text's
 *       (never spanning the two) <em>and</em>, if it begins (ends) with a run character — a Latin,
 *       Cyrillic, … letter or a digit — the text does not continue that run before (after) it.
 *       So "化工 厂" and "化工，厂" contain the keyword 化工厂, "PX" hits in "反px抗议" and in "PX-项目"
 *       but not in "pxe" nor in "3px"; the keyword "3.5" is the two words "3 5" and hits "3,5";</li>
 *   <li>a word-group topic matches when every non-empty group (region, subject, event) has a hit and no
 *       exclude word hits; a keyword whose token string is empty is ignored, and a topic without
 *       any remaining group word matches nothing;</li>
 *   <li>an expression topic ({@link org.yuqing.monitoring.topics.TopicExpression}) matches when its
 *       expression is true with each term true when it hits (a term whose token string is empty never hits);
 *       its query is the same tree of {@code bool} {@code filter}/{@code should}/{@code must_not} over the
 *       terms' {@code match_phrase}s;</li>
 *   <li>either way the post's site must be one of the topic's sites or a subdomain of one, and its media
 *       type one of the topic's media types, where these lists are not empty; a disabled topic matches
 *       nothing.</li>
 * </ol>
 * Substring matching on this canonical form is phrase matching on the standard tokenizer's tokens:
 * a Han character is a token, a run is a token, and a phrase must start and end on token
 * boundaries — hence the run check.
 */
final class CompiledTopics {

    private static final System.Logger LOG = System.getLogger(CompiledTopics.class.getName());

    static final CompiledTopics EMPTY = new CompiledTopics(List.of(), null, new int[0], new Topic[0], new Expression[0]);

    private static final int REGION = 1;
    private static final int SUBJECT = 1 << 1;
    private static final int EVENT = 1 << 2;
    private static final int EXCLUDE = 1 << 3;

    /** One keyword's place in one topic: a group bit of a word-group topic, or a term of an expression topic. */
    private record Use(int topic, int group, int term) {
    }

    /** A keyword with every topic group or expression term that uses it. */
    private record Keyword(boolean wordStart, boolean wordEnd, Use[] uses) {
    }

    /** An expression topic's tree with the index of each term's token string. */
    private record Expression(TopicExpression.Node root, Map<TopicExpression.Term, Integer> terms, int size) {
    }

    private final List<MatchedTopic> topics;
    private final AhoCorasickDoubleArrayTrie<Keyword> automaton;
    /** Per word-group topic, the groups (bit set) that must each have a hit; 0 for an expression topic. */
    private final int[] required;
    /** Per topic, the topic when it has a site or media-type filter, else null. */
    private final Topic[] filtered;
    /** Per topic, its expression, or null for a word-group topic. */
    private final Expression[] expressions;

    private CompiledTopics(List<MatchedTopic> topics, AhoCorasickDoubleArrayTrie<Keyword> automaton, int[] required,
                           Topic[] filtered, Expression[] expressions) {
        this.topics = topics;
        this.automaton = automaton;
        this.required = required;
        this.filtered = filtered;
        this.expressions = expressions;
    }

    /** Compiles the enabled topics; disabled ones are left out. */
    static CompiledTopics compile(List<Topic> all) {
        List<Topic> enabled = all.stream().filter(Topic::enabled).toList();
        Map<String, List<Use>> uses = new TreeMap<>();
        List<MatchedTopic> topics = new ArrayList<>();
        int[] required = new int[enabled.size()];
        Topic[] filtered = new Topic[enabled.size()];
        Expression[] expressions = new Expression[enabled.size()];
        for (int i = 0; i < enabled.size(); i++) {
            Topic t = enabled.get(i);
            topics.add(new MatchedTopic(t.id(), t.unitId()));
            if (!t.sites().isEmpty() || !t.mediaTypes().isEmpty()) {
                filtered[i] = t;
            }
            TopicExpression expression;
            try {
                expression = t.parsedExpression();
            } catch (InvalidExpressionException e) {
                // saved expressions were valid when saved; one a later rule refuses must not stop the others
                LOG.log(System.Logger.Level.WARNING, "topic {0} has an invalid expression and matches nothing: {1}",
                        t.id(), e.getMessage());
                expressions[i] = new Expression(new TopicExpression.Term("", 0), Map.of(), 0);
                continue;
            }
            if (expression != null) {
                expressions[i] = add(uses, i, expression);
            } else {
                required[i] = add(uses, i, REGION, t.regionWords())
                        | add(uses, i, SUBJECT, t.subjectWords())
                        | add(uses, i, EVENT, t.eventWords());
                add(uses, i, EXCLUDE, t.excludeWords());
            }
        }
        if (uses.isEmpty()) {
            return EMPTY;
        }
        Map<String, Keyword> keywords = new TreeMap<>();
        uses.forEach((word, list) -> keywords.put(word, new Keyword(
                isRunChar(word.codePointAt(0)), isRunChar(word.codePointBefore(word.length())), list.toArray(Use[]::new))));
        AhoCorasickDoubleArrayTrie<Keyword> automaton = new AhoCorasickDoubleArrayTrie<>();
        automaton.build(keywords);
        return new CompiledTopics(List.copyOf(topics), automaton, required, filtered, expressions);
    }

    /** Adds a group's words; returns the group's bit if any word remains after normalising, else 0. */
    private static int add(Map<String, List<Use>> uses, int topic, int group, List<String> words) {
        int present = 0;
        for (String word : words) {
            String w = TextNormalizer.matchText(word);
            if (!w.isEmpty()) {
                uses.computeIfAbsent(w, k -> new ArrayList<>()).add(new Use(topic, group, -1));
                present = group;
            }
        }
        return present;
    }

    /** Adds an expression's terms, one index per distinct token string; a term without one is left out (never hits). */
    private static Expression add(Map<String, List<Use>> uses, int topic, TopicExpression expression) {
        Map<String, Integer> indexOf = new HashMap<>();
        Map<TopicExpression.Term, Integer> terms = new HashMap<>();
        collect(expression.root(), term -> {
            String w = TextNormalizer.matchText(term.text());
            if (w.isEmpty()) {
                return;
            }
            Integer index = indexOf.get(w);
            if (index == null) {
                index = indexOf.size();
                indexOf.put(w, index);
                uses.computeIfAbsent(w, k -> new ArrayList<>()).add(new Use(topic, 0, index));
            }
            terms.put(term, index);
        });
        return new Expression(expression.root(), Map.copyOf(terms), indexOf.size());
    }

    private static void collect(TopicExpression.Node node, java.util.function.Consumer<TopicExpression.Term> terms) {
        switch (node) {
            case TopicExpression.Term t -> terms.accept(t);
            case TopicExpression.All a -> a.operands().forEach(n -> collect(n, terms));
            case TopicExpression.Any a -> a.operands().forEach(n -> collect(n, terms));
            case TopicExpression.Not n -> collect(n.operand(), terms);
        }
    }

    int size() {
        return topics.size();
    }

    /**
     * The topics whose rule the texts satisfy, in topic order, for a post of unknown site and media type (topics
     * with a site or media-type filter do not match it). Each text is matched on its own (a keyword never spans two
     * of them); hits of all texts count together.
     */
    List<MatchedTopic> match(String... texts) {
        return matchPost(null, null, texts);
    }

    /**
     * The topics a post matches, in topic order.
     *
     * @param site      the post's site (lower-case domain), or null when unknown
     * @param mediaType the post's media type name (NEWS, …), or null when unknown
     * @param texts     its title and text, each matched on its own (a keyword never spans two of them); hits of all
     *                  texts count together
     */
    List<MatchedTopic> matchPost(String site, String mediaType, String... texts) {
        if (automaton == null) {
            return List.of();
        }
        int[] hits = new int[topics.size()];
        BitSet[] termHits = new BitSet[topics.size()];
        for (String raw : texts) {
            String text = TextNormalizer.matchText(raw);
            if (text.isEmpty()) {
                continue;
            }
            automaton.parseText(text, (AhoCorasickDoubleArrayTrie.IHit<Keyword>) (begin, end, keyword) -> {
                if (keyword.wordStart() && begin > 0 && isRunChar(text.codePointBefore(begin))) {
                    return;
                }
                if (keyword.wordEnd() && end < text.length() && isRunChar(text.codePointAt(end))) {
                    return;
                }
                for (Use use : keyword.uses()) {
                    if (use.term() < 0) {
                        hits[use.topic()] |= use.group();
                    } else {
                        BitSet b = termHits[use.topic()];
                        if (b == null) {
                            b = new BitSet(expressions[use.topic()].size());
                            termHits[use.topic()] = b;
                        }
                        b.set(use.term());
                    }
                }
            });
        }
        List<MatchedTopic> matched = new ArrayList<>();
        for (int i = 0; i < hits.length; i++) {
            boolean match;
            Expression e = expressions[i];
            if (e == null) {
                int h = hits[i];
                match = h != 0 && (h & EXCLUDE) == 0 && (h & required[i]) == required[i] && required[i] != 0;
            } else {
                // an expression needs a hit to be true (TopicExpression refuses the others), so none means no match
                BitSet b = termHits[i];
                match = b != null && e.root().test(term -> {
                    Integer index = e.terms().get(term);
                    return index != null && b.get(index);
                });
            }
            if (match && (filtered[i] == null || filtered[i].admits(site, mediaType))) {
                matched.add(topics.get(i));
            }
        }
        return matched;
    }

    /** A character of a run (not an ideograph): the standard tokenizer keeps runs together as one token. */
    private static boolean isRunChar(int codePoint) {
        return TextNormalizer.isRun(TextNormalizer.classOf(codePoint));
    }

    @Override
    public String toString() {
        return "CompiledTopics[" + topics.size() + " topics]";
    }
}
