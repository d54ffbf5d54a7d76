package org.yuqing.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.yuqing.architecture.Layout.JOOQ;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/** Feature packages depend on each other in one direction only. */
final class FeaturePackageRules {

    private FeaturePackageRules() {
    }

    /**
     * The feature packages {@code <root>.<module>.<feature>..} are free of cycles; the generated jOOQ package
     * {@code <root>.<module>.db} is not a feature and is left out.
     */
    static ArchRule featurePackagesAreFreeOfCycles(String root) {
        return slices().assignedFrom(featurePackagesOf(root))
                .should().beFreeOfCycles()
                .as("feature packages under " + root + ".<module> should be free of cycles")
                .because("a feature is understood, tested and changed on its own only when its dependencies "
                        + "point one way; a cycle makes two features one")
                .allowEmptyShould(true);
    }

    private static SliceAssignment featurePackagesOf(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return Layout.featureOf(root, javaClass.getPackageName())
                        .filter(feature -> !feature.isGeneratedJooqCode())
                        .map(feature -> SliceIdentifier.of(feature.qualifiedName()))
                        .orElseGet(SliceIdentifier::ignore);
            }

            @Override
            public String getDescription() {
                return "feature packages under " + root + ".<module>, except " + JOOQ;
            }
        };
    }
}
