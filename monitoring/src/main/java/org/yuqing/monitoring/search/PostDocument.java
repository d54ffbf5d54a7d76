package org.yuqing.monitoring.search;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A post as stored in Elasticsearch and returned by {@code GET /api/monitoring/posts/{id}}.
 *
 * @param id          name-based UUID of its URL
 * @param sourceId    the source it was collected from, if known
 * @param externalId  its id at the source, if known
 * @param url         where it is published
 * @param site        the site's domain
 * @param mediaType   NEWS, FORUM, WEIBO, WECHAT, VIDEO, GOVERNMENT or OTHER
 * @param author      author or account name, if known
 * @param title       title, may be empty
 * @param text        full text
 * @param publishedAt when it was published (UTC)
 * @param collectedAt when it was last submitted here (UTC)
 * @param metrics     engagement at the last submission
 * @param topicIds    topics it matched at the last submission
 * @param incidentIds incidents holding it
 * @param unitIds     the owning units of the topics and incidents it belongs to, cumulative over its submissions:
 *                    only users of these units (and of units above them) find it; empty when it matched no topic,
 *                    and then nobody finds it
 */
public record PostDocument(
        UUID id,
        String sourceId,
        String externalId,
        String url,
        String site,
        String mediaType,
        String author,
        String title,
        String text,
        Instant publishedAt,
        Instant collectedAt,
        Metrics metrics,
        List<UUID> topicIds,
        List<UUID> incidentIds,
        List<String> unitIds) {

    /** Copies the lists; absent lists (documents stored before a field existed) are empty. */
    public PostDocument {
        topicIds = topicIds == null ? List.of() : List.copyOf(topicIds);
        incidentIds = incidentIds == null ? List.of() : List.copyOf(incidentIds);
        unitIds = unitIds == null ? List.of() : List.copyOf(unitIds);
    }

    /**
     * The post as a caller may see it: only the topics, incidents and units they may see.
     *
     * @param visibleTopics    the topic ids the caller may see
     * @param visibleIncidents the incident ids the caller may see
     * @param unitScope        the caller's unit scope
     * @return a copy with the lists narrowed
     */
    public PostDocument narrowedTo(Set<UUID> visibleTopics, Set<UUID> visibleIncidents, Set<String> unitScope) {
        return new PostDocument(id, sourceId, externalId, url, site, mediaType, author, title, text, publishedAt,
                collectedAt, metrics, topicIds.stream().filter(visibleTopics::contains).toList(),
                incidentIds.stream().filter(visibleIncidents::contains).toList(),
                unitIds.stream().filter(unitScope::contains).toList());
    }

    /**
     * Engagement figures, each ≥ 0.
     *
     * @param reads    reads or clicks
     * @param comments comments or replies
     * @param reposts  reposts
     * @param likes    likes
     */
    public record Metrics(long reads, long comments, long reposts, long likes) {
    }
}
