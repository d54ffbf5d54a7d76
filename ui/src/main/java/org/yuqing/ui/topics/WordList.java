package org.yuqing.ui.topics;

import java.util.Arrays;
import java.util.List;

/**
 * The words of one group as the editor shows them: typed separated by commas (half or full width), 、, semicolons,
 * blanks or line breaks, shown joined by 、.
 */
final class WordList {

    private static final String SEPARATORS = "[,，、;；\\s\\u3000]+";

    private WordList() {
    }

    /**
     * The words typed into a field, in order, without blanks and duplicates.
     *
     * @param typed the field's text, may be {@code null}
     * @return the words
     */
    static List<String> parse(String typed) {
        if (typed == null) {
            return List.of();
        }
        return Arrays.stream(typed.split(SEPARATORS)).map(String::strip).filter(w -> !w.isEmpty()).distinct()
                .toList();
    }

    /**
     * The words as the field shows them.
     *
     * @param words a group's words
     * @return them joined by 、
     */
    static String format(List<String> words) {
        return String.join("、", words);
    }
}
