package org.yuqing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yuqing.architecture.fixtures.injection.casework.notifications.NotificationLimits;
import org.yuqing.architecture.fixtures.injection.casework.notifications.NotificationQueue;
import org.yuqing.architecture.fixtures.injection.casework.notifications.NotificationSender;
import org.yuqing.architecture.fixtures.injection.casework.notifications.NotificationSettings;

class InjectionRulesTest {

    private static final String ROOT = Fixtures.root("injection");

    @Test
    void an_autowired_field_is_reported() {
        String report = Fixtures.violationsReported(InjectionRules.noFieldInjection(ROOT), ROOT);

        assertThat(report)
                .contains("no field under " + ROOT + " should be injected")
                .contains(NotificationSender.class.getName() + ".mailer");
    }

    @Test
    void a_field_taking_a_setting_by_value_is_reported() {
        String report = Fixtures.violationsReported(InjectionRules.noFieldInjection(ROOT), ROOT);

        assertThat(report).contains(NotificationSettings.class.getName() + ".sender");
    }

    @Test
    void constructor_injection_and_annotated_record_components_are_not_reported() {
        String report = Fixtures.violationsReported(InjectionRules.noFieldInjection(ROOT), ROOT);

        assertThat(report)
                .doesNotContain(NotificationQueue.class.getName())
                .doesNotContain(NotificationLimits.class.getName());
    }
}
