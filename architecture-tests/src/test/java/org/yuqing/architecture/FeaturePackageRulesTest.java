package org.yuqing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yuqing.architecture.fixtures.cycles.casework.cases.Case;
import org.yuqing.architecture.fixtures.cycles.casework.deadlines.DeadlineClock;

class FeaturePackageRulesTest {

    private static final String ROOT = Fixtures.root("cycles");

    @Test
    void feature_packages_depending_on_each_other_are_reported() {
        String report = Fixtures.violationsReported(FeaturePackageRules.featurePackagesAreFreeOfCycles(ROOT), ROOT);

        assertThat(report)
                .contains("feature packages under " + ROOT + ".<module> should be free of cycles")
                .contains("casework.cases")
                .contains("casework.deadlines")
                .contains(Case.class.getName())
                .contains(DeadlineClock.class.getName());
    }
}
