/**
 * Post ingest (采集入口): {@code POST /api/monitoring/posts} (one post) and {@code /posts/bulk} (NDJSON)
 * validate collected posts, match them against the topics, add them to incidents, keep their metric
 * history ({@code /posts/{id}/snapshots}) and store them for search.
 */
package org.yuqing.monitoring.ingest;
