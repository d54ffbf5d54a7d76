/**
 * 发布看板: every release of the user's units per channel — pending, delivered, failed, waiting for a person — with
 * attempts, last error and proof URL; failed deliveries retried by hand, manual releases proven by URL.
 */
package org.yuqing.ui.deliveries;
