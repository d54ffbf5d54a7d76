/**
 * Channel adapters (发布渠道): one approved text goes out on every enabled channel ("口径一致"), each
 * adapter rendering it for its medium — the built-in public website, email to the press list and a
 * signed webhook for a CMS.
 */
package org.yuqing.publishing.channels;
