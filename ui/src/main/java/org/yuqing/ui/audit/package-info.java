/**
 * 审计日志: the audit lines of the gateway's identity directory and of every service, merged newest first, for
 * administrators.
 */
package org.yuqing.ui.audit;
