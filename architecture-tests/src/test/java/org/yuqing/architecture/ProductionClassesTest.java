package org.yuqing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards {@link ArchitectureTest}'s import: the rules mean something only if they see the classes of every module
 * (which come from the module jars) and none of the fixtures that break them on purpose.
 */
class ProductionClassesTest {

    private static JavaClasses production;

    @BeforeAll
    static void importAsArchitectureTestDoes() {
        production = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .withImportOption(new ExcludeArchitectureTests())
                .importPackages(Layout.ROOT);
    }

    @Test
    void the_analysis_sees_every_module_from_its_jar() {
        Set<String> modules = production.stream()
                .map(JavaClass::getPackageName)
                .map(name -> Layout.moduleOf(Layout.ROOT, name).orElse(""))
                .collect(Collectors.toSet());

        assertThat(modules).contains("domain", "events", "security", "monitoring", "grading", "casework", "publishing", "gateway", "ui",
                "platform");
    }

    @Test
    void the_analysis_sees_the_generated_jooq_classes() {
        assertThat(production.stream().map(JavaClass::getPackageName))
                .anyMatch(name -> name.startsWith(Layout.ROOT + ".monitoring.db"));
    }

    @Test
    void the_analysis_leaves_out_the_fixtures_and_the_rules() {
        assertThat(production.stream().map(JavaClass::getPackageName))
                .noneMatch(name -> name.startsWith(Layout.ROOT + ".architecture"));
    }
}
