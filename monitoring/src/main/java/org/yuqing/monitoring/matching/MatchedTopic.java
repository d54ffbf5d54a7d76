package org.yuqing.monitoring.matching;

import java.util.Objects;
import java.util.UUID;

/**
 * A topic a post matched.
 *
 * @param topicId the topic
 * @param unitId  the unit that owns the topic (属地), as of the matcher's last rebuild
 */
public record MatchedTopic(UUID topicId, String unitId) {

    public MatchedTopic {
        Objects.requireNonNull(topicId, "topicId");
        Objects.requireNonNull(unitId, "unitId");
    }
}
