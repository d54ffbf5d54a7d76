package org.yuqing.gateway.audit;

/**
 * Where security-relevant facts are recorded (审计日志): one line on the {@code yuqing.audit} logger and one row in
 * {@code identity.audit_event} each ({@link PersistentAuditLog}).
 *
 * <p>Implementations never receive a secret: no password, no {@code Authorization} header, no session id.
 */
public interface AuditLog {

    /**
     * Records one fact. Must not throw: auditing never breaks the request being audited.
     *
     * @param event what happened
     */
    void record(AuditEvent event);
}
