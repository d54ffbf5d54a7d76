package org.yuqing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/** The shape shared by the rules that give a library to a single module. */
final class ModuleLibraries {

    private ModuleLibraries() {
    }

    /**
     * No class under {@code root} outside {@code <root>.<module>} depends on a class in {@code libraryPackages}.
     *
     * @param library the library's name as a reader knows it, for the rule's sentence
     * @param libraryPackages package identifiers in ArchUnit's syntax, e.g. {@code "com.vaadin.."}
     */
    static ArchRule onlyModuleUses(String root, String module, String library, String reason,
            String... libraryPackages) {
        String owner = root + "." + module;
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(owner + "..")
                .should().dependOnClassesThat().resideInAnyPackage(libraryPackages)
                .as("only " + owner + " should use " + library + " (" + String.join(", ", libraryPackages) + ")")
                .because(reason);
    }
}
