/**
 * Grades incidents by the response plan (预案) into levels and categories, always with the reasons.
 */
package org.yuqing.grading;
