/**
 * Monitoring topics (监测主题): named keyword groups or advanced boolean expressions of a unit, with optional site and
 * media-type filters, that incoming posts are matched against, with their HTTP API under
 * {@code /api/monitoring/topics}; each user sees those of their unit scope.
 */
package org.yuqing.monitoring.topics;
