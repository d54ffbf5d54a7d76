/**
 * Channel adapters (发布渠道): one approved text goes out on every enabled channel ("口径一致"), each
 * adapter rendering it for its medium — the built-in public website, email to the press list, a
 * signed webhook for a CMS, WeCom and DingTalk group robots, and the manual channel a person posts on.
 */
package org.yuqing.publishing.channels;
