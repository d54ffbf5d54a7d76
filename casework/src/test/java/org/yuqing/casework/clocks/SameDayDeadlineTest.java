package org.yuqing.casework.clocks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SameDayDeadlineTest {

    @Test
    void a_detection_at_23_30_beijing_time_is_due_at_23_59_59_the_same_evening_half_an_hour_later() {
        Instant detected = Instant.parse("2026-11-21T15:30:00Z"); // 23:30 in Shanghai

        Instant due = SameDayDeadline.endOfDay(detected);

        assertThat(due).isEqualTo(Instant.parse("2026-11-21T15:59:59Z"));
        assertThat(Duration.between(detected, due)).isEqualTo(Duration.ofMinutes(30).minusSeconds(1));
    }

    @Test
    void a_detection_at_00_10_beijing_time_is_due_at_the_end_of_that_beijing_day_not_the_utc_day() {
        Instant detected = Instant.parse("2026-11-21T16:10:00Z"); // 00:10 on 22 November in Shanghai

        assertThat(SameDayDeadline.endOfDay(detected)).isEqualTo(Instant.parse("2026-11-22T15:59:59Z"));
    }

    @Test
    void the_last_second_of_the_day_is_still_that_day() {
        Instant last = Instant.parse("2026-11-21T15:59:59Z");

        assertThat(SameDayDeadline.endOfDay(last)).isEqualTo(last);
        assertThat(SameDayDeadline.endOfDay(last.plusSeconds(1))).isEqualTo(Instant.parse("2026-11-22T15:59:59Z"));
    }
}
