package org.yuqing.gateway.identity;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yuqing.gateway.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryBootstrapTest extends GatewayIntegrationTest {

    @Autowired
    UserDirectory directory;

    @Autowired
    DirectoryBootstrap bootstrap;

    @Test
    void the_default_seed_is_the_district_office_with_its_three_bureaus() {
        UnitTree tree = directory.tree();

        assertThat(tree.unit("district")).hasValue(new Unit("district", "区委网信办", null));
        assertThat(tree.unit("district-emergency")).hasValue(new Unit("district-emergency", "区应急管理局", "district"));
        assertThat(tree.unit("district-education")).hasValue(new Unit("district-education", "区教育局", "district"));
        assertThat(tree.unit("district-ethnic-religious"))
                .hasValue(new Unit("district-ethnic-religious", "区民族宗教事务局", "district"));
    }

    @Test
    void the_configured_demo_user_is_seeded_with_its_hash_unit_and_all_six_roles() {
        UserAccount demo = directory.find("demo").orElseThrow();

        assertThat(demo.displayName()).isEqualTo("演示用户");
        assertThat(demo.passwordHash()).startsWith("{bcrypt}$2a$");
        assertThat(demo.units()).containsExactly("district");
        assertThat(demo.roles()).containsExactly("MONITOR", "ANALYST", "LEADER", "UNIT_HANDLER", "PUBLISHER", "ADMIN");
        assertThat(demo.enabled()).isTrue();
        assertThat(directory.scopeOf(demo)).containsExactlyInAnyOrder("district", "district-emergency",
                "district-education", "district-ethnic-religious");
    }

    @Test
    void seeding_again_on_a_directory_that_has_units_and_users_changes_nothing() {
        List<Unit> before = directory.tree().units();
        UserAccount demo = directory.find("demo").orElseThrow();

        bootstrap.afterPropertiesSet();

        assertThat(directory.tree().units()).containsExactlyElementsOf(before);
        assertThat(directory.find("demo")).hasValue(demo);
    }
}
