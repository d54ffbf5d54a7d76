package org.yuqing.ui.audit;

import java.util.Locale;

/**
 * Where audit lines come from: the gateway's identity directory (logins, user and unit changes) and the four
 * services. Each serves its audit at {@code GET /api/<name>/audit?after=&limit=}.
 */
enum AuditSource {
    /** The gateway: logins, users, units. */
    IDENTITY,
    /** 监测: sources, topics, posts. */
    MONITORING,
    /** 研判: plans and grades. */
    GRADING,
    /** 处置: cases. */
    CASEWORK,
    /** 发布: statements and channels. */
    PUBLISHING;

    /** @return the audit API path, e.g. {@code /api/grading/audit} */
    String path() {
        return "/api/" + name().toLowerCase(Locale.ROOT) + "/audit";
    }

    /** @return the message key of the source's name */
    String messageKey() {
        return "audit.source." + name();
    }
}
