/**
 * Real-time topic matching (实时匹配): every topic's keywords compiled into one keyword dictionary that each
 * incoming post is scanned with once, rebuilt and swapped when topics change.
 */
package org.yuqing.monitoring.matching;
