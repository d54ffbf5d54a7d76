package org.yuqing.monitoring.ingest;

import java.util.List;
import java.util.UUID;

/**
 * The answer to a post submission. Ingest is open to crawlers of every unit, so the answer names only the topics
 * and incidents of the submitter's unit scope (none for a crawler of no unit).
 *
 * @param id              the post's id: the name-based UUID of its URL (or of the URL it was first
 *                        submitted with under the same sourceId and externalId), the same for every submission
 * @param matchedTopicIds the topics of the submitter's units it matched now
 * @param incidentIds     every incident of the submitter's units holding it
 * @param searchable      whether it is in Elasticsearch now; false when Elasticsearch was unavailable: the post is
 *                        stored durably all the same and becomes searchable once Elasticsearch is back (the API then
 *                        answers 202 instead of 201)
 */
public record PostReceipt(UUID id, List<UUID> matchedTopicIds, List<UUID> incidentIds, boolean searchable) {
}
