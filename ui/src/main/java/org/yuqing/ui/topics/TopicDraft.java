package org.yuqing.ui.topics;

import java.util.List;

/**
 * A topic as sent to {@code POST /api/monitoring/topics}, {@code PUT /api/monitoring/topics/{id}} and
 * {@code POST /api/monitoring/topics/test}: either word groups or an advanced expression (the other left empty),
 * optional site and media-type filters and the enabled flag; monitoring trims the words, drops blanks and duplicates
 * and explains what it refuses.
 *
 * @param name         the topic's name
 * @param unitId       the owning unit, within the user's unit scope
 * @param regionWords  地域词
 * @param subjectWords 主体词
 * @param eventWords   事件词
 * @param excludeWords 排除词
 * @param expression   高级表达式, or {@code null} for a word-group topic
 * @param sites        站点过滤 (domains); empty: any site
 * @param mediaTypes   媒体类型过滤 (NEWS, WEIBO, …); empty: any
 * @param enabled      启用
 */
public record TopicDraft(String name, String unitId, List<String> regionWords, List<String> subjectWords,
                         List<String> eventWords, List<String> excludeWords, String expression, List<String> sites,
                         List<String> mediaTypes, boolean enabled) {

    /** Copies the lists; missing ones are empty. */
    public TopicDraft {
        regionWords = regionWords == null ? List.of() : List.copyOf(regionWords);
        subjectWords = subjectWords == null ? List.of() : List.copyOf(subjectWords);
        eventWords = eventWords == null ? List.of() : List.copyOf(eventWords);
        excludeWords = excludeWords == null ? List.of() : List.copyOf(excludeWords);
        sites = sites == null ? List.of() : List.copyOf(sites);
        mediaTypes = mediaTypes == null ? List.of() : List.copyOf(mediaTypes);
    }

    /** @return whether there is nothing that could match: no region, subject or event word and no expression */
    boolean hasNoMatchWords() {
        return regionWords.isEmpty() && subjectWords.isEmpty() && eventWords.isEmpty()
                && (expression == null || expression.isBlank());
    }
}
