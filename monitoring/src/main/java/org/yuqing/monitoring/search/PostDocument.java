package org.yuqing.monitoring.search;

import java.time.Instant;
import java.util.List;
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
        List<UUID> incidentIds) {

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
