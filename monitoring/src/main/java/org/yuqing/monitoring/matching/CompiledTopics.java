package org.yuqing.monitoring.matching;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import org.yuqing.monitoring.topics.Topic;

import java.util.ArrayList;
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
 *   <li>a topic matches when every non-empty group (region, subject, event) has a hit and no
 *       exclude word hits; a keyword whose token string is empty is ignored, and a topic without
 *       any remaining group word matches nothing.</li>
 * </ol>
 * Substring matching on this canonical form is phrase matching on the standard tokenizer's tokens:
 * a Han character is a token, a run is a token, and a phrase must start and end on token
 * boundaries — hence the run check.
 */
final class CompiledTopics {

    static final CompiledTopics EMPTY = new CompiledTopics(List.of(), null, new int[0]);

    private static final int REGION = 1;
    private static final int SUBJECT = 1 << 1;
    private static final int EVENT = 1 << 2;
    private static final int EXCLUDE = 1 << 3;

    /** One keyword's place in one topic. */
    private record Use(int topic, int group) {
    }

    /** A keyword with every topic group that uses it. */
    private record Keyword(boolean wordStart, boolean wordEnd, Use[] uses) {
    }

    private final List<MatchedTopic> topics;
    private final AhoCorasickDoubleArrayTrie<Keyword> automaton;
    /** Per topic, the groups (bit set) that must each have a hit. */
    private final int[] required;

    private CompiledTopics(List<MatchedTopic> topics, AhoCorasickDoubleArrayTrie<Keyword> automaton, int[] required) {
        this.topics = topics;
        this.automaton = automaton;
        this.required = required;
    }

    static CompiledTopics compile(List<Topic> all) {
        Map<String, List<Use>> uses = new TreeMap<>();
        List<MatchedTopic> topics = new ArrayList<>();
        int[] required = new int[all.size()];
        for (int i = 0; i < all.size(); i++) {
            Topic t = all.get(i);
            topics.add(new MatchedTopic(t.id(), t.unitId()));
            required[i] = add(uses, i, REGION, t.regionWords())
                    | add(uses, i, SUBJECT, t.subjectWords())
                    | add(uses, i, EVENT, t.eventWords());
            add(uses, i, EXCLUDE, t.excludeWords());
        }
        if (uses.isEmpty()) {
            return EMPTY;
        }
        Map<String, Keyword> keywords = new TreeMap<>();
        uses.forEach((word, list) -> keywords.put(word, new Keyword(
                isRunChar(word.codePointAt(0)), isRunChar(word.codePointBefore(word.length())), list.toArray(Use[]::new))));
        AhoCorasickDoubleArrayTrie<Keyword> automaton = new AhoCorasickDoubleArrayTrie<>();
        automaton.build(keywords);
        return new CompiledTopics(List.copyOf(topics), automaton, required);
    }

    /** Adds a group's words; returns the group's bit if any word remains after normalising, else 0. */
    private static int add(Map<String, List<Use>> uses, int topic, int group, List<String> words) {
        int present = 0;
        for (String word : words) {
            String w = TextNormalizer.matchText(word);
            if (!w.isEmpty()) {
                uses.computeIfAbsent(w, k -> new ArrayList<>()).add(new Use(topic, group));
                present = group;
            }
        }
        return present;
    }

    int size() {
        return topics.size();
    }

    /**
     * The topics whose rule the texts satisfy, in topic order. Each text is matched on its own (a
     * keyword never spans two of them); hits of all texts count together.
     */
    List<MatchedTopic> match(String... texts) {
        if (automaton == null) {
            return List.of();
        }
        int[] hits = new int[topics.size()];
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
                    hits[use.topic()] |= use.group();
                }
            });
        }
        List<MatchedTopic> matched = new ArrayList<>();
        for (int i = 0; i < hits.length; i++) {
            int h = hits[i];
            if (h != 0 && (h & EXCLUDE) == 0 && (h & required[i]) == required[i] && required[i] != 0) {
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
