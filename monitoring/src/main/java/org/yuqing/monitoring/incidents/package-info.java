/**
 * Incidents (舆情事件): posts that matched a topic, clustered in time and by near-duplicate text (SimHash), with their
 * heat metrics; opening and updating them publishes IncidentDetected and IncidentMetricsChanged through the outbox.
 */
package org.yuqing.monitoring.incidents;
