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
 * <p>Keywords match as substrings of the normalised text, which for Chinese is what an
 * Elasticsearch phrase query on the character-per-token field matches. A keyword that starts (or
 * ends) with a Latin letter or digit must additionally not continue a word in the text ("px" does
 * not match inside "pxi"), because Elasticsearch's standard tokenizer keeps such a run as one token.
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
                isWordChar(word.charAt(0)), isWordChar(word.charAt(word.length() - 1)), list.toArray(Use[]::new))));
        AhoCorasickDoubleArrayTrie<Keyword> automaton = new AhoCorasickDoubleArrayTrie<>();
        automaton.build(keywords);
        return new CompiledTopics(List.copyOf(topics), automaton, required);
    }

    /** Adds a group's words; returns the group's bit if any word remains after normalising, else 0. */
    private static int add(Map<String, List<Use>> uses, int topic, int group, List<String> words) {
        int present = 0;
        for (String word : words) {
            String w = TextNormalizer.normalize(word).strip();
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
            String text = TextNormalizer.normalize(raw);
            if (text.isEmpty()) {
                continue;
            }
            automaton.parseText(text, (AhoCorasickDoubleArrayTrie.IHit<Keyword>) (begin, end, keyword) -> {
                if (keyword.wordStart() && begin > 0 && isWordChar(text.charAt(begin - 1))) {
                    return;
                }
                if (keyword.wordEnd() && end < text.length() && isWordChar(text.charAt(end))) {
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

    /** Letters and digits that are not CJK ideographs: the standard tokenizer keeps runs of them together. */
    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) && !Character.isIdeographic(c)
                && Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN;
    }

    @Override
    public String toString() {
        return "CompiledTopics[" + topics.size() + " topics]";
    }
}
