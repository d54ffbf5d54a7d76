package org.yuqing.gateway.audit;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yuqing.gateway.CapturedLogs;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingAuditLogTest {

    private final CapturedLogs logs = CapturedLogs.of(LoggingAuditLog.LOGGER);

    @AfterEach
    void stopCapturing() {
        logs.close();
    }

    @Test
    void an_event_is_one_line_with_who_what_when_where_and_outcome() {
        new LoggingAuditLog().record(new AuditEvent(Instant.parse("2026-11-22T08:00:00Z"), AuditAction.LOCKOUT,
                "LOCKED", "demo", "10.0.0.7", "POST", "/login", "form"));

        assertThat(logs.lines(LoggingAuditLog.LOGGER)).containsExactly("audit at=\"2026-11-22T08:00:00Z\" "
                + "action=\"LOCKOUT\" outcome=\"LOCKED\" who=\"demo\" ip=\"10.0.0.7\" method=\"POST\" "
                + "path=\"/login\" detail=\"form\"");
    }

    @Test
    void a_login_name_with_a_line_break_or_quote_cannot_forge_a_second_line_or_field() {
        new LoggingAuditLog().record(new AuditEvent(Instant.parse("2026-11-22T08:00:00Z"), AuditAction.LOGIN_FAILURE,
                "FAILURE", "x\"\nat=\"forged", "10.0.0.7", "POST", "/login", ""));

        String line = logs.lines(LoggingAuditLog.LOGGER).getFirst();
        assertThat(line).doesNotContain("\n").contains("who=\"x\\\" at=\\\"forged\"");
    }

    @Test
    void a_missing_who_is_anonymous() {
        new LoggingAuditLog().record(new AuditEvent(Instant.EPOCH, AuditAction.DENIED, "401", null, "", "GET",
                "/api/me", null));

        assertThat(logs.lines(LoggingAuditLog.LOGGER).getFirst()).contains("who=\"anonymous\"");
    }
}
