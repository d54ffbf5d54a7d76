package org.yuqing.monitoring.topics;

import org.yuqing.monitoring.web.InvalidRequestException;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a user submits to create or change a topic ({@code POST /api/monitoring/topics},
 * {@code PUT /api/monitoring/topics/{id}}). Absent word lists count as empty.
 *
 * @param name         required
 * @param unitId       required: the owning unit, within the caller's unit scope
 * @param regionWords  地域词
 * @param subjectWords 主体词
 * @param eventWords   事件词
 * @param excludeWords 排除词
 */
public record TopicDraft(
        String name,
        String unitId,
        List<String> regionWords,
        List<String> subjectWords,
        List<String> eventWords,
        List<String> excludeWords) {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_WORD_LENGTH = 100;
    static final int MAX_WORDS_PER_GROUP = 500;

    /**
     * The draft with names trimmed and word lists trimmed, without blanks and duplicates.
     *
     * @throws InvalidRequestException when name or unitId is missing, no region, subject or event
     *                                 word remains, or a limit is exceeded
     */
    public TopicDraft validated() {
        Map<String, String> errors = new LinkedHashMap<>();
        String n = name == null ? "" : name.strip();
        String u = unitId == null ? "" : unitId.strip();
        if (n.isEmpty()) {
            errors.put("name", "is required");
        } else if (n.length() > MAX_NAME_LENGTH) {
            errors.put("name", "is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (u.isEmpty()) {
            errors.put("unitId", "is required");
        }
        List<String> region = clean("regionWords", regionWords, errors);
        List<String> subject = clean("subjectWords", subjectWords, errors);
        List<String> event = clean("eventWords", eventWords, errors);
        List<String> exclude = clean("excludeWords", excludeWords, errors);
        if (region.isEmpty() && subject.isEmpty() && event.isEmpty()) {
            errors.put("regionWords/subjectWords/eventWords", "at least one region, subject or event word is required");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new TopicDraft(n, u, region, subject, event, exclude);
    }

    private static List<String> clean(String field, List<String> words, Map<String, String> errors) {
        if (words == null) {
            return List.of();
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String word : words) {
            String w = word == null ? "" : word.strip();
            if (w.length() > MAX_WORD_LENGTH) {
                errors.put(field, "has a word longer than " + MAX_WORD_LENGTH + " characters");
            } else if (!w.isEmpty()) {
                kept.add(w);
            }
        }
        if (kept.size() > MAX_WORDS_PER_GROUP) {
            errors.put(field, "has more than " + MAX_WORDS_PER_GROUP + " words");
        }
        return List.copyOf(kept);
    }
}
