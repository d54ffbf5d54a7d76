package org.yuqing.ui.grading;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.junit.jupiter.api.Test;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 预案管理 as an administrator and as everyone else: the plan list, a plan's levels, conditions, terms and versions,
 * the YAML editor with validation (422 errors listed with their paths and lines, nothing saved), saving as a new
 * version, import, export and assignment.
 */
@ViewPackages(packages = "org.yuqing.ui")
class PlansViewTest extends GradingViewTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private void asAdmin() {
        signIn(TestTokens.shared().user("admin").roles(Role.ADMIN).units("district").scope("district",
                "district-east"));
        GATEWAY.forget();
    }

    @SuppressWarnings("unchecked")
    private Grid<GradingRecords.PlanSummary> plans() {
        return $(Grid.class).id("plans-grid");
    }

    private void openDistrict() {
        UI.getCurrent().navigate(PlansView.class);
        test(plans()).select(0);
    }

    @Test
    void the_plan_list_shows_name_source_version_and_the_units_it_is_assigned_to() {
        asAdmin();
        UI.getCurrent().navigate(PlansView.class);

        Grid<GradingRecords.PlanSummary> grid = plans();
        assertThat(test(grid).size()).isEqualTo(2);
        assertThat(test(grid).getCellText(0, test(grid).getColumnPosition("name"))).isEqualTo("区网络舆情处置工作应急预案");
        assertThat(test(grid).getCellText(0, test(grid).getColumnPosition("source"))).contains("seeds/000");
        assertThat(test(grid).getCellText(0, test(grid).getColumnPosition("version"))).isEqualTo("第 1 版");
        assertThat(test(grid).getCellText(0, test(grid).getColumnPosition("units"))).isEqualTo("区委网信办");
        assertThat(test(grid).getCellText(1, test(grid).getColumnPosition("units"))).isEqualTo("—");
        assertThat($(SideNavItem.class).id("nav-plans").getPath()).isEqualTo("plans");
        assertThat($(SideNavItem.class).id("nav-what-if").getPath()).isEqualTo("what-if");
        assertThat($(SideNavItem.class).id("nav-grades").getPath()).isEqualTo("grades");
    }

    @Test
    void a_selected_plan_shows_its_levels_in_colour_with_conditions_sections_deadlines_approvals_and_versions() {
        asAdmin();
        openDistrict();

        assertThat($(com.vaadin.flow.component.html.H3.class).id("plan-title").getText())
                .isEqualTo("区网络舆情处置工作应急预案 · 第 1 版");
        Div major = $(Div.class).id("plan-level-MAJOR");
        Span badge = $(Span.class, major).withClassName("level-badge").first();
        assertThat(badge.getText()).isEqualTo("重大（II级）");
        assertThat(badge.getStyle().get("background")).isEqualTo("#ef7d00");
        assertThat($(ListItem.class, major).all()).extracting(item -> item.getElement().getTextRecursively()).contains(
                "舆情总量 > 500（依据：六(三)3）", "主流媒体数 ≥ 1（依据：六(三)3）", "涉及敏感领域（依据：六(三)3）");
        assertThat(text(major)).contains("报告时限 2小时", "首次发布 24小时", "自动立案：是",
                "发布审批：单位负责人 → 分管领导 → 主要领导");
        Div extraordinary = $(Div.class).id("plan-level-EXTRAORDINARY");
        assertThat($(ListItem.class, extraordinary).first().getElement().getTextRecursively()).isEqualTo("突发事件引发 且 有人员伤亡（依据：六(三)4）");
        assertThat(text(extraordinary)).contains("报告时限 1小时");
        assertThat(text($(Div.class).id("plan-level-GENERAL"))).contains("自动立案：否", "报告时限 24小时");
        @SuppressWarnings("unchecked")
        Grid<GradingRecords.PlanVersion> versions = $(Grid.class).id("plan-versions");
        assertThat(test(versions).size()).isEqualTo(1);
        TextArea editor = $(TextArea.class).id("plan-editor");
        assertThat(editor.getValue()).contains("id: district", "name: 区网络舆情处置工作应急预案", "metric: VOLUME");
        assertThat(editor.isReadOnly()).isFalse();
    }

    @Test
    void validating_an_invalid_document_lists_each_error_with_its_path_and_line_and_saving_it_stores_nothing() {
        asAdmin();
        openDistrict();
        TextArea editor = $(TextArea.class).id("plan-editor");
        String invalid = editor.getValue().replaceFirst("metric: VOLUME", "metric: CLICKS");
        test(editor).setValue(invalid);

        test($(Button.class).id("plan-validate")).click();

        JsonNode sent = JSON.readTree(lastBody("POST /api/grading/plans/validate"));
        assertThat(sent.path("levels").get(1).path("conditions").get(0).path("metric").asString()).isEqualTo("CLICKS");
        assertThat(requests()).contains("POST /api/grading/plans/validate?planId=district");
        int line = lineOf(invalid, "metric: CLICKS");
        assertThat(errorLines()).containsExactly(
                "/levels/1/conditions/0/metric（第 " + line + " 行）：未知的指标 \"CLICKS\"，可选：VOLUME、VOLUME_24H、READS",
                "/levels/2/terms/reportWithin（第 " + lineOf(invalid, "reportWithin: PT2H") + " 行）：时限 reportWithin 须为 ISO-8601 时长，如 PT2H，收到 \"two hours\"");
        assertThat($(Div.class).id("plan-errors").getChildren().findFirst().orElseThrow()
                .getChildren().map(c -> c.getElement().getAttribute("data-path")).toList())
                .containsExactly("/levels/1/conditions/0/metric", "/levels/2/terms/reportWithin");

        test($(Button.class).id("plan-save")).click();

        assertThat(requests()).contains("PUT /api/grading/plans/district");
        assertThat(errorLines()).hasSize(2);
        assertThat($(Span.class).id("plan-status").getText()).isEqualTo("未保存：请先修正以下错误。");
        assertThat(DISTRICT_VERSION.get()).as("nothing saved").isEqualTo(1);
        assertThat(test(plans()).getCellText(0, test(plans()).getColumnPosition("version"))).isEqualTo("第 1 版");
    }

    @Test
    void a_yaml_syntax_error_is_shown_with_its_line_and_nothing_is_sent() {
        asAdmin();
        openDistrict();
        GATEWAY.forget();

        test($(TextArea.class).id("plan-editor")).setValue("id: district\nname: [unclosed\nlevels: []\n");
        test($(Button.class).id("plan-save")).click();

        assertThat(errorLines()).singleElement().asString().startsWith("整个文档（第 ").contains("YAML 格式错误");
        assertThat(requests()).noneMatch(r -> r.startsWith("PUT") || r.startsWith("POST"));
    }

    @Test
    void saving_a_valid_edit_stores_it_as_the_next_version_and_says_which() {
        asAdmin();
        openDistrict();
        TextArea editor = $(TextArea.class).id("plan-editor");
        test(editor).setValue(editor.getValue().replace("value: 51", "value: 60"));

        test($(Button.class).id("plan-validate")).click();
        assertThat($(Span.class).id("plan-status").getText()).isEqualTo("校验通过，可保存为新版本。");
        test($(Button.class).id("plan-save")).click();

        JsonNode saved = JSON.readTree(lastBody("PUT /api/grading/plans/district"));
        assertThat(saved.path("id").asString()).isEqualTo("district");
        assertThat(saved.path("levels").get(1).path("conditions").get(0).path("value").asInt()).isEqualTo(60);
        assertThat(saved.path("levels").get(1).path("terms").path("opensCase").asBoolean()).isTrue();
        assertThat($(Span.class).id("plan-status").getText()).isEqualTo("已保存为第 2 版");
        assertThat($(Div.class).withId("plan-errors").exists()).as("no errors shown").isFalse();
        assertThat($(com.vaadin.flow.component.html.H3.class).id("plan-title").getText()).endsWith("第 2 版");
    }

    @Test
    void anyone_but_an_administrator_sees_the_plan_read_only() {
        signIn(TestTokens.shared().user("li").roles(Role.ANALYST, Role.LEADER, Role.MONITOR).units("district"));
        openDistrict();

        assertThat($(TextArea.class).id("plan-editor").isReadOnly()).isTrue();
        assertThat($(Div.class).id("plan-level-MAJOR").isVisible()).isTrue();
        for (String id : List.of("plan-validate", "plan-save", "plan-assign")) {
            assertThat($(Button.class).withId(id).exists()).as(id).isFalse();
        }
        assertThat($(Upload.class).withId("plan-import").exists()).isFalse();
        assertThat($(Select.class).withId("plan-assign-unit").exists()).isFalse();
        assertThat($(Anchor.class).id("plan-export-yaml").isVisible()).isTrue();
    }

    @Test
    void an_administrator_assigns_the_plan_to_a_unit_of_the_scope_keeping_its_topic_plans() {
        asAdmin();
        openDistrict();

        @SuppressWarnings("unchecked")
        Select<String> unit = $(Select.class).id("plan-assign-unit");
        assertThat(test(unit).getSuggestions()).containsExactly("区委网信办", "东湖街道");
        test(unit).selectItem("区委网信办");
        test($(Button.class).id("plan-assign")).click();

        JsonNode body = JSON.readTree(lastBody("PUT /api/grading/assignments/district"));
        assertThat(body.path("planId").asString()).isEqualTo("district");
        assertThat(body.path("topicOverrides").path(TOPIC.toString()).asString()).isEqualTo("work-safety");
    }

    @Test
    void an_imported_yaml_file_is_sent_as_the_plan_document_and_the_new_version_is_shown() {
        asAdmin();
        UI.getCurrent().navigate(PlansView.class);
        String yaml = PlanYaml.toYaml(PlanYaml.tree(DISTRICT)).replace("value: 51", "value: 55");

        test($(Upload.class).id("plan-import")).upload("district.yaml", "application/yaml",
                yaml.getBytes(StandardCharsets.UTF_8));

        JsonNode imported = JSON.readTree(lastBody("POST /api/grading/plans/import"));
        assertThat(imported.path("id").asString()).isEqualTo("district");
        assertThat(imported.path("levels").get(1).path("conditions").get(0).path("value").asInt()).isEqualTo(55);
        assertThat($(Span.class).id("plan-status").getText()).isEqualTo("已导入预案 district，当前为第 2 版");
    }

    @Test
    void an_export_downloads_the_shown_version_in_the_chosen_format() throws Exception {
        asAdmin();
        openDistrict();
        PlansView view = (PlansView) getCurrentView();

        DownloadResponse download = view.exportResponse("yaml");

        assertThat(download.getFileName()).isEqualTo("district-v1.yaml");
        assertThat(download.getContentType()).startsWith("application/yaml");
        assertThat(new String(download.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("id: district\nversion: 1\n");
        assertThat(requests()).contains("GET /api/grading/plans/district/versions/1/export?format=yaml");
    }

    private List<String> errorLines() {
        Div errors = $(Div.class).id("plan-errors");
        return $(ListItem.class, errors).all().stream().map(item -> item.getElement().getTextRecursively()).toList();
    }

    private static int lineOf(String text, String fragment) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError(fragment + " not in the document");
    }

    private static String text(Div div) {
        return div.getElement().getTextRecursively();
    }
}
