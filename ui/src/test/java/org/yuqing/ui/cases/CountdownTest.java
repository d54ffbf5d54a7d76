package org.yuqing.ui.cases;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CountdownTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");

    @ParameterizedTest(name = "{0}s to the deadline -> overdue {1}, soon {2}, {3} h {4} min")
    @CsvSource({
            // seconds until the deadline, overdue, soon, hours, minutes
            "6120,  false, false, 1, 42",   // 1 h 42 min left
            "6179,  false, false, 1, 42",   // 1 h 42 min 59 s left is still shown as 42 min: never promise more
            "86400, false, false, 24, 0",   // the golden 24 hours
            "1801,  false, false, 0, 30",   // a second more than half an hour: not yet amber
            "1800,  false, true,  0, 30",   // exactly 30 minutes left: amber
            "59,    false, true,  0, 0",
            "0,     false, true,  0, 0",    // at the deadline, not yet late
            "-1,    true,  false, 0, 1",    // one second late already shows as a minute overdue
            "-1200, true,  false, 0, 20",   // 已超时 20分
            "-1201, true,  false, 0, 21",
            "-7260, true,  false, 2, 1",
    })
    void time_left_is_rounded_down_time_overdue_up_and_the_last_half_hour_is_soon(long seconds, boolean overdue,
                                                                                   boolean soon, long hours,
                                                                                   long minutes) {
        Countdown countdown = Countdown.until(NOW.plus(Duration.ofSeconds(seconds)), NOW);

        assertThat(countdown).isEqualTo(new Countdown(overdue, soon, hours, minutes));
    }

    @ParameterizedTest(name = "{0}s -> {1}")
    @CsvSource({
            "-60,  countdown-overdue, var(--lumo-error-text-color)",
            "600,  countdown-soon,    'var(--lumo-warning-text-color, #b25e00)'",
            "3600, countdown-pending, var(--lumo-secondary-text-color)",
    })
    void overdue_is_red_soon_is_amber_and_the_rest_is_quiet(long seconds, String stateClass, String color) {
        Countdown countdown = Countdown.until(NOW.plusSeconds(seconds), NOW);

        assertThat(countdown.stateClass()).isEqualTo(stateClass);
        assertThat(countdown.color()).isEqualTo(color);
    }

    @ParameterizedTest(name = "{0}s -> {1} / {2}")
    @CsvSource({
            "6120,  countdown.left,    duration.hoursMinutes",
            "1200,  countdown.left,    duration.minutes",
            "-1200, countdown.overdue, duration.minutes",
            "-3600, countdown.overdue, duration.hoursMinutes",
    })
    void the_phrase_says_left_or_overdue_and_drops_zero_hours(long seconds, String phrase, String duration) {
        Countdown countdown = Countdown.until(NOW.plusSeconds(seconds), NOW);

        assertThat(countdown.phraseKey()).isEqualTo(phrase);
        assertThat(countdown.durationKey()).isEqualTo(duration);
    }
}
