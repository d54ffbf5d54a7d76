/**
 * Real-time topic matching (实时匹配): every topic's keywords compiled into one Aho–Corasick
 * automaton that each incoming post is run through once, rebuilt and swapped when topics change.
 */
package org.yuqing.monitoring.matching;
