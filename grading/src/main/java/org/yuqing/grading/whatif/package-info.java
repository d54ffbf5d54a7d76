/**
 * What-if grading: grades metrics a user supplies by a stored plan without storing anything, to
 * try a plan or explain a threshold.
 */
package org.yuqing.grading.whatif;
