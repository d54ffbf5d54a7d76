package org.yuqing.security;

import java.sql.Timestamp;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The service's audit: every denied attempt and every sensitive action, with who, what, when and from where. Lines
 * go to the {@code yuqing.audit} logger and, when a schema is configured, into the append-only
 * {@code <schema>.audit_event} table; a line written inside a transaction commits or rolls back with the action it
 * records.
 */
public class AuditTrail {

    /** A request refused: no or bad token, missing role, or an object of another unit. */
    public static final String DENIED = "DENIED";
    /** A statement approved or rejected. */
    public static final String APPROVAL = "APPROVAL";
    /** A statement released, retracted or corrected. */
    public static final String RELEASE = "RELEASE";
    /** A response plan created, changed, assigned or imported. */
    public static final String PLAN_CHANGE = "PLAN_CHANGE";
    /** A grade or category overridden by an analyst. */
    public static final String OVERRIDE = "OVERRIDE";
    /** Data exported (CSV, documents). */
    public static final String EXPORT = "EXPORT";
    /** A configuration change: sources, topics, channels, escalation chains. */
    public static final String CONFIG_CHANGE = "CONFIG_CHANGE";

    private static final Logger log = LoggerFactory.getLogger("yuqing.audit");
    private static final int MAX_TEXT = 2000;

    private final JdbcTemplate jdbc;
    private final String table;

    /**
     * @param jdbc   the service's database, {@code null} to keep the audit in the log only
     * @param schema the schema of {@code audit_event}, {@code null} or blank for the log only
     */
    public AuditTrail(JdbcTemplate jdbc, String schema) {
        boolean persistent = jdbc != null && schema != null && !schema.isBlank();
        this.jdbc = persistent ? jdbc : null;
        this.table = persistent ? quoted(schema) + ".audit_event" : null;
    }

    /**
     * Records an action of the current caller ({@link Caller#current()}) that succeeded.
     *
     * @param action e.g. {@link #APPROVAL}
     * @param target what it was about, e.g. {@code statement 5f…}
     * @param detail a short explanation; never put a secret here
     */
    public void done(String action, String target, String detail) {
        record(Caller.current(), action, target, "DONE", detail);
    }

    /**
     * Records a refused attempt of the current caller.
     *
     * @param target what was attempted
     * @param detail why it was refused
     */
    public void denied(String target, String detail) {
        record(Caller.current(), DENIED, target, "DENIED", detail);
    }

    /**
     * Records one line.
     *
     * @param actor   who
     * @param action  what kind of action
     * @param target  what it was about
     * @param outcome {@code DONE}, {@code DENIED}, …
     * @param detail  a short explanation
     */
    public void record(Caller actor, String action, String target, String outcome, String detail) {
        String units = actor.units().stream().sorted().collect(Collectors.joining(","));
        log.info("actor={} units=[{}] action={} target=\"{}\" outcome={} from={} detail=\"{}\"",
                actor.login(), units, action, target, outcome, clientAddress(), detail);
        store(actor, action, target, outcome, detail);
    }

    /**
     * Stores one line without writing it to the log, for callers that log it in their own format.
     *
     * @param actor   who
     * @param action  what kind of action
     * @param target  what it was about
     * @param outcome {@code DONE}, {@code DENIED}, …
     * @param detail  a short explanation
     */
    public void store(Caller actor, String action, String target, String outcome, String detail) {
        if (jdbc == null) {
            return;
        }
        String units = actor.units().stream().sorted().collect(Collectors.joining(","));
        try {
            jdbc.update("insert into " + table + " (actor, actor_units, action, target, outcome, client_address, detail)"
                            + " values (?, ?, ?, ?, ?, ?, ?)",
                    cut(actor.login()), cut(units), cut(action), cut(target), cut(outcome), cut(clientAddress()),
                    cut(detail));
        } catch (RuntimeException e) {
            // The log line stays the record; a failing audit table must not turn a refusal into a 500.
            log.error("audit line could not be stored: {}", e.toString());
            if (!DENIED.equals(action)) {
                throw e;
            }
        }
    }

    /**
     * The lines an administrator may read: those of actors in units of their scope, and those of callers who
     * presented no valid token (attempts from outside concern every administrator).
     *
     * @param afterId   the last id already read (0 for the start)
     * @param limit     at most this many
     * @param unitScope the reader's unit scope
     * @return the lines after {@code afterId}, oldest first; empty when the audit is kept in the log only
     */
    public List<AuditEntry> after(long afterId, int limit, java.util.Set<String> unitScope) {
        if (jdbc == null) {
            return List.of();
        }
        return jdbc.query("select id, occurred_at, actor, actor_units, action, target, outcome, client_address, detail"
                        + " from " + table + " where id > ?"
                        + " and (actor_units = '' or string_to_array(actor_units, ',') && ?::text[])"
                        + " order by id limit ?",
                (rs, i) -> new AuditEntry(rs.getLong(1), rs.getObject(2, Timestamp.class).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9)),
                afterId, unitScope.toArray(String[]::new), limit);
    }

    /**
     * The client as the gateway saw it ({@code X-Yuqing-Client-Address}, which the gateway sets and never passes on
     * from a client; else {@code X-Forwarded-For}), then the direct peer.
     */
    static String clientAddress() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        String forwarded = request.getHeader("X-Yuqing-Client-Address");
        if (forwarded == null || forwarded.isBlank()) {
            forwarded = request.getHeader("X-Forwarded-For");
        }
        String peer = request.getRemoteAddr();
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        return forwarded.split(",")[0].trim() + " via " + peer;
    }

    private static String cut(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }

    private static String quoted(String schema) {
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain schema name: " + schema);
        }
        return schema;
    }
}
