package org.yuqing.grading.engine;

import org.yuqing.domain.Category;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A first, thin classification (分类) by words in the title, from a small built-in lexicon. The
 * first category in the order below whose word occurs wins: fabrication needs the strongest
 * response (clarify, take down, refer), so it is looked for first. Pure and deterministic.
 */
public final class Classifier {

    private static final Map<Category, List<String>> LEXICON = lexicon();

    private Classifier() {
    }

    /** The category of an incident titled {@code title}; {@code UNCLASSIFIED} when none applies or no title. */
    public static Category classify(String title) {
        if (title == null || title.isBlank()) {
            return Category.UNCLASSIFIED;
        }
        for (Map.Entry<Category, List<String>> entry : LEXICON.entrySet()) {
            if (entry.getValue().stream().anyMatch(title::contains)) {
                return entry.getKey();
            }
        }
        return Category.UNCLASSIFIED;
    }

    private static Map<Category, List<String>> lexicon() {
        Map<Category, List<String>> words = new LinkedHashMap<>();
        words.put(Category.FABRICATION, List.of("谣言", "造谣", "不实", "捏造"));
        words.put(Category.INQUIRY, List.of("询问", "质疑", "诉求", "咨询"));
        words.put(Category.CONSTRUCTIVE, List.of("建议"));
        return words;
    }
}
