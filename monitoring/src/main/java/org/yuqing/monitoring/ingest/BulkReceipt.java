package org.yuqing.monitoring.ingest;

import java.util.List;

/**
 * The answer to {@code POST /api/monitoring/posts/bulk}.
 *
 * @param accepted how many lines were taken in
 * @param rejected how many lines were rejected
 * @param lines    one result per non-blank line, in body order
 */
public record BulkReceipt(int accepted, int rejected, List<BulkLineResult> lines) {
}
