package org.yuqing.monitoring.matching;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordScannerTest {

    /** An occurrence as the scanner reports it and as a search with indexOf finds it. */
    private record Occurrence(int begin, int end, String keyword) implements Comparable<Occurrence> {
        @Override
        public int compareTo(Occurrence o) {
            int c = Integer.compare(begin, o.begin);
            c = c != 0 ? c : Integer.compare(end, o.end);
            return c != 0 ? c : keyword.compareTo(o.keyword);
        }
    }

    @Test
    void finds_overlapping_nested_and_one_character_keywords_with_their_offsets() {
        TreeMap<String, String> keywords = new TreeMap<>();
        for (String k : List.of("化工厂", "工厂", "化工", "厂", "爆炸", "化工厂爆炸", "px")) {
            keywords.put(k, k);
        }
        List<Occurrence> found = new ArrayList<>();
        KeywordScanner.of(keywords).scan("某化工厂爆炸px", (b, e, v) -> found.add(new Occurrence(b, e, v)));

        assertThat(new TreeSet<>(found)).containsExactly(
                new Occurrence(1, 3, "化工"), new Occurrence(1, 4, "化工厂"), new Occurrence(1, 6, "化工厂爆炸"),
                new Occurrence(2, 4, "工厂"), new Occurrence(3, 4, "厂"), new Occurrence(4, 6, "爆炸"),
                new Occurrence(6, 8, "px"));
        assertThat(found).hasSize(7);
    }

    @Test
    void a_keyword_running_past_the_end_of_the_text_is_not_found() {
        TreeMap<String, String> keywords = new TreeMap<>();
        keywords.put("化工厂", "k");
        List<Occurrence> found = new ArrayList<>();
        KeywordScanner.of(keywords).scan("某化工", (b, e, v) -> found.add(new Occurrence(b, e, v)));
        assertThat(found).isEmpty();
    }

    @Test
    void reports_exactly_the_occurrences_a_search_with_index_of_finds_on_random_keywords_and_texts() {
        SplittableRandom r = new SplittableRandom(7);
        // a small alphabet with a supplementary character, so that keywords overlap and share prefixes often
        String[] alphabet = {"化", "工", "厂", "爆", "炸", "a", "b", " ", "𠀀"};
        for (int round = 0; round < 300; round++) {
            TreeMap<String, String> keywords = new TreeMap<>();
            int count = 1 + r.nextInt(40);
            for (int k = 0; k < count; k++) {
                String w = random(r, alphabet, 1 + r.nextInt(5));
                keywords.put(w, w);
            }
            String text = random(r, alphabet, r.nextInt(120));
            List<Occurrence> found = new ArrayList<>();
            KeywordScanner.of(keywords).scan(text, (b, e, v) -> found.add(new Occurrence(b, e, v)));

            TreeSet<Occurrence> expected = new TreeSet<>();
            for (String k : keywords.keySet()) {
                for (int at = text.indexOf(k); at >= 0; at = text.indexOf(k, at + 1)) {
                    expected.add(new Occurrence(at, at + k.length(), k));
                }
            }
            assertThat(new TreeSet<>(found)).as("keywords %s in %s", keywords.keySet(), text).isEqualTo(expected);
            assertThat(found).as("each occurrence once").hasSize(expected.size());
        }
    }

    private static String random(SplittableRandom r, String[] alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet[r.nextInt(alphabet.length)]);
        }
        return b.toString();
    }
}
