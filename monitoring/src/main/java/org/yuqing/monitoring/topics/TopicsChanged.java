package org.yuqing.monitoring.topics;

import java.util.UUID;

/**
 * Application event: a topic was created or changed. Published inside the transaction of the
 * change; listen after commit to see the new state.
 *
 * @param topicId the topic
 */
public record TopicsChanged(UUID topicId) {
}
