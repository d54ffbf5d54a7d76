package org.yuqing.architecture;

import static com.tngtech.archunit.lang.conditions.ArchConditions.onlyHaveDependenciesWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.yuqing.architecture.Layout.JOOQ;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Optional;

/** A service's schema is its own: the jOOQ classes generated for it are used by that module alone. */
final class JooqTableRules {

    private JooqTableRules() {
    }

    /** Classes in {@code <root>.<module>.db..} are used only from {@code <root>.<module>..}. */
    static ArchRule onlyOwningModuleTouchesItsTables(String root) {
        return classes().that().resideInAPackage(root + "..")
                .should(onlyHaveDependenciesWhere(notIntoAnotherModulesJooqClasses(root)))
                .as("only the owning module should use the jOOQ classes in " + root + ".<module>." + JOOQ)
                .because("each service owns its PostgreSQL schema and nobody else reads it; other modules ask "
                        + "the owner over HTTP or follow its events");
    }

    private static DescribedPredicate<Dependency> notIntoAnotherModulesJooqClasses(String root) {
        return DescribedPredicate.describe("the target is not a jOOQ class of another module", dependency -> {
            Optional<Layout.Feature> target =
                    Layout.featureOf(root, dependency.getTargetClass().getPackageName())
                            .filter(Layout.Feature::isGeneratedJooqCode);
            if (target.isEmpty()) {
                return true;
            }
            Optional<String> originModule = Layout.moduleOf(root, dependency.getOriginClass().getPackageName());
            return originModule.filter(target.get().module()::equals).isPresent();
        });
    }
}
