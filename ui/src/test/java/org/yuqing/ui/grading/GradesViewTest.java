package org.yuqing.ui.grading;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.Test;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** 研判: the recently graded incidents of the user's scope, each opening its grade page. */
@ViewPackages(packages = "org.yuqing.ui")
class GradesViewTest extends GradingViewTestSupport {

    @Test
    void the_list_shows_level_category_title_marks_and_last_change_and_a_row_opens_the_grade_page() {
        signIn(TestTokens.shared().user("lead").roles(Role.LEADER).units("district"));

        UI.getCurrent().navigate(GradesView.class);

        @SuppressWarnings("unchecked")
        Grid<GradingRecords.RecentGrade> grid = $(Grid.class).id("grades-grid");
        assertThat(test(grid).size()).isEqualTo(2);
        assertThat(test(grid).getCellComponent(0, "level").getElement().getText()).isEqualTo("重大（II级）");
        assertThat(test(grid).getCellText(0, test(grid).getColumnPosition("category"))).isEqualTo("询问质疑");
        assertThat(test(grid).getCellComponent(0, "title").getElement().getText()).isEqualTo("东湖化工厂爆炸");
        assertThat(test(grid).getCellText(0, test(grid).getColumnPosition("marks"))).isEqualTo("升级");
        assertThat(test(grid).getCellText(1, test(grid).getColumnPosition("marks"))).isEqualTo("已改定");
        assertThat(test(grid).getCellText(1, test(grid).getColumnPosition("lastChangedAt")))
                .isEqualTo("2026-11-19 13:00");
        assertThat(requests()).contains("GET /api/grading/incidents");

        test(grid).clickRow(0);

        assertThat(getCurrentView()).isInstanceOf(IncidentGradeView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("grading/incidents/" + INCIDENT);
    }
}
