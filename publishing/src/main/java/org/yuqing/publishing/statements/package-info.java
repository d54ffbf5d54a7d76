/**
 * Official statements (发布稿) of a case: drafting, the approval chain the case's level requires
 * (approvals bind the exact text), and release to every enabled channel under "三同步" — the website
 * in the publish transaction, external channels queued and delivered after the commit with retries, the manual
 * channel proven by a publisher's URL. Every text change is kept as a version (diffable); drafting templates per kind.
 */
package org.yuqing.publishing.statements;
