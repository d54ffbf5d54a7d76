package org.yuqing.ui.cases;

import java.time.Duration;
import java.time.Instant;

/**
 * How far a deadline is from now, in whole hours and minutes: time left is rounded down (never promise more than
 * there is), time overdue is rounded up (any lateness shows at least one minute). A deadline at most
 * {@link #SOON} away is {@code soon}: the board shows it amber, an overdue one red.
 *
 * @param overdue whether the deadline has passed
 * @param soon    whether it has not passed but is at most {@link #SOON} away
 * @param hours   whole hours left or overdue
 * @param minutes remaining minutes, 0–59
 */
record Countdown(boolean overdue, boolean soon, long hours, long minutes) {

    /** How close a deadline is when the board warns of it. */
    static final Duration SOON = Duration.ofMinutes(30);

    static Countdown until(Instant deadline, Instant now) {
        Duration left = Duration.between(now, deadline);
        if (left.isNegative()) {
            long late = ceilMinutes(left.negated());
            return new Countdown(true, false, late / 60, late % 60);
        }
        long minutes = left.toMinutes();
        return new Countdown(false, left.compareTo(SOON) <= 0, minutes / 60, minutes % 60);
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

    /** The CSS colour of the text: red when overdue, amber when soon, else the quiet secondary colour. */
    String color() {
        if (overdue) {
            return "var(--lumo-error-text-color)";
        }
        // Lumo's warning colour, with an amber of its own where a theme lacks it.
        return soon ? "var(--lumo-warning-text-color, #b25e00)" : "var(--lumo-secondary-text-color)";
    }

    /** The class the countdown's text carries, for styling and tests: overdue, soon or pending. */
    String stateClass() {
        return overdue ? "countdown-overdue" : soon ? "countdown-soon" : "countdown-pending";
    }
}
