package org.yuqing.monitoring.ingest;

import java.time.Instant;

/**
 * A collected post as submitted to {@code POST /api/monitoring/posts}.
 *
 * @param sourceId    the source it was collected from, optional
 * @param externalId  its id at the source, optional
 * @param url         where it is published; required, absolute http(s) URL; identifies the post
 * @param site        the site's domain, e.g. {@code www.thepaper.cn}; required
 * @param mediaType   NEWS, FORUM, WEIBO, WECHAT, VIDEO, GOVERNMENT or OTHER; OTHER when absent
 * @param author      author or account, optional
 * @param title       title, optional
 * @param text        full text; required
 * @param publishedAt publication time, ISO-8601 instant; required
 * @param metrics     engagement figures, optional (absent figures count as 0)
 */
public record PostSubmission(
        String sourceId,
        String externalId,
        String url,
        String site,
        String mediaType,
        String author,
        String title,
        String text,
        Instant publishedAt,
        Metrics metrics) {

    /**
     * Engagement at collection, each ≥ 0 when present.
     *
     * @param reads    reads or clicks (阅读/点击)
     * @param comments comments or replies (评论/回复)
     * @param reposts  reposts (转发)
     * @param likes    likes (点赞)
     */
    public record Metrics(Long reads, Long comments, Long reposts, Long likes) {
    }
}
