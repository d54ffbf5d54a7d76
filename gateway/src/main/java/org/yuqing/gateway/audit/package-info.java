/**
 * The security audit trail (安全审计): logins, lockouts, logouts and denied requests, one structured line each on the
 * {@code yuqing.audit} logger, behind {@link org.yuqing.gateway.audit.AuditLog} so a database store can replace it.
 */
package org.yuqing.gateway.audit;
