/**
 * Response plans (预案) as versioned data: levels, the conditions that reach them with the plan section each cites,
 * and what each level requires; stored as JSON documents (presets shipped), edited, exported and imported as JSON or
 * YAML, and assigned to units and topics (预案指派).
 */
package org.yuqing.grading.plans;
