package org.yuqing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yuqing.architecture.fixtures.vaadin.publishing.statements.StatementPreview;
import org.yuqing.architecture.fixtures.vaadin.ui.cases.CaseView;

class VaadinRulesTest {

    private static final String ROOT = Fixtures.root("vaadin");

    @Test
    void a_module_other_than_ui_using_vaadin_is_reported() {
        String report = Fixtures.violationsReported(VaadinRules.onlyUiUsesVaadin(ROOT), ROOT);

        assertThat(report)
                .contains("only " + ROOT + ".ui should use Vaadin")
                .contains(StatementPreview.class.getName())
                .contains("com.vaadin.flow.component.html.Span")
                .doesNotContain(CaseView.class.getName());
    }
}
