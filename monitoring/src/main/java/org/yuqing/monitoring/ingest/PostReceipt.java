package org.yuqing.monitoring.ingest;

import java.util.List;
import java.util.UUID;

/**
 * The answer to a post submission.
 *
 * @param id              the post's id: the name-based UUID of its URL (or of the URL it was first
 *                        submitted with under the same sourceId and externalId), the same for every submission
 * @param matchedTopicIds the topics it matched now
 * @param incidentIds     every incident holding it
 */
public record PostReceipt(UUID id, List<UUID> matchedTopicIds, List<UUID> incidentIds) {
}
