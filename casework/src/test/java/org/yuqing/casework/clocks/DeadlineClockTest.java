package org.yuqing.casework.clocks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineClockTest {

    private static final Instant DUE = Instant.parse("2026-11-21T10:00:00Z");

    @ParameterizedTest(name = "met {0} min after the deadline, looked at {1} min after it: {2}")
    @CsvSource(nullValues = "none", value = {
            // met (minutes from due), now (minutes from due), status
            "none, -60, RUNNING",
            "none,   0, RUNNING",
            "none,   1, MISSED",
            " -30, -60, MET",
            " -30, 600, MET",
            "   0,   5, MET",
            "   1,   5, MET_LATE",
            " 120, 600, MET_LATE"})
    void a_clock_is_running_met_missed_or_met_late(Integer metMinutes, int nowMinutes, ClockStatus expected) {
        Instant met = metMinutes == null ? null : DUE.plus(Duration.ofMinutes(metMinutes));
        DeadlineClock clock = new DeadlineClock(ClockName.REPORT, DUE, met);

        assertThat(clock.statusAt(DUE.plus(Duration.ofMinutes(nowMinutes)))).isEqualTo(expected);
        assertThat(clock.isOverdueAt(DUE.plus(Duration.ofMinutes(nowMinutes))))
                .isEqualTo(expected == ClockStatus.MISSED);
    }
}
