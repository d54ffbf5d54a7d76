package org.yuqing.gateway.audit;

/**
 * Where security-relevant facts are recorded (审计日志). The slice writes them to the {@code yuqing.audit} logger;
 * a persistent store implements this interface later and replaces the logging bean.
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
