package org.yuqing.architecture;

import static com.tngtech.archunit.lang.conditions.ArchConditions.beAnnotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies and settings come in through constructors. */
final class InjectionRules {

    /** Annotations that make a container write a field. */
    static final String[] INJECTION_ANNOTATIONS = {
            "org.springframework.beans.factory.annotation.Autowired",
            "org.springframework.beans.factory.annotation.Value",
            "jakarta.inject.Inject",
            "javax.inject.Inject",
            "jakarta.annotation.Resource",
            "javax.annotation.Resource"
    };

    private InjectionRules() {
    }

    /**
     * No field under {@code root} is annotated for injection. Fields of records are exempt: an annotation on a
     * record component is copied onto its private field, yet the container injects it through the constructor.
     */
    static ArchRule noFieldInjection(String root) {
        return noFields().that().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .and().areDeclaredInClassesThat().areNotAssignableTo(Record.class)
                .should(beAnnotatedForInjection())
                .as("no field under " + root + " should be injected (@Autowired, @Inject, @Value, @Resource)")
                .because("constructor injection makes dependencies explicit, lets fields be final and lets a test "
                        + "build the object without a container")
                .allowEmptyShould(true);
    }

    private static ArchCondition<JavaField> beAnnotatedForInjection() {
        ArchCondition<JavaField> condition = beAnnotatedWith(INJECTION_ANNOTATIONS[0]);
        for (int i = 1; i < INJECTION_ANNOTATIONS.length; i++) {
            condition = condition.or(beAnnotatedWith(INJECTION_ANNOTATIONS[i]));
        }
        return condition.as("be annotated for injection");
    }
}
