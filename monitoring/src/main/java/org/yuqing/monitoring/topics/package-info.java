/**
 * Monitoring topics (监测主题): named keyword groups of a unit that incoming posts are matched
 * against, with their HTTP API under {@code /api/monitoring/topics}; each user sees those of their unit scope.
 */
package org.yuqing.monitoring.topics;
