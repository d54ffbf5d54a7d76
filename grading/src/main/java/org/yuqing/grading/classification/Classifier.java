package org.yuqing.grading.classification;

import org.yuqing.domain.Category;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Classifies a text by a {@link Lexicon}. Pure and deterministic.
 *
 * <p>The rules: a word counts when it occurs in the text, unless a longer matched word contains it
 * (实名举报 counts once, not also as 举报). A category's strength is the noisy-or of its words'
 * weights, {@code 1 − Π(1 − w)}, so one decisive word gives 1 and weak words add up without passing 1.
 * The best category is the strongest; on a tie the one needing the stronger response wins (fabrication
 * first, then hype, tip-off, valid criticism, inquiry, constructive). The confidence is the best
 * strength times its share of all strengths, so a text that also reads as another category is less
 * certain. Below the threshold the answer is {@code UNCLASSIFIED}, still with the confidence and words.
 */
public final class Classifier {

    /** Tie order: the category that needs the stronger response first. */
    private static final List<Category> PRIORITY = List.of(Category.FABRICATION, Category.HYPE, Category.TIP_OFF,
            Category.VALID_CRITICISM, Category.INQUIRY, Category.CONSTRUCTIVE);

    private final Lexicon lexicon;
    private final double threshold;

    /**
     * @param lexicon   the words to classify by
     * @param threshold the confidence, 0..1, a category needs to be given
     */
    public Classifier(Lexicon lexicon, double threshold) {
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be within 0..1: " + threshold);
        }
        this.lexicon = lexicon;
        this.threshold = threshold;
    }

    /** The classification of {@code text}; {@link Classification#NONE} for a {@code null} or blank text. */
    public Classification classify(String text) {
        if (text == null || text.isBlank()) {
            return Classification.NONE;
        }
        List<String> allMatched = new ArrayList<>();
        for (Category category : PRIORITY) {
            lexicon.of(category).keySet().stream().filter(text::contains).forEach(allMatched::add);
        }
        Map<Category, List<String>> matched = new EnumMap<>(Category.class);
        Map<Category, Double> strength = new EnumMap<>(Category.class);
        for (Category category : PRIORITY) {
            Map<String, Double> words = lexicon.of(category);
            List<String> found = words.keySet().stream()
                    .filter(text::contains)
                    .filter(w -> allMatched.stream().noneMatch(o -> o.length() > w.length() && o.contains(w)))
                    .sorted(Comparator.comparing((String w) -> -words.get(w)).thenComparing(Comparator.naturalOrder()))
                    .toList();
            if (!found.isEmpty()) {
                double miss = 1;
                for (String w : found) {
                    miss *= 1 - words.get(w);
                }
                matched.put(category, found);
                strength.put(category, 1 - miss);
            }
        }
        if (strength.isEmpty()) {
            return Classification.NONE;
        }
        Category best = null;
        for (Category category : PRIORITY) {
            if (strength.containsKey(category) && (best == null || strength.get(category) > strength.get(best))) {
                best = category;
            }
        }
        double total = strength.values().stream().mapToDouble(Double::doubleValue).sum();
        double confidence = Math.round(strength.get(best) * strength.get(best) / total * 1000) / 1000.0;
        return new Classification(confidence >= threshold ? best : Category.UNCLASSIFIED, confidence,
                matched.get(best));
    }
}
