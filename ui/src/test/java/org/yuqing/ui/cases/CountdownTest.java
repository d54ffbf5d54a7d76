package org.yuqing.ui.cases;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CountdownTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");

    @ParameterizedTest(name = "{0}s to the deadline -> overdue {1}, {2} h {3} min")
    @CsvSource({
            // seconds until the deadline, overdue, hours, minutes
            "6120,  false, 1, 42",   // 1 h 42 min left
            "6179,  false, 1, 42",   // 1 h 42 min 59 s left is still shown as 42 min: never promise more
            "86400, false, 24, 0",   // the golden 24 hours
            "59,    false, 0, 0",
            "0,     false, 0, 0",    // at the deadline, not yet late
            "-1,    true,  0, 1",    // one second late already shows as a minute overdue
            "-1200, true,  0, 20",   // 已超时 20分
            "-1201, true,  0, 21",
            "-7260, true,  2, 1",
    })
    void time_left_is_rounded_down_and_time_overdue_up(long seconds, boolean overdue, long hours, long minutes) {
        Countdown countdown = Countdown.until(NOW.plus(Duration.ofSeconds(seconds)), NOW);

        assertThat(countdown).isEqualTo(new Countdown(overdue, hours, minutes));
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
