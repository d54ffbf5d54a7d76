package org.yuqing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.yuqing.architecture.Layout.DOMAIN;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The shared kernel stays plain Java: no framework, no library a module brings, so every module (and a future one in
 * another stack) can use it.
 */
final class DomainKernelRules {

    /** The frameworks and clients the other modules use, named so that a violation reads plainly. */
    static final String[] FRAMEWORKS = {
            "org.springframework..",
            "com.fasterxml.jackson..",
            "tools.jackson..",
            "org.jooq..",
            "com.vaadin..",
            "co.elastic.clients..",
            "org.elasticsearch.."
    };

    private DomainKernelRules() {
    }

    /** {@code <root>.domain} imports no Spring, Jackson, jOOQ, Vaadin or Elasticsearch client. */
    static ArchRule domainImportsNoFramework(String root) {
        String domain = root + "." + DOMAIN;
        return noClasses().that().resideInAPackage(domain + "..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .as(domain + " should import no Spring, Jackson, jOOQ, Vaadin or Elasticsearch client")
                .because("the shared kernel is plain Java: every module depends on it, and a framework in it "
                        + "would be forced on all of them")
                .allowEmptyShould(true);
    }

    /** {@code <root>.domain} uses only the JDK ({@code java..}, {@code javax.sql..}) and itself. */
    static ArchRule domainUsesOnlyTheJdk(String root) {
        String domain = root + "." + DOMAIN;
        return classes().that().resideInAPackage(domain + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.sql..", domain + "..")
                .as(domain + " should depend only on java.., javax.sql.. and itself")
                .because("the shared kernel, including its JDBC and java.net.http event feed, is plain Java with "
                        + "no third-party dependency and no dependency on any module")
                .allowEmptyShould(true);
    }
}
