/**
 * Re-grading: follows monitoring's feed, grades each incident by its unit's plan whenever it is
 * detected or its heat changes, keeps the current grade and its history, and publishes
 * {@code IncidentGraded} when the level rises or the category changes.
 */
package org.yuqing.grading.regrading;
