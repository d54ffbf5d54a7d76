package org.yuqing.monitoring.ingest;

import java.time.Instant;

/**
 * A post's engagement figures as one submission reported them (传播数据快照), returned by
 * {@code GET /api/monitoring/posts/{id}/snapshots}.
 *
 * @param at       when the submission was taken in (UTC)
 * @param reads    reads or clicks, ≥ 0
 * @param comments comments or replies, ≥ 0
 * @param reposts  reposts, ≥ 0
 * @param likes    likes, ≥ 0
 */
public record MetricSnapshot(Instant at, long reads, long comments, long reposts, long likes) {
}
