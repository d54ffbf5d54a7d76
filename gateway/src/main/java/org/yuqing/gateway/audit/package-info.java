/**
 * The security audit trail (安全审计): logins, lockouts, logouts, denied requests, client tokens and directory changes,
 * one structured line each on the {@code yuqing.audit} logger and one row in {@code identity.audit_event}.
 */
package org.yuqing.gateway.audit;
