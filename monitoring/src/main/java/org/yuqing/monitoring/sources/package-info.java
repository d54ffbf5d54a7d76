/**
 * Sources (信息源) and the feed poller: RSS 2.0 / Atom feeds registered under
 * {@code /api/monitoring/sources}, polled on schedule with conditional GET, each entry ingested as a post.
 */
package org.yuqing.monitoring.sources;
