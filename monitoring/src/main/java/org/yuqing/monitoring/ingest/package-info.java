/**
 * Post ingest (采集入口): {@code POST /api/monitoring/posts} (one post) and {@code /posts/bulk} (NDJSON)
 * validate collected posts, match them against the topics, add them to incidents, keep their metric
 * history ({@code /posts/{id}/snapshots}) and store them for search. A stored post belongs to the units of the topics
 * it matched: only their users read it.
 */
package org.yuqing.monitoring.ingest;
