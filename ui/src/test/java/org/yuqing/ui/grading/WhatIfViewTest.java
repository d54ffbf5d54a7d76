package org.yuqing.ui.grading;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 研判推演: the snapshot form sends exactly the numbers and flags entered, the result shows the level in its colour,
 * the category and every reason with its plan section; the comparison shows both plans side by side.
 */
@ViewPackages(packages = "org.yuqing.ui")
class WhatIfViewTest extends GradingViewTestSupport {

    private void open() {
        signIn(TestTokens.shared().user("mon").roles(Role.MONITOR).units("district"));
        UI.getCurrent().navigate(WhatIfView.class);
        GATEWAY.forget();
    }

    @Test
    void a_what_if_sends_the_snapshot_and_shows_level_category_reasons_with_sections_and_terms() {
        open();
        test($(IntegerField.class).id("whatif-volume")).setValue(620);
        test($(IntegerField.class).id("whatif-mainstreamOutlets")).setValue(2);
        test($(TextField.class).id("whatif-title")).setValue("网民质疑化工厂");
        test($(Checkbox.class).id("whatif-flag-SENSITIVE_DOMAIN")).click();

        test($(Button.class).id("whatif-run")).click();

        assertThat(requests()).containsExactly("GET /api/grading/what-if?volume=620&mainstreamOutlets=2"
                + "&flags=SENSITIVE_DOMAIN&title=%E7%BD%91%E6%B0%91%E8%B4%A8%E7%96%91%E5%8C%96%E5%B7%A5%E5%8E%82"
                + "&planId=district");
        Div result = $(Div.class).id("whatif-result");
        Span level = $(Span.class, result).withClassName("level-badge").single();
        assertThat(level.getText()).isEqualTo("重大（II级）");
        assertThat(level.getElement().getAttribute("data-level")).isEqualTo("MAJOR");
        assertThat($(Span.class).id("whatif-category").getText()).isEqualTo("分类：询问质疑（置信度 75%）");
        UnorderedList reasons = $(UnorderedList.class).id("whatif-reasons");
        assertThat($(ListItem.class, reasons).all()).extracting(item -> item.getElement().getTextRecursively()).containsExactly(
                "舆情总量 620 篇 > 500（区网络舆情处置工作应急预案 六(三)3）",
                "主流媒体 2 家 ≥ 1（区网络舆情处置工作应急预案 六(三)3）");
        assertThat(result.getElement().getTextRecursively())
                .contains("报告时限 2小时", "发布审批：单位负责人 → 分管领导 → 主要领导");
    }

    @Test
    void comparing_shows_both_plans_side_by_side_with_the_conditions_only_one_has() {
        open();
        test($(IntegerField.class).id("whatif-volume")).setValue(620);
        @SuppressWarnings("unchecked")
        Select<GradingRecords.PlanSummary> second = $(Select.class).id("whatif-compare-plan");
        test(second).selectItem("安全生产网络舆情应对预案 · 第 1 版");

        test($(Button.class).id("whatif-compare")).click();

        assertThat(requests()).containsExactly(
                "GET /api/grading/what-if/compare?volume=620&planA=district&planB=work-safety");
        Div comparison = $(Div.class).id("whatif-comparison");
        VerticalLayout a = $(VerticalLayout.class, comparison).id("whatif-side-a");
        VerticalLayout b = $(VerticalLayout.class, comparison).id("whatif-side-b");
        assertThat(a.getElement().getTextRecursively()).contains("区网络舆情处置工作应急预案", "重大（II级）");
        assertThat(b.getElement().getTextRecursively()).contains("安全生产网络舆情应对预案", "一般（IV级）",
                "自动立案：否");
        assertThat($(ListItem.class, $(UnorderedList.class).id("whatif-differences")).all())
                .extracting(item -> item.getElement().getTextRecursively()).containsExactly(
                        "重大（II级）：仅《区网络舆情处置工作应急预案》有条件“舆情总量 > 500”（六(三)3），本次满足",
                        "重大（II级）：仅《安全生产网络舆情应对预案》有条件“转发量 > 300”（二(三)3），本次不满足");
        assertThat(comparison.getElement().getTextRecursively()).contains("两个预案定级不同。");
    }

    @Test
    void query_parameters_fill_the_form_so_an_incident_can_open_it_with_its_own_numbers() {
        signIn(TestTokens.shared().user("mon").roles(Role.MONITOR).units("district"));

        UI.getCurrent().navigate("what-if", QueryParameters.fromString(
                "planId=work-safety&volume=12&reads24h=3000&flags=CASUALTIES,GROUP_VIOLENCE"));

        assertThat($(IntegerField.class).id("whatif-volume").getValue()).isEqualTo(12);
        assertThat($(IntegerField.class).id("whatif-reads24h").getValue()).isEqualTo(3000);
        assertThat($(Checkbox.class).id("whatif-flag-CASUALTIES").getValue()).isTrue();
        assertThat($(Checkbox.class).id("whatif-flag-GROUP_VIOLENCE").getValue()).isTrue();
        assertThat($(Checkbox.class).id("whatif-flag-SENSITIVE_DOMAIN").getValue()).isFalse();
        @SuppressWarnings("unchecked")
        Select<GradingRecords.PlanSummary> plan = $(Select.class).id("whatif-plan");
        assertThat(plan.getValue().id()).isEqualTo("work-safety");
    }
}
