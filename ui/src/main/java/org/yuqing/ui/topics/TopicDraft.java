package org.yuqing.ui.topics;

import java.util.List;

/**
 * A topic as sent to {@code POST /api/monitoring/topics} and {@code PUT /api/monitoring/topics/{id}}; monitoring
 * trims the words, drops blanks and duplicates and explains what it refuses.
 *
 * @param name         the topic's name
 * @param unitId       the owning unit, within the user's unit scope
 * @param regionWords  地域词
 * @param subjectWords 主体词
 * @param eventWords   事件词
 * @param excludeWords 排除词
 */
public record TopicDraft(String name, String unitId, List<String> regionWords, List<String> subjectWords,
                         List<String> eventWords, List<String> excludeWords) {

    /** Copies the word lists; missing ones are empty. */
    public TopicDraft {
        regionWords = regionWords == null ? List.of() : List.copyOf(regionWords);
        subjectWords = subjectWords == null ? List.of() : List.copyOf(subjectWords);
        eventWords = eventWords == null ? List.of() : List.copyOf(eventWords);
        excludeWords = excludeWords == null ? List.of() : List.copyOf(excludeWords);
    }

    /** @return whether no region, subject or event word is given, so nothing could match */
    boolean hasNoMatchWords() {
        return regionWords.isEmpty() && subjectWords.isEmpty() && eventWords.isEmpty();
    }
}
