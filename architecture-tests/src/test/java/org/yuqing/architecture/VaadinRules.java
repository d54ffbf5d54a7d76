package org.yuqing.architecture;

import com.tngtech.archunit.lang.ArchRule;

/** Vaadin belongs to the console. */
final class VaadinRules {

    private VaadinRules() {
    }

    /** Only {@code <root>.ui} uses Vaadin. */
    static ArchRule onlyUiUsesVaadin(String root) {
        return ModuleLibraries.onlyModuleUses(root, "ui", "Vaadin",
                "the console is the only user interface; the services expose HTTP APIs that the console "
                        + "calls through the gateway",
                "com.vaadin..");
    }
}
