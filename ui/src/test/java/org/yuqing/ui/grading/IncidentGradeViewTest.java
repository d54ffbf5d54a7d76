package org.yuqing.ui.grading;

import java.util.List;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.Test;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An incident's grade page: level, category, reasons with their plan sections, the plan version, the history of grades
 * and overrides in time order with the escalation marked; an analyst's override needs a reason.
 */
@ViewPackages(packages = "org.yuqing.ui")
class IncidentGradeViewTest extends GradingViewTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private void asAnalyst() {
        signIn(TestTokens.shared().user("li").roles(Role.ANALYST).units("district"));
    }

    @Test
    void the_page_shows_the_grade_its_reasons_the_plan_version_and_the_history_in_time_order() {
        asAnalyst();

        UI.getCurrent().navigate("grading/incidents/" + INCIDENT);

        assertThat($(H2.class).id("grade-heading").getText()).isEqualTo("东湖化工厂爆炸");
        assertThat($(Span.class).id("grade-level").getText()).isEqualTo("重大（II级）");
        assertThat($(Span.class).id("grade-category").getText()).isEqualTo("分类：询问质疑");
        assertThat($(Span.class).id("grade-plan").getText())
                .isEqualTo("定级预案：区网络舆情处置工作应急预案 · 第 1 版 · 定级于 2026-11-20 11:00");
        UnorderedList reasons = $(UnorderedList.class).id("grade-reasons");
        List<ListItem> items = $(ListItem.class, reasons).all();
        assertThat(items).extracting(item -> item.getElement().getTextRecursively()).containsExactly(
                "主流媒体 2 家 ≥ 1（区网络舆情处置工作应急预案 六(三)3）",
                "舆情总量 620 篇 > 500（区网络舆情处置工作应急预案 六(三)3）");
        assertThat($(Span.class, items.getFirst()).withClassName("reason-section").single().getText())
                .isEqualTo("（区网络舆情处置工作应急预案 六(三)3）");
        @SuppressWarnings("unchecked")
        Grid<GradingRecords.HistoryEntry> history = $(Grid.class).id("grade-history");
        assertThat(test(history).size()).isEqualTo(2);
        int at = test(history).getColumnPosition("at");
        assertThat(test(history).getCellText(0, at)).isEqualTo("2026-11-20 09:00");
        assertThat(test(history).getCellText(1, at)).isEqualTo("2026-11-20 11:00");
        assertThat(test(history).getCellComponent(0, "level").getElement().getTextRecursively()).isEqualTo("较大（III级）");
        assertThat(test(history).getCellComponent(1, "level").getElement().getTextRecursively())
                .isEqualTo("重大（II级）升级（原 较大（III级））");
        assertThat(history.getPartNameGenerator().apply(test(history).getRow(1))).isEqualTo("escalation");
        assertThat(test(history).getCellText(0, test(history).getColumnPosition("source"))).isEqualTo("系统定级");
        assertThat($(Anchor.class).id("grade-whatif-link").getHref()).startsWith("what-if?").contains("planId=district")
                .contains("volume=620", "mainstreamOutlets=2", "flags=SENSITIVE_DOMAIN");
    }

    @Test
    void an_override_is_refused_in_the_dialog_without_a_reason_and_sent_with_one() {
        asAnalyst();
        UI.getCurrent().navigate("grading/incidents/" + INCIDENT);
        GATEWAY.forget();

        test($(Button.class).id("grade-override")).click();
        @SuppressWarnings("unchecked")
        Select<Object> level = $(Select.class).id("override-level");
        test(level).selectItem("较大（III级）");
        test($(Button.class).id("grade-override-dialog-save")).click();

        TextArea reason = $(TextArea.class).id("override-reason");
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("必须填写原因");
        assertThat(requests()).noneMatch(r -> r.startsWith("POST"));

        test(reason).setValue("经核实为旧闻转载");
        test($(Button.class).id("grade-override-dialog-save")).click();

        JsonNode sent = JSON.readTree(lastBody("POST /api/grading/incidents/" + INCIDENT + "/override"));
        assertThat(sent.path("level").asString()).isEqualTo("SERIOUS");
        assertThat(sent.path("category").isMissingNode()).isTrue();
        assertThat(sent.path("reason").asString()).isEqualTo("经核实为旧闻转载");
        assertThat($(Span.class).id("grade-level").getText()).isEqualTo("较大（III级）");
        assertThat($(Span.class).id("grade-override-info").getText()).contains("li", "经核实为旧闻转载");
        @SuppressWarnings("unchecked")
        Grid<GradingRecords.HistoryEntry> history = $(Grid.class).id("grade-history");
        assertThat(test(history).size()).isEqualTo(3);
        assertThat(test(history).getCellText(2, test(history).getColumnPosition("source"))).isEqualTo("分析员 li");
    }

    @Test
    void clearing_the_override_and_confirming_the_category_each_send_the_reason() {
        asAnalyst();
        UI.getCurrent().navigate("grading/incidents/" + OVERRIDDEN);
        GATEWAY.forget();

        test($(Button.class).id("grade-confirm")).click();
        test($(TextArea.class).id("confirm-reason")).setValue("核实为询问");
        test($(Button.class).id("grade-confirm-dialog-save")).click();
        JsonNode confirmed = JSON.readTree(lastBody("POST /api/grading/incidents/" + OVERRIDDEN + "/override"));

        assertThat(confirmed.path("category").asString()).isEqualTo("INQUIRY");
        assertThat(confirmed.path("level").isMissingNode()).isTrue();
        assertThat(confirmed.path("reason").asString()).isEqualTo("核实为询问");

        UI.getCurrent().navigate("grading/incidents/" + INCIDENT);
        overrideInForce = true;
        UI.getCurrent().navigate("grading/incidents/" + OVERRIDDEN);
        test($(Button.class).id("grade-clear")).click();
        test($(Button.class).id("grade-clear-dialog-save")).click();
        assertThat($(TextArea.class).id("clear-reason").isInvalid()).isTrue();
        test($(TextArea.class).id("clear-reason")).setValue("出现新的主流报道");
        test($(Button.class).id("grade-clear-dialog-save")).click();

        assertThat(requests()).contains("DELETE /api/grading/incidents/" + OVERRIDDEN
                + "/override?reason=%E5%87%BA%E7%8E%B0%E6%96%B0%E7%9A%84%E4%B8%BB%E6%B5%81%E6%8A%A5%E9%81%93");
    }

    @Test
    void only_analysts_get_the_override_buttons() {
        signIn(TestTokens.shared().user("boss").roles(Role.LEADER, Role.ADMIN).units("district"));

        UI.getCurrent().navigate("grading/incidents/" + OVERRIDDEN);

        assertThat($(Span.class).id("grade-level").getText()).isEqualTo("较大（III级）");
        for (String id : List.of("grade-override", "grade-confirm", "grade-clear")) {
            assertThat($(Button.class).withId(id).exists()).as(id).isFalse();
        }
    }

    @Test
    void an_incident_grading_does_not_know_shows_the_services_explanation() {
        asAnalyst();

        UI.getCurrent().navigate("grading/incidents/00000000-0000-0000-0000-000000000000");

        assertThat($(Paragraph.class).id("grade-error").getText())
                .isEqualTo("未找到事件 00000000-0000-0000-0000-000000000000 的定级");
        assertThat($(Notification.class).withId("error-notification").exists()).isFalse();
    }
}
