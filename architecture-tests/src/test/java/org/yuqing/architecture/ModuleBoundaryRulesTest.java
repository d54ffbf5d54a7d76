package org.yuqing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yuqing.architecture.fixtures.modules.casework.deadlines.DeadlineClock;
import org.yuqing.architecture.fixtures.modules.domain.Level;
import org.yuqing.architecture.fixtures.modules.events.Outbox;
import org.yuqing.architecture.fixtures.modules.grading.plans.ResponsePlan;
import org.yuqing.architecture.fixtures.modules.monitoring.incidents.IncidentClustering;
import org.yuqing.architecture.fixtures.modules.platform.launcher.Launcher;
import org.yuqing.architecture.fixtures.modules.platform.stack.LocalPostgres;

class ModuleBoundaryRulesTest {

    private static final String ROOT = Fixtures.root("modules");

    @Test
    void a_module_using_another_modules_code_is_reported() {
        String report = Fixtures.violationsReported(ModuleBoundaryRules.businessModulesDoNotDependOnEachOther(ROOT),
                ROOT);

        assertThat(report)
                .contains("business modules under " + ROOT + " should not depend on each other's code")
                .contains(IncidentClustering.class.getName())
                .contains(ResponsePlan.class.getName());
    }

    @Test
    void modules_using_the_shared_modules_and_the_launcher_using_modules_are_not_reported() {
        String report = Fixtures.violationsReported(ModuleBoundaryRules.businessModulesDoNotDependOnEachOther(ROOT),
                ROOT);

        assertThat(report)
                .doesNotContain(Level.class.getName())
                .doesNotContain(Outbox.class.getName())
                .doesNotContain(Launcher.class.getName())
                .doesNotContain(DeadlineClock.class.getName());
    }

    @Test
    void main_code_using_the_platform_is_reported() {
        String report = Fixtures.violationsReported(ModuleBoundaryRules.mainCodeDoesNotUseThePlatform(ROOT), ROOT);

        assertThat(report)
                .contains("no main code outside " + ROOT + ".platform should depend on " + ROOT + ".platform")
                .contains(DeadlineClock.class.getName())
                .contains(LocalPostgres.class.getName())
                .doesNotContain(Launcher.class.getName());
    }
}
