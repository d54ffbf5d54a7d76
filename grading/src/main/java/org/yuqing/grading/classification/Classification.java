package org.yuqing.grading.classification;

import org.yuqing.domain.Category;

import java.util.List;
import java.util.Objects;

/**
 * What the classifier decided about a text.
 *
 * @param category      the category, {@code UNCLASSIFIED} when no category reached the threshold
 * @param confidence    how sure the classifier is of the best category, 0..1 (also given when it stayed
 *                      below the threshold, so an analyst sees how close it was)
 * @param decidingWords the lexicon words of the best category found in the text, heaviest first; empty
 *                      when no word matched
 */
public record Classification(Category category, double confidence, List<String> decidingWords) {

    /** Nothing to classify: no text, or no word of any category in it. */
    public static final Classification NONE = new Classification(Category.UNCLASSIFIED, 0, List.of());

    public Classification {
        Objects.requireNonNull(category, "category");
        decidingWords = List.copyOf(decidingWords);
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
    }
}
