package org.yuqing.casework.clocks;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * 当日答复: the deadline "the same day" of a moment, as the offices read it — 23:59:59 Beijing time (Asia/Shanghai)
 * of the local day the moment falls on, whatever the server's zone. A detection at 23:30 is due in 30 minutes;
 * one at 00:10 almost a day later.
 */
public final class SameDayDeadline {

    /** The offices' time zone. */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static final LocalTime LAST_SECOND = LocalTime.of(23, 59, 59);

    private SameDayDeadline() {
    }

    /** 23:59:59 Beijing time of the day {@code at} falls on there (UTC instant). */
    public static Instant endOfDay(Instant at) {
        return at.atZone(BEIJING).toLocalDate().atTime(LAST_SECOND).atZone(BEIJING).toInstant();
    }
}
