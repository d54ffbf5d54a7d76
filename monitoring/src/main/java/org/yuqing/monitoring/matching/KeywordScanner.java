package org.yuqing.monitoring.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Finds every occurrence of every keyword in a text in one left-to-right pass: a dictionary of all keywords indexed by
 * their first two characters.
 *
 * <p>At each position of the text the two characters there are looked up in an open-addressing hash table of the
 * keywords' first-character pairs (a few thousand entries for tens of thousands of keywords, small enough to stay in
 * the processor's cache); only the keywords that begin with that pair are compared, character by character, with the
 * text that follows. One-character keywords are kept apart and found through a bit per character. Each occurrence is
 * reported with its begin and end offsets, overlapping and nested occurrences included — the same set of
 * occurrences an Aho–Corasick automaton over the same keywords reports.
 *
 * <p>Why not an Aho–Corasick automaton: a post is scanned once per topic set, and with 10,000 topics the automaton's
 * transition tables are megabytes large, so nearly every character of a post costs a cache miss in them; here a
 * position costs one hash probe in a table a tenth of that size and a comparison only when a keyword really begins
 * with the pair. Matching a 1,100-character post against 24,000 distinct keywords takes a few microseconds either way,
 * without the automaton's tables and failure links to build.
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param <V> what each keyword is reported with
 */
final class KeywordScanner<V> {

    /** Receives the occurrences a scan finds. */
    @FunctionalInterface
    interface Hits<V> {

        /**
         * @param begin the occurrence's first character
         * @param end   the character after its last
         * @param value the keyword's value
         */
        void hit(int begin, int end, V value);
    }

    private static final int EMPTY = 0;

    /** Per slot: the pair (first char in the high 16 bits, second in the low) in the high 32 bits, 1 + first keyword. */
    private final long[] slots;
    private final int shift;
    private final int mask;
    /** Keywords of two or more characters, sorted, so those sharing a first pair are neighbours. */
    private final char[][] words;
    private final V[] values;
    /** For the first keyword of each pair, the index after the last keyword of that pair. */
    private final int[] ends;
    /** One bit per character that is a one-character keyword. */
    private final long[] singleBits;
    private final char[] singles;
    private final V[] singleValues;

    private KeywordScanner(long[] slots, char[][] words, V[] values, int[] ends, long[] singleBits, char[] singles,
                           V[] singleValues) {
        this.slots = slots;
        this.shift = 32 - Integer.numberOfTrailingZeros(slots.length);
        this.mask = slots.length - 1;
        this.words = words;
        this.values = values;
        this.ends = ends;
        this.singleBits = singleBits;
        this.singles = singles;
        this.singleValues = singleValues;
    }

    /**
     * Indexes the keywords.
     *
     * @param keywords the non-empty keywords with their values, sorted by {@link String#compareTo}
     */
    @SuppressWarnings("unchecked")
    static <V> KeywordScanner<V> of(SortedMap<String, V> keywords) {
        List<Map.Entry<String, V>> multi = new ArrayList<>();
        List<Map.Entry<String, V>> single = new ArrayList<>();
        for (Map.Entry<String, V> e : keywords.entrySet()) {
            if (e.getKey().isEmpty()) {
                throw new IllegalArgumentException("a keyword must not be empty");
            }
            (e.getKey().length() == 1 ? single : multi).add(e);
        }
        char[][] words = new char[multi.size()][];
        V[] values = (V[]) new Object[multi.size()];
        int pairs = 0;
        for (int i = 0; i < multi.size(); i++) {
            words[i] = multi.get(i).getKey().toCharArray();
            values[i] = multi.get(i).getValue();
            if (i == 0 || pair(words[i]) != pair(words[i - 1])) {
                pairs++;
            }
        }
        // at most a quarter full: probes rarely go past the first slot
        long[] slots = new long[Math.max(16, Integer.highestOneBit(Math.max(1, pairs) * 4 - 1) << 1)];
        int shift = 32 - Integer.numberOfTrailingZeros(slots.length);
        int[] ends = new int[words.length];
        for (int first = 0; first < words.length; ) {
            int pair = pair(words[first]);
            int end = first + 1;
            while (end < words.length && pair(words[end]) == pair) {
                end++;
            }
            ends[first] = end;
            int slot = hash(pair, shift);
            while (slots[slot] != EMPTY) {
                slot = (slot + 1) & (slots.length - 1);
            }
            slots[slot] = ((long) pair << 32) | (first + 1L);
            first = end;
        }
        long[] singleBits = new long[(Character.MAX_VALUE + 1) / 64];
        char[] singles = new char[single.size()];
        V[] singleValues = (V[]) new Object[single.size()];
        for (int i = 0; i < single.size(); i++) {
            char c = single.get(i).getKey().charAt(0);
            singles[i] = c;
            singleValues[i] = single.get(i).getValue();
            singleBits[c >>> 6] |= 1L << c;
        }
        return new KeywordScanner<>(slots, words, values, ends, singleBits, singles, singleValues);
    }

    private static int pair(char[] word) {
        return (word[0] << 16) | word[1];
    }

    private static int hash(int pair, int shift) {
        return (pair * 0x9E3779B9) >>> shift;
    }

    /**
     * Reports every occurrence of every keyword in {@code text[0, length)}.
     */
    void scan(char[] text, int length, Hits<V> hits) {
        boolean anySingle = singles.length > 0;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            if (anySingle && (singleBits[c >>> 6] & (1L << c)) != 0) {
                hits.hit(i, i + 1, singleValues[Arrays.binarySearch(singles, c)]);
            }
            if (i + 1 == length) {
                break;
            }
            int pair = (c << 16) | text[i + 1];
            int slot = hash(pair, shift);
            long entry;
            while ((entry = slots[slot]) != EMPTY) {
                if ((int) (entry >>> 32) == pair) {
                    int first = (int) entry - 1;
                    for (int k = first, end = ends[first]; k < end; k++) {
                        char[] word = words[k];
                        int wordEnd = i + word.length;
                        if (wordEnd <= length && Arrays.equals(text, i + 2, wordEnd, word, 2, word.length)) {
                            hits.hit(i, wordEnd, values[k]);
                        }
                    }
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
    }

    /** Reports every occurrence of every keyword in the text. */
    void scan(String text, Hits<V> hits) {
        scan(text.toCharArray(), text.length(), hits);
    }
}
