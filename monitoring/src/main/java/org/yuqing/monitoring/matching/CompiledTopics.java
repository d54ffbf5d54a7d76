package org.yuqing.monitoring.matching;

import org.yuqing.monitoring.topics.InvalidExpressionException;
import org.yuqing.monitoring.topics.Topic;
import org.yuqing.monitoring.topics.TopicExpression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * An immutable snapshot of all topics compiled into one keyword dictionary ({@link KeywordScanner}): one pass over
 * a post's text finds every keyword of every topic, then the rule of each topic a keyword touched is evaluated on the
 * keywords that were hit.
 *
 * <p><b>Which topics a post touches.</b> Thousands of topics share their region words (every topic of a district names
 * it), so a post naming the district would touch all of them if every keyword touched every topic using it. Instead
 * each word-group topic is reached through one <em>anchor</em> group only: of its required groups, the one whose words
 * the fewest topics use (usually the event or subject words). A topic cannot match unless its anchor group has a hit,
 * so only topics whose anchor words hit are evaluated; their other groups are then checked against the keywords the
 * post hit. Expression topics are reached through every term.
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

    static final CompiledTopics EMPTY = new CompiledTopics(List.of(), null, new Topic[0], new Expression[0], new int[1],
            new int[0], 0);

    private static final int REGION = 0;
    private static final int SUBJECT = 1;
    private static final int EVENT = 2;
    private static final int EXCLUDE = 3;
    private static final int GROUPS = 4;

    /** In the matcher's working state: a topic the post touched. */
    private static final byte TOUCHED = 1;
    /** In the matcher's working state: a topic with expression terms hit. */
    private static final byte HAS_TERMS = 2;

    /** One keyword's place in one topic: a group of a word-group topic, or a term of an expression topic. */
    private record Use(int topic, int group, int term) {
    }

    /**
     * A keyword as the scan reports it: its index among all keywords, whether it must start or end on a run
     * boundary, the topics it anchors, and the pairs {@code topic, term index} of the expression terms it is.
     */
    private record Keyword(int id, boolean wordStart, boolean wordEnd, int[] anchors, int[] terms) {
    }

    /** An expression topic's tree with the index of each term's token string. */
    private record Expression(TopicExpression.Node root, Map<TopicExpression.Term, Integer> terms, int size) {
    }

    private final List<MatchedTopic> topics;
    private final KeywordScanner<Keyword> automaton;
    /** Per topic, the topic when it has a site or media-type filter, else null. */
    private final Topic[] filtered;
    /** Per topic, its expression, or null for a word-group topic. */
    private final Expression[] expressions;
    /**
     * The keyword ids of every word-group topic's groups, flattened: group {@code g} of topic {@code t} is
     * {@code groupWords[groupStart[t * 4 + g] .. groupStart[t * 4 + g + 1])}.
     */
    private final int[] groupStart;
    private final int[] groupWords;
    private final int keywordCount;

    private CompiledTopics(List<MatchedTopic> topics, KeywordScanner<Keyword> automaton, Topic[] filtered,
                           Expression[] expressions, int[] groupStart, int[] groupWords, int keywordCount) {
        this.topics = topics;
        this.automaton = automaton;
        this.filtered = filtered;
        this.expressions = expressions;
        this.groupStart = groupStart;
        this.groupWords = groupWords;
        this.keywordCount = keywordCount;
    }

    /** Compiles the enabled topics; disabled ones are left out. */
    static CompiledTopics compile(List<Topic> all) {
        List<Topic> enabled = all.stream().filter(Topic::enabled).toList();
        int n = enabled.size();
        Map<String, List<Use>> uses = new TreeMap<>();
        List<MatchedTopic> topics = new ArrayList<>();
        Topic[] filtered = new Topic[n];
        Expression[] expressions = new Expression[n];
        for (int i = 0; i < n; i++) {
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
                add(uses, i, REGION, t.regionWords());
                add(uses, i, SUBJECT, t.subjectWords());
                add(uses, i, EVENT, t.eventWords());
                add(uses, i, EXCLUDE, t.excludeWords());
            }
        }
        if (uses.isEmpty()) {
            return EMPTY;
        }
        // keyword ids in sorted order; per topic and group its keyword ids; how many uses each keyword has
        Map<String, Integer> ids = new HashMap<>();
        int[] popularity = new int[uses.size()];
        List<List<Integer>> words = new ArrayList<>(n * GROUPS);
        for (int k = 0; k < n * GROUPS; k++) {
            words.add(new ArrayList<>(2));
        }
        for (Map.Entry<String, List<Use>> e : uses.entrySet()) {
            int id = ids.size();
            ids.put(e.getKey(), id);
            popularity[id] = e.getValue().size();
            for (Use use : e.getValue()) {
                if (use.term() < 0) {
                    words.get(use.topic() * GROUPS + use.group()).add(id);
                }
            }
        }
        int[] groupStart = new int[n * GROUPS + 1];
        int[] groupWords = new int[words.stream().mapToInt(List::size).sum()];
        for (int k = 0, at = 0; k < n * GROUPS; k++) {
            groupStart[k] = at;
            for (int id : words.get(k)) {
                groupWords[at++] = id;
            }
            groupStart[k + 1] = at;
        }
        // each word-group topic's anchor: the required group whose words the fewest topics use
        int[] anchor = new int[n];
        for (int t = 0; t < n; t++) {
            anchor[t] = -1;
            long best = Long.MAX_VALUE;
            for (int g = REGION; g <= EVENT; g++) {
                int from = groupStart[t * GROUPS + g];
                int to = groupStart[t * GROUPS + g + 1];
                if (from == to) {
                    continue;
                }
                long cost = 0;
                for (int k = from; k < to; k++) {
                    cost += popularity[groupWords[k]];
                }
                if (cost < best) {
                    best = cost;
                    anchor[t] = g;
                }
            }
        }
        TreeMap<String, Keyword> keywords = new TreeMap<>();
        uses.forEach((word, list) -> {
            int[] anchors = list.stream().filter(u -> u.term() < 0 && anchor[u.topic()] == u.group())
                    .mapToInt(Use::topic).distinct().toArray();
            int[] terms = list.stream().filter(u -> u.term() >= 0)
                    .flatMapToInt(u -> IntStream.of(u.topic(), u.term())).toArray();
            keywords.put(word, new Keyword(ids.get(word), isRunChar(word.codePointAt(0)),
                    isRunChar(word.codePointBefore(word.length())), anchors, terms));
        });
        return new CompiledTopics(List.copyOf(topics), KeywordScanner.of(keywords), filtered, expressions, groupStart,
                groupWords, ids.size());
    }

    /** Adds a group's words that remain after normalising. */
    private static void add(Map<String, List<Use>> uses, int topic, int group, List<String> words) {
        for (String word : words) {
            String w = TextNormalizer.matchText(word);
            if (!w.isEmpty()) {
                List<Use> list = uses.computeIfAbsent(w, k -> new ArrayList<>());
                Use use = new Use(topic, group, -1);
                // a group's words are added together, so a word given twice in it is the list's last use: no scan of
                // the thousands of uses a shared region word has
                if (list.isEmpty() || !list.getLast().equals(use)) {
                    list.add(use);
                }
            }
        }
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
                uses.computeIfAbsent(w, k -> new ArrayList<>()).add(new Use(topic, -1, index));
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
        Scratch scratch = SCRATCH.get().ready(topics.size(), keywordCount);
        try {
            TextNormalizer.Tokens text = scratch.text;
            for (String raw : texts) {
                TextNormalizer.matchText(raw, text);
                if (text.length() > 0) {
                    automaton.scan(text.chars(), text.length(), scratch);
                }
            }
            return matched(scratch, site, mediaType);
        } finally {
            scratch.clear();
        }
    }

    /** The touched topics whose rule holds, in topic order; a topic the post did not touch cannot match. */
    private List<MatchedTopic> matched(Scratch scratch, String site, String mediaType) {
        int[] matches = null;
        int count = 0;
        for (int t = 0; t < scratch.touchedCount; t++) {
            int i = scratch.touched[t];
            Expression e = expressions[i];
            boolean match;
            if (e == null) {
                match = groupsHold(i, scratch);
            } else {
                // an expression needs a hit to be true (TopicExpression refuses the others), so none means no match
                BitSet b = scratch.terms[i];
                match = b != null && e.root().test(term -> {
                    Integer index = e.terms().get(term);
                    return index != null && b.get(index);
                });
            }
            if (match && (filtered[i] == null || filtered[i].admits(site, mediaType))) {
                if (matches == null) {
                    matches = new int[Math.min(scratch.touchedCount, 16)];
                } else if (count == matches.length) {
                    matches = Arrays.copyOf(matches, count * 2);
                }
                matches[count++] = i;
            }
        }
        if (count == 0) {
            return List.of();
        }
        Arrays.sort(matches, 0, count);
        List<MatchedTopic> matched = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            matched.add(topics.get(matches[k]));
        }
        return matched;
    }

    /** Whether every non-empty group of the word-group topic has a hit and no exclude word does. */
    private boolean groupsHold(int topic, Scratch scratch) {
        int base = topic * GROUPS;
        boolean anyGroup = false;
        for (int g = REGION; g <= EVENT; g++) {
            int from = groupStart[base + g];
            int to = groupStart[base + g + 1];
            if (from < to) {
                if (!scratch.anyHit(groupWords, from, to)) {
                    return false;
                }
                anyGroup = true;
            }
        }
        return anyGroup && !scratch.anyHit(groupWords, groupStart[base + EXCLUDE], groupStart[base + EXCLUDE + 1]);
    }

    /**
     * One thread's working state for matching a post, reused from post to post: the post's text as canonical tokens,
     * which keywords it hit (marked with the post's number, so nothing is cleared between posts), and the topics it
     * touched, with the expression terms hit. It receives the scan's hits: a keyword must stand on token boundaries
     * (the run check of the class comment), then it is marked and its anchored topics and terms are touched.
     */
    private static final class Scratch implements KeywordScanner.Hits<Keyword> {
        final TextNormalizer.Tokens text = new TextNormalizer.Tokens(1024);
        byte[] state = new byte[0];
        BitSet[] terms = new BitSet[0];
        int[] hitIn = new int[0];
        int post;
        int[] touched = new int[64];
        int touchedCount;

        Scratch ready(int topicCount, int keywordCount) {
            if (state.length < topicCount) {
                state = new byte[topicCount];
                terms = new BitSet[topicCount];
            }
            if (hitIn.length < keywordCount) {
                hitIn = new int[keywordCount];
            }
            if (++post == Integer.MAX_VALUE) {
                Arrays.fill(hitIn, 0);
                post = 1;
            }
            return this;
        }

        @Override
        public void hit(int begin, int end, Keyword keyword) {
            char[] chars = text.chars();
            if (keyword.wordStart() && begin > 0 && isRunChar(Character.codePointBefore(chars, begin))) {
                return;
            }
            if (keyword.wordEnd() && end < text.length() && isRunChar(Character.codePointAt(chars, end, text.length()))) {
                return;
            }
            if (hitIn[keyword.id()] == post) {
                return;
            }
            hitIn[keyword.id()] = post;
            for (int topic : keyword.anchors()) {
                touch(topic, TOUCHED);
            }
            int[] termUses = keyword.terms();
            for (int k = 0; k < termUses.length; k += 2) {
                int topic = termUses[k];
                touch(topic, HAS_TERMS);
                BitSet b = terms[topic];
                if (b == null) {
                    b = new BitSet();
                    terms[topic] = b;
                }
                b.set(termUses[k + 1]);
            }
        }

        boolean anyHit(int[] keywords, int from, int to) {
            for (int k = from; k < to; k++) {
                if (hitIn[keywords[k]] == post) {
                    return true;
                }
            }
            return false;
        }

        private void touch(int topic, byte mark) {
            byte s = state[topic];
            if (s == 0) {
                if (touchedCount == touched.length) {
                    touched = Arrays.copyOf(touched, touchedCount * 2);
                }
                touched[touchedCount++] = topic;
            }
            state[topic] = (byte) (s | mark);
        }

        void clear() {
            for (int t = 0; t < touchedCount; t++) {
                int topic = touched[t];
                if ((state[topic] & HAS_TERMS) != 0) {
                    terms[topic] = null;
                }
                state[topic] = 0;
            }
            touchedCount = 0;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** A character of a run (not an ideograph): the standard tokenizer keeps runs together as one token. */
    private static boolean isRunChar(int codePoint) {
        return TextNormalizer.isRun(TextNormalizer.classOf(codePoint));
    }

    @Override
    public String toString() {
        return "CompiledTopics[" + topics.size() + " topics]";
    }
}
