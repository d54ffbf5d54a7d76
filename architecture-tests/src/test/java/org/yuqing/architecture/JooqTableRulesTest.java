package org.yuqing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yuqing.architecture.fixtures.jooq.grading.regrading.OutboxPeek;
import org.yuqing.architecture.fixtures.jooq.monitoring.db.tables.Outbox;
import org.yuqing.architecture.fixtures.jooq.monitoring.ingest.OutboxWriter;

class JooqTableRulesTest {

    private static final String ROOT = Fixtures.root("jooq");

    @Test
    void a_module_using_another_modules_jooq_tables_is_reported() {
        String report = Fixtures.violationsReported(JooqTableRules.onlyOwningModuleTouchesItsTables(ROOT), ROOT);

        assertThat(report)
                .contains("only the owning module should use the jOOQ classes in " + ROOT + ".<module>.db")
                .contains(OutboxPeek.class.getName())
                .contains(Outbox.class.getName())
                .doesNotContain(OutboxWriter.class.getName());
    }
}
