/**
 * Runs the response workflow of a case: the plan's deadline clocks, escalation and the accountability record.
 */
package org.yuqing.casework;
