package org.yuqing.publishing.statements;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The backoff schedule and defaults of the delivery worker. */
class DeliveryPropertiesTest {

    private static final DeliveryProperties DEFAULTS = new DeliveryProperties(null, null, null, null, null, null);

    @ParameterizedTest(name = "after {0} failed attempts the worker waits {1}")
    @CsvSource({"1, PT30S", "2, PT1M", "3, PT2M", "4, PT4M", "5, PT8M", "7, PT32M", "8, PT1H", "40, PT1H"})
    void each_failure_doubles_the_wait_up_to_an_hour(int failedAttempts, Duration wait) {
        assertThat(DEFAULTS.retryAfter(failedAttempts)).isEqualTo(wait);
    }

    @Test
    void by_default_a_release_gets_six_attempts_and_the_worker_runs_every_five_seconds() {
        assertThat(DEFAULTS.maxAttempts()).isEqualTo(6);
        assertThat(DEFAULTS.schedule()).isTrue();
        assertThat(DEFAULTS.pollInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void a_release_needs_at_least_one_attempt() {
        assertThatThrownBy(() -> new DeliveryProperties(true, null, null, 0, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
