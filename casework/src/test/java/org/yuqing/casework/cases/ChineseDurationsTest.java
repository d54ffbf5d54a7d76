package org.yuqing.casework.cases;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseDurationsTest {

    @ParameterizedTest
    @CsvSource({
            "PT1H, 1小时",
            "PT2H, 2小时",
            "PT24H, 24小时",
            "PT72H, 72小时",
            "PT30M, 30分钟",
            "PT1H30M, 1小时30分钟"})
    void a_time_limit_reads_as_the_plans_write_it(String iso, String expected) {
        assertThat(ChineseDurations.format(Duration.parse(iso))).isEqualTo(expected);
    }
}
