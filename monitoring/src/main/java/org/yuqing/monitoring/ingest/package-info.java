/**
 * Post ingest (采集入口): {@code POST /api/monitoring/posts} validates a collected post, matches it
 * against the topics, adds it to incidents and stores it for search.
 */
package org.yuqing.monitoring.ingest;
