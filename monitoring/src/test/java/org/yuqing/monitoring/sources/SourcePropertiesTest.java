package org.yuqing.monitoring.sources;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SourcePropertiesTest {

    private static final SourceProperties DEFAULTS = new SourceProperties(null, null, null, null, null, null, null, null, null);

    @ParameterizedTest(name = "after {0} failures the retry waits {1} minutes")
    @CsvSource({"1, 1", "2, 2", "3, 4", "4, 8", "6, 32", "7, 60", "8, 60", "1000, 60"})
    void the_retry_delay_doubles_per_failure_up_to_an_hour(int failures, long minutes) {
        assertThat(DEFAULTS.backoff(failures)).isEqualTo(Duration.ofMinutes(minutes));
    }
}
