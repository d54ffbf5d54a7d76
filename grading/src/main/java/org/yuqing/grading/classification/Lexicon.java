package org.yuqing.grading.classification;

import org.yuqing.domain.Category;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The classification lexicon (分类词库): for each category, its words with a weight in (0, 1]. A weight of
 * 1 means the word alone decides the category; smaller weights add up (see {@link Classifier}).
 *
 * @param words words and weights per category; {@code UNCLASSIFIED} has none
 */
public record Lexicon(Map<Category, Map<String, Double>> words) {

    public Lexicon {
        Map<Category, Map<String, Double>> copy = new EnumMap<>(Category.class);
        words.forEach((category, entries) -> {
            if (category == Category.UNCLASSIFIED) {
                throw new IllegalArgumentException("未分类 has no words");
            }
            entries.forEach((word, weight) -> {
                if (word == null || word.isBlank()) {
                    throw new IllegalArgumentException("a word of " + category + " is blank");
                }
                if (weight == null || !(weight > 0 && weight <= 1)) {
                    throw new IllegalArgumentException("weight of " + word + " must be in (0, 1]: " + weight);
                }
            });
            copy.put(category, Map.copyOf(new LinkedHashMap<>(entries)));
        });
        words = Map.copyOf(copy);
    }

    /** The words of {@code category} with their weights; empty when it has none. */
    public Map<String, Double> of(Category category) {
        return words.getOrDefault(category, Map.of());
    }
}
