package org.yuqing.monitoring.topics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A monitoring topic (监测主题). A post matches it when every non-empty group among region, subject
 * and event words has at least one hit (any word of a group; all non-empty groups) and no exclude
 * word hits. Words are kept as the user typed them (trimmed, de-duplicated); matching normalises them.
 *
 * @param id           the topic's id
 * @param name         its name, e.g. 化工厂事故
 * @param unitId       the unit that owns it and the incidents it opens (属地)
 * @param regionWords  place names (地域词); may be empty
 * @param subjectWords who or what (主体词); may be empty
 * @param eventWords   what happened (事件词); may be empty
 * @param excludeWords words that disqualify a post (排除词); may be empty
 * @param createdBy    login of the user who created it
 * @param createdAt    when it was created
 * @param updatedBy    login of the user who changed it last
 * @param updatedAt    when it was changed last
 */
public record Topic(
        UUID id,
        String name,
        String unitId,
        List<String> regionWords,
        List<String> subjectWords,
        List<String> eventWords,
        List<String> excludeWords,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt) {

    /** Copies the word lists; nothing may be null. */
    public Topic {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unitId, "unitId");
        regionWords = List.copyOf(regionWords);
        subjectWords = List.copyOf(subjectWords);
        eventWords = List.copyOf(eventWords);
        excludeWords = List.copyOf(excludeWords);
    }
}
