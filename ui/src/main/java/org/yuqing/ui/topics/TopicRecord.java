package org.yuqing.ui.topics;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A topic (监测主题) as {@code GET /api/monitoring/topics} lists it. A post matches it when every non-empty group
 * among region, subject and event words has a hit and no exclude word hits.
 *
 * @param id           topic id
 * @param name         its name, e.g. 化工厂事故
 * @param unitId       the owning unit (属地)
 * @param regionWords  地域词
 * @param subjectWords 主体词
 * @param eventWords   事件词
 * @param excludeWords 排除词
 * @param createdBy    who created it
 * @param createdAt    when
 * @param updatedBy    who changed it last
 * @param updatedAt    when
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TopicRecord(String id, String name, String unitId, List<String> regionWords, List<String> subjectWords,
                          List<String> eventWords, List<String> excludeWords, String createdBy, Instant createdAt,
                          String updatedBy, Instant updatedAt) {

    /** Normalises missing word lists to empty ones. */
    public TopicRecord {
        regionWords = regionWords == null ? List.of() : List.copyOf(regionWords);
        subjectWords = subjectWords == null ? List.of() : List.copyOf(subjectWords);
        eventWords = eventWords == null ? List.of() : List.copyOf(eventWords);
        excludeWords = excludeWords == null ? List.of() : List.copyOf(excludeWords);
    }

    /** @return the topic's words as a draft, e.g. to edit them */
    TopicDraft draft() {
        return new TopicDraft(name, unitId, regionWords, subjectWords, eventWords, excludeWords);
    }
}
