/**
 * Grades incidents by the response plan (预案) into levels and categories, always with the reasons.
 * This package holds the application and the service-wide HTTP error answers.
 */
package org.yuqing.grading;
