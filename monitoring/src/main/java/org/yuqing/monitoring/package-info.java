/**
 * Collects public posts, matches them against topics in real time, clusters them into incidents and tracks their heat.
 */
package org.yuqing.monitoring;
