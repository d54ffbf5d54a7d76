package org.yuqing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yuqing.architecture.fixtures.streams.publishing.deliveries.ConsoleChannel;
import org.yuqing.architecture.fixtures.streams.publishing.deliveries.DeliveryLog;
import org.yuqing.architecture.fixtures.streams.publishing.deliveries.DeliveryRetry;

class StandardStreamRulesTest {

    private static final String ROOT = Fixtures.root("streams");

    @Test
    void printing_to_system_out_is_reported() {
        String report = Fixtures.violationsReported(StandardStreamRules.noStandardStreams(ROOT), ROOT);

        assertThat(report)
                .contains("no main code under " + ROOT + " should use System.out, System.err or printStackTrace()")
                .contains(ConsoleChannel.class.getName() + ".deliver(java.lang.String)> gets field <java.lang.System.out>");
    }

    @Test
    void printing_to_system_err_and_printing_stack_traces_are_reported() {
        String report = Fixtures.violationsReported(StandardStreamRules.noStandardStreams(ROOT), ROOT);

        assertThat(report)
                .contains(DeliveryRetry.class.getName() + ".retry(java.lang.Runnable)> gets field <java.lang.System.err>")
                .contains(DeliveryRetry.class.getName() + ".retry(java.lang.Runnable)> calls method <java.io.IOException.printStackTrace()>");
    }

    @Test
    void logging_through_the_system_logger_is_not_reported() {
        String report = Fixtures.violationsReported(StandardStreamRules.noStandardStreams(ROOT), ROOT);

        assertThat(report).doesNotContain(DeliveryLog.class.getName());
    }
}
