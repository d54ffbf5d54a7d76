package org.yuqing.monitoring.ingest;

import java.util.List;

/**
 * The answer to {@code POST /api/monitoring/posts/bulk}.
 *
 * @param accepted   how many lines were taken in
 * @param rejected   how many lines were rejected
 * @param lines      one result per non-blank line, in body order
 * @param searchable whether every accepted post is in Elasticsearch now (searchable at its next refresh, within a
 *                   second, or already with {@code ?refresh=wait_for}); false when Elasticsearch was unavailable: the
 *                   accepted posts are stored durably all the same and become searchable once it is back
 */
public record BulkReceipt(int accepted, int rejected, List<BulkLineResult> lines, boolean searchable) {
}
