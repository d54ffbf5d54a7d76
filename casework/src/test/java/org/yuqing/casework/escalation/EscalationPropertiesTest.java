package org.yuqing.casework.escalation;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.yuqing.casework.clocks.ClockName;
import org.yuqing.casework.escalation.EscalationProperties.Step;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EscalationPropertiesTest {

    @Test
    void without_configuration_the_chain_notifies_assignee_unit_head_and_leader_ten_minutes_apart() {
        EscalationProperties p = new EscalationProperties(null, null, null, null);

        assertThat(p.steps()).containsExactly(Step.notify("ASSIGNEE"), Step.waitFor(Duration.ofMinutes(10)),
                Step.notify("UNIT_HEAD"), Step.waitFor(Duration.ofMinutes(10)), Step.notify("LEADER_IN_CHARGE"));
        assertThat(p.watchInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.warningLead(ClockName.REPORT)).isEqualTo(Duration.ofMinutes(15));
        assertThat(p.warningLead(ClockName.FIRST_STATEMENT)).isEqualTo(Duration.ofHours(2));
        assertThat(p.firstTarget()).isEqualTo("ASSIGNEE");
    }

    @Test
    void the_warning_goes_to_the_first_role_the_chain_notifies() {
        EscalationProperties p = new EscalationProperties(null, null, null,
                List.of(Step.waitFor(Duration.ofMinutes(5)), Step.notify("UNIT_HEAD")));

        assertThat(p.firstTarget()).isEqualTo("UNIT_HEAD");
    }

    @Test
    void a_chain_configured_as_notify_and_wait_entries_binds_in_order() {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource(Map.of(
                "yuqing.casework.escalation.report-warning-lead", "20m",
                "yuqing.casework.escalation.steps[0].notify", "UNIT_HEAD",
                "yuqing.casework.escalation.steps[1].wait", "5m",
                "yuqing.casework.escalation.steps[2].notify", "MAIN_LEADER"));

        EscalationProperties p = new Binder(source).bind("yuqing.casework.escalation", EscalationProperties.class).get();

        assertThat(p.steps()).containsExactly(Step.notify("UNIT_HEAD"), Step.waitFor(Duration.ofMinutes(5)),
                Step.notify("MAIN_LEADER"));
        assertThat(p.warningLead(ClockName.REPORT)).isEqualTo(Duration.ofMinutes(20));
        assertThat(p.warningLead(ClockName.FIRST_STATEMENT)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void the_review_warning_lead_defaults_to_twelve_hours_and_binds_from_review_warning_lead() {
        assertThat(new EscalationProperties(null, null, null, null).warningLead(ClockName.REVIEW))
                .isEqualTo(Duration.ofHours(12));
        MapConfigurationPropertySource source = new MapConfigurationPropertySource(Map.of(
                "yuqing.casework.escalation.review-warning-lead", "1d"));

        EscalationProperties p = new Binder(source).bind("yuqing.casework.escalation", EscalationProperties.class).get();

        assertThat(p.warningLead(ClockName.REVIEW)).isEqualTo(Duration.ofDays(1));
        assertThat(p.steps()).isEqualTo(EscalationProperties.DEFAULT_STEPS);
    }

    @Test
    void a_step_must_either_notify_or_wait() {
        assertThatThrownBy(() -> new Step("UNIT_HEAD", Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Step(null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Step(" ", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Step(null, Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_non_positive_watch_interval_is_refused() {
        assertThatThrownBy(() -> new EscalationProperties(Duration.ZERO, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
