/**
 * Missed deadlines and the escalation chain (超时预警与催办): the deadline watcher that warns before a clock runs
 * out and records the miss once, the escalation policy as configuration data, and the per-unit accountability count.
 */
package org.yuqing.casework.escalation;
