/**
 * Channel adapters (发布渠道): one approved text goes out on every enabled channel ("口径一致"), each
 * adapter rendering it for its medium; the built-in public website is the first adapter.
 */
package org.yuqing.publishing.channels;
