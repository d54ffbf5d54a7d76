/**
 * Post ingest (采集入口): {@code POST /api/monitoring/posts} (one post), {@code /posts/bulk} (NDJSON) and file imports
 * ({@code /api/monitoring/imports}: JSONL or CSV in UTF-8, GBK or GB18030, taken in in the background) validate
 * collected posts, match them against the topics, add them to incidents, keep their metric history
 * ({@code /posts/{id}/snapshots}) and store them for search. A stored post belongs to the units of the topics it
 * matched: only their users read it.
 */
package org.yuqing.monitoring.ingest;
