package org.yuqing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.yuqing.architecture.Layout.PLATFORM;
import static org.yuqing.architecture.Layout.SHARED;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * How modules meet: a business module (every top-level package but the shared {@code domain}, {@code events} and {@code security}, and
 * the {@code platform}) reaches no other business module's code; and no main code outside {@code platform} uses the
 * local stack or the launcher.
 */
final class ModuleBoundaryRules {

    private ModuleBoundaryRules() {
    }

    /** Business modules do not depend on each other's code; the shared modules are open to all of them. */
    static ArchRule businessModulesDoNotDependOnEachOther(String root) {
        return slices().assignedFrom(businessModulesOf(root))
                .should().notDependOnEachOther()
                .as("business modules under " + root + " should not depend on each other's code, only on the "
                        + "shared modules " + SHARED.stream().sorted().map(module -> root + "." + module).toList())
                .because("modules meet through HTTP contracts and the event records of the shared kernel, "
                        + "delivered by the events library, so each one can be built, deployed and scaled on its own");
    }

    /** Main code outside {@code <root>.platform} does not use the local stack or the launcher. */
    static ArchRule mainCodeDoesNotUseThePlatform(String root) {
        String platform = root + "." + PLATFORM + "..";
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(platform)
                .should().dependOnClassesThat().resideInAPackage(platform)
                .as("no main code outside " + root + "." + PLATFORM + " should depend on " + root + "." + PLATFORM)
                .because("the local stack serves tests and the launcher; a production service is pointed by "
                        + "configuration at a real Elasticsearch cluster and PostgreSQL server");
    }

    private static SliceAssignment businessModulesOf(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return Layout.moduleOf(root, javaClass.getPackageName())
                        .filter(module -> !SHARED.contains(module) && !module.equals(PLATFORM))
                        .map(SliceIdentifier::of)
                        .orElseGet(SliceIdentifier::ignore);
            }

            @Override
            public String getDescription() {
                return "business modules under " + root;
            }
        };
    }
}
