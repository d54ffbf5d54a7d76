/**
 * The grading engine: pure, deterministic functions from an incident's metrics and a plan to a
 * level with its reasons, and from a title to a category. No I/O.
 */
package org.yuqing.grading.engine;
