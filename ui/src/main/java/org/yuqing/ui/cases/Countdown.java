package org.yuqing.ui.cases;

import java.time.Duration;
import java.time.Instant;

/**
 * How far a deadline is from now, in whole hours and minutes: time left is rounded down (never promise more than
 * there is), time overdue is rounded up (any lateness shows at least one minute).
 *
 * @param overdue whether the deadline has passed
 * @param hours   whole hours left or overdue
 * @param minutes remaining minutes, 0–59
 */
record Countdown(boolean overdue, long hours, long minutes) {

    static Countdown until(Instant deadline, Instant now) {
        Duration left = Duration.between(now, deadline);
        if (left.isNegative()) {
            long late = ceilMinutes(left.negated());
            return new Countdown(true, late / 60, late % 60);
        }
        long minutes = left.toMinutes();
        return new Countdown(false, minutes / 60, minutes % 60);
    }

    private static long ceilMinutes(Duration duration) {
        long minutes = duration.toMinutes();
        return duration.equals(Duration.ofMinutes(minutes)) ? minutes : minutes + 1;
    }

    /** The message key of the duration text: with or without hours. */
    String durationKey() {
        return hours > 0 ? "duration.hoursMinutes" : "duration.minutes";
    }

    /** The message key of the whole phrase: time left or overdue. */
    String phraseKey() {
        return overdue ? "countdown.overdue" : "countdown.left";
    }
}
