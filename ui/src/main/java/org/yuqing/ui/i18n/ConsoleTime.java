package org.yuqing.ui.i18n;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Times as the console shows them: Beijing time (Asia/Shanghai), to the minute (to the second for audit lines).
 */
public final class ConsoleTime {

    /** Beijing time, the zone every time in the console is shown in. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

    private ConsoleTime() {
    }

    /**
     * The instant as {@code yyyy-MM-dd HH:mm} in Beijing time.
     *
     * @param instant an instant, may be {@code null}
     * @return the text, empty for {@code null}
     */
    public static String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }

    /**
     * The instant as {@code yyyy-MM-dd HH:mm:ss} in Beijing time, where the order of events within a minute
     * matters (audit lines).
     *
     * @param instant an instant, may be {@code null}
     * @return the text, empty for {@code null}
     */
    public static String formatSeconds(Instant instant) {
        return instant == null ? "" : SECONDS.format(instant);
    }
}
