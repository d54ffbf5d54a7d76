/**
 * Drafts official statements, collects the approvals the level requires and publishes one text to every channel.
 */
package org.yuqing.publishing;
