package org.yuqing.ui.deliveries;

import org.junit.jupiter.api.Test;
import org.yuqing.ui.statements.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryStateTest {

    @Test
    void a_pending_release_a_person_must_make_waits_for_them_and_other_pending_ones_are_being_sent() {
        assertThat(DeliveryState.of(release("manual", "PENDING", "文本"))).isEqualTo(DeliveryState.MANUAL_WAITING);
        assertThat(DeliveryState.of(release("manual", "DELIVERED", "文本"))).isEqualTo(DeliveryState.DELIVERED);
        assertThat(DeliveryState.of(release("email", "PENDING", null))).isEqualTo(DeliveryState.PENDING);
        assertThat(DeliveryState.of(release("email", "FAILED", null))).isEqualTo(DeliveryState.FAILED);
        assertThat(DeliveryState.of(release("weibo", "RETRACTED", null))).isEqualTo(DeliveryState.OTHER);
    }

    private static Statement.Release release(String channel, String status, String copyText) {
        return new Statement.Release(channel, null, null, status, null, 0, null, copyText);
    }
}
