package org.yuqing.ui.users;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.yuqing.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

class RoleNamesTest {

    @Test
    void chinese_shows_the_platforms_own_role_names() {
        for (Role role : Role.values()) {
            assertThat(RoleNames.label(role, Locale.SIMPLIFIED_CHINESE)).isEqualTo(role.displayName());
        }
        assertThat(RoleNames.label(Role.ANALYST, Locale.SIMPLIFIED_CHINESE)).isEqualTo("研判员");
    }

    @Test
    void english_spells_the_role_out_in_words() {
        assertThat(RoleNames.label(Role.UNIT_HANDLER, Locale.ENGLISH)).isEqualTo("Unit handler");
        assertThat(RoleNames.label(Role.ADMIN, Locale.US)).isEqualTo("Admin");
    }

    @Test
    void a_users_roles_are_listed_in_the_platforms_order_whatever_order_and_case_they_come_in() {
        String chinese = RoleNames.render(List.of("admin", "MONITOR", "PUBLISHER", "ANALYST"), Locale.SIMPLIFIED_CHINESE);
        String english = RoleNames.render(List.of("ADMIN", "UNIT_HANDLER"), Locale.ENGLISH);

        assertThat(chinese).isEqualTo("监测员、研判员、发布员、管理员");
        assertThat(english).isEqualTo("Unit handler, Admin");
    }

    @Test
    void an_unknown_role_is_shown_as_sent_after_the_known_ones_and_none_is_empty() {
        assertThat(RoleNames.render(List.of("AUDITOR", "LEADER"), Locale.SIMPLIFIED_CHINESE)).isEqualTo("领导、AUDITOR");
        assertThat(RoleNames.render(List.of(), Locale.SIMPLIFIED_CHINESE)).isEmpty();
    }

    @Test
    void people_can_be_given_every_role_but_the_services_one() {
        assertThat(RoleNames.assignable()).contains(Role.ADMIN, Role.INGEST).doesNotContain(Role.SERVICE)
                .hasSize(Role.values().length - 1);
        assertThat(RoleNames.known(List.of("leader", "nonsense"))).containsExactly(Role.LEADER);
        assertThat(RoleNames.wire(List.of(Role.ADMIN, Role.MONITOR))).containsExactly("MONITOR", "ADMIN");
    }
}
