package org.yuqing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/** Applies a rule to the fixture root that breaks it and hands back the failure report to inspect. */
final class Fixtures {

    private static final String FIXTURES = Fixtures.class.getPackageName() + ".fixtures";

    private Fixtures() {
    }

    /** The root package of one rule's fixture, e.g. {@code root("modules")}. */
    static String root(String fixture) {
        return FIXTURES + "." + fixture;
    }

    /**
     * Evaluates the rule, built for {@code root}, on the classes under {@code root}, asserts that it reports a
     * violation and returns the report, which names the rule and every offending dependency, member or class.
     */
    static String violationsReported(ArchRule rule, String root) {
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importPackages(root));
        assertThat(result.hasViolation()).as("rule '%s' reports a violation under %s", rule.getDescription(), root)
                .isTrue();
        return result.getFailureReport().toString();
    }
}
