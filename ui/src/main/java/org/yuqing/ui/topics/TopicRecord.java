package org.yuqing.ui.topics;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A topic (监测主题) as {@code GET /api/monitoring/topics} lists it. A post matches it when every non-empty group
 * among region, subject and event words has a hit and no exclude word hits, or — for an expression topic — when its
 * advanced expression is true; and its site and media type pass the topic's filters; a disabled topic matches
 * nothing.
 *
 * @param id           topic id
 * @param name         its name, e.g. 化工厂事故
 * @param unitId       the owning unit (属地)
 * @param regionWords  地域词
 * @param subjectWords 主体词
 * @param eventWords   事件词
 * @param excludeWords 排除词
 * @param expression   高级表达式, {@code null} for a word-group topic
 * @param sites        站点过滤, empty for any site
 * @param mediaTypes   媒体类型过滤, empty for any
 * @param enabled      启用 ({@code null}, from an older monitoring, counts as enabled)
 * @param createdBy    who created it
 * @param createdAt    when
 * @param updatedBy    who changed it last
 * @param updatedAt    when
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TopicRecord(String id, String name, String unitId, List<String> regionWords, List<String> subjectWords,
                          List<String> eventWords, List<String> excludeWords, String expression, List<String> sites,
                          List<String> mediaTypes, Boolean enabled, String createdBy, Instant createdAt,
                          String updatedBy, Instant updatedAt) {

    /** Normalises missing word lists to empty ones. */
    public TopicRecord {
        regionWords = regionWords == null ? List.of() : List.copyOf(regionWords);
        subjectWords = subjectWords == null ? List.of() : List.copyOf(subjectWords);
        eventWords = eventWords == null ? List.of() : List.copyOf(eventWords);
        excludeWords = excludeWords == null ? List.of() : List.copyOf(excludeWords);
        sites = sites == null ? List.of() : List.copyOf(sites);
        mediaTypes = mediaTypes == null ? List.of() : List.copyOf(mediaTypes);
        enabled = enabled == null || enabled;
    }

    /** @return whether the topic is an advanced expression rather than word groups */
    boolean isExpression() {
        return expression != null && !expression.isBlank();
    }

    /** @return the topic's words as a draft, e.g. to edit them */
    TopicDraft draft() {
        return new TopicDraft(name, unitId, regionWords, subjectWords, eventWords, excludeWords, expression, sites,
                mediaTypes, enabled);
    }
}
