package org.yuqing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yuqing.architecture.fixtures.domain.domain.IncidentDetected;
import org.yuqing.architecture.fixtures.domain.domain.IncidentMetrics;
import org.yuqing.architecture.fixtures.domain.domain.events.EventFeed;

class DomainKernelRulesTest {

    private static final String ROOT = Fixtures.root("domain");

    @Test
    void a_domain_type_using_spring_is_reported() {
        String report = Fixtures.violationsReported(DomainKernelRules.domainImportsNoFramework(ROOT), ROOT);

        assertThat(report)
                .contains(ROOT + ".domain should import no Spring, Jackson, jOOQ, Vaadin or Elasticsearch client")
                .contains(IncidentDetected.class.getName())
                .contains("org.springframework.util.Assert")
                .doesNotContain(IncidentMetrics.class.getName())
                .doesNotContain(EventFeed.class.getName());
    }

    @Test
    void a_domain_type_using_a_library_outside_the_jdk_is_reported() {
        String report = Fixtures.violationsReported(DomainKernelRules.domainUsesOnlyTheJdk(ROOT), ROOT);

        assertThat(report)
                .contains(ROOT + ".domain should depend only on java.., javax.sql.. and itself")
                .contains(IncidentMetrics.class.getName())
                .contains("org.slf4j.LoggerFactory")
                .contains(IncidentDetected.class.getName());
    }

    @Test
    void a_domain_type_using_jdbc_and_the_jdk_http_client_is_not_reported() {
        String report = Fixtures.violationsReported(DomainKernelRules.domainUsesOnlyTheJdk(ROOT), ROOT);

        assertThat(report).doesNotContain(EventFeed.class.getName());
    }
}
