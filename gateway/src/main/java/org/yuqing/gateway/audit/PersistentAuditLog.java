package org.yuqing.gateway.audit;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yuqing.security.AuditTrail;
import org.yuqing.security.Caller;

/**
 * The gateway's audit: each event as a {@code key=value} line on the {@code yuqing.audit} logger
 * ({@link LoggingAuditLog}) and as a row of the append-only {@code identity.audit_event} through the security
 * library's {@link AuditTrail}. Inside a transaction the row commits or rolls back with the change it records.
 */
final class PersistentAuditLog implements AuditLog {

    private static final Logger log = LoggerFactory.getLogger(PersistentAuditLog.class);

    private final LoggingAuditLog lines = new LoggingAuditLog();
    private final AuditTrail trail;
    private final ActorUnits units;

    PersistentAuditLog(AuditTrail trail, ActorUnits units) {
        this.trail = trail;
        this.units = units;
    }

    @Override
    public void record(AuditEvent event) {
        lines.record(event);
        try {
            String target = (event.method() + " " + event.path()).trim();
            Set<String> actorUnits = units.of(event.who());
            // Stored only: the line above is the log's record of it.
            trail.store(new Caller(event.who(), event.who(), Set.of(), actorUnits, actorUnits), event.action().name(),
                    target.isEmpty() ? "-" : target, event.outcome(), event.detail());
        } catch (RuntimeException e) {
            // The log line above stays the record: auditing never breaks the request being audited.
            log.error("audit row could not be stored: {}", e.getClass().getSimpleName());
        }
    }
}
