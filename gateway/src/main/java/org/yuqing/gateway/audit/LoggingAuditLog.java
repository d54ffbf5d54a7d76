package org.yuqing.gateway.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each audit event as one line on the {@code yuqing.audit} logger, in {@code key=value} form (values quoted
 * and escaped, so a login name with a line break cannot forge a second line), and also as SLF4J key-value pairs for a
 * structured (JSON) encoder. Part of {@link PersistentAuditLog}.
 */
class LoggingAuditLog implements AuditLog {

    /** The dedicated logger name; route it to its own file or collector in production. */
    static final String LOGGER = "yuqing.audit";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private static final int MAX_VALUE = 200;

    @Override
    public void record(AuditEvent event) {
        try {
            String[][] fields = {
                {"at", event.at().toString()},
                {"action", event.action().name()},
                {"outcome", event.outcome()},
                {"who", event.who()},
                {"ip", event.clientIp()},
                {"method", event.method()},
                {"path", event.path()},
                {"detail", event.detail()},
            };
            StringBuilder line = new StringBuilder("audit");
            var builder = log.atInfo();
            for (String[] field : fields) {
                String value = clean(field[1]);
                line.append(' ').append(field[0]).append("=\"").append(value).append('"');
                builder = builder.addKeyValue(field[0], value);
            }
            builder.log(line.toString());
        } catch (RuntimeException e) {
            log.warn("audit event could not be written: {}", e.getClass().getSimpleName());
        }
    }

    /** Control characters become spaces, quotes and backslashes are escaped, long values cut. */
    private static String clean(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_VALUE) + 8);
        for (int i = 0; i < value.length() && i < MAX_VALUE; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(' ');
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        if (value.length() > MAX_VALUE) {
            out.append('…');
        }
        return out.toString();
    }
}
