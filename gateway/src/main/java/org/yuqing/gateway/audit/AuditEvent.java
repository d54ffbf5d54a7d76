package org.yuqing.gateway.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One audited fact: who did what, when, from where, with which outcome.
 *
 * @param at       when it happened (UTC instant)
 * @param action   what it is about
 * @param outcome  the result, e.g. {@code SUCCESS}, {@code FAILURE}, {@code LOCKED}, {@code 401}
 * @param who      the login name (as claimed, for a failure), or {@code anonymous}; never a password
 * @param clientIp the client's address as the gateway sees it
 * @param method   the HTTP method of the request, may be empty
 * @param path     the request path without the query, may be empty
 * @param detail   a short free text, may be empty; never a secret
 */
public record AuditEvent(Instant at, AuditAction action, String outcome, String who, String clientIp, String method,
                         String path, String detail) {

    /** The {@code who} of a request nobody authenticated. */
    public static final String ANONYMOUS = "anonymous";

    /**
     * Fills absent texts with empty strings and an absent {@code who} with {@link #ANONYMOUS}.
     */
    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        outcome = outcome == null ? "" : outcome;
        who = who == null || who.isBlank() ? ANONYMOUS : who;
        clientIp = clientIp == null ? "" : clientIp;
        method = method == null ? "" : method;
        path = path == null ? "" : path;
        detail = detail == null ? "" : detail;
    }
}
