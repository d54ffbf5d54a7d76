package org.yuqing.ui.statements;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;
import org.yuqing.ui.ConsoleViewTestSupport;
import org.yuqing.ui.StandInGateway;
import org.yuqing.ui.StandInGateway.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.ui.statements.PublishingFixtures.AT;
import static org.yuqing.ui.statements.PublishingFixtures.CASE;
import static org.yuqing.ui.statements.PublishingFixtures.GATEWAY;
import static org.yuqing.ui.statements.PublishingFixtures.HASH;
import static org.yuqing.ui.statements.PublishingFixtures.OTHER;
import static org.yuqing.ui.statements.PublishingFixtures.STATEMENT;
import static org.yuqing.ui.statements.PublishingFixtures.approval;
import static org.yuqing.ui.statements.PublishingFixtures.array;
import static org.yuqing.ui.statements.PublishingFixtures.lastBody;
import static org.yuqing.ui.statements.PublishingFixtures.ok;
import static org.yuqing.ui.statements.PublishingFixtures.on;
import static org.yuqing.ui.statements.PublishingFixtures.problem;
import static org.yuqing.ui.statements.PublishingFixtures.summary;

/**
 * 口径发布 driven in the JVM against the real console context; the stand-in gateway answers the publishing API's JSON.
 */
@ViewPackages(packages = "org.yuqing.ui")
class StatementsViewTest extends ConsoleViewTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASE = "/api/publishing/statements";
    private static final String BODY = "6月1日9时，化工厂发生爆炸，3人受伤。\n原因正在调查。";

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
        registry.add("yuqing.console.gateway.url", GATEWAY::url);
    }

    @BeforeEach
    void demoCase() {
        PublishingFixtures.reset();
        ok("GET /api/casework/cases", PublishingFixtures.cases());
        ok("GET /api/publishing/templates", PublishingFixtures.templates());
        ok("GET " + BASE + "/" + STATEMENT, halfApproved(HASH));
        ok("GET " + BASE + "/" + STATEMENT + "/versions", PublishingFixtures.versions());
        ok("GET " + BASE + "/" + STATEMENT + "/versions/1/diff/2", PublishingFixtures.diff());
        ok("GET " + BASE + "/" + STATEMENT + "/renditions",
                PublishingFixtures.renditions(HASH, "<script>alert(1)</script><img src=x onerror=alert(2)>"));
    }

    private static String halfApproved(String hash) {
        return PublishingFixtures.statement(STATEMENT, "关于化工厂爆炸的情况通报", BODY, "DRAFT", hash,
                "LEADER_IN_CHARGE", Instant.parse("2025-06-01T02:20:00Z"),
                List.of(approval("UNIT_HEAD", "APPROVE", "wang", null, Instant.parse("2025-06-01T02:20:00Z"), true)),
                List.of());
    }

    private void asDrafterAndPublisher() {
        signIn(TestTokens.shared().user("zhao").roles(Role.ANALYST, Role.PUBLISHER).units("district"));
    }

    @Test
    void the_list_shows_the_statements_of_the_case_with_kind_state_version_and_approvals_so_far() {
        ok("GET " + BASE, array(
                summary(STATEMENT, "FACT_REPORT", "事实通报", "关于化工厂爆炸的情况通报", "DRAFT", null),
                summary(OTHER, "RUMOUR_REBUTTAL", "辟谣", "关于网传“死亡10人”的情况说明", "PUBLISHED", AT)));
        ok("GET " + BASE + "/" + OTHER, PublishingFixtures.statement(OTHER, "关于网传“死亡10人”的情况说明", "经核实，该说法不实。",
                "PUBLISHED", HASH, null, AT, List.of(
                        approval("UNIT_HEAD", "APPROVE", "wang", null, AT, true),
                        approval("LEADER_IN_CHARGE", "APPROVE", "li", "同意发布", AT, true)), List.of()));
        ok("GET " + BASE + "/" + OTHER + "/versions", "[" + PublishingFixtures.versions().split("},")[0]
                .substring(1) + "}]");
        asDrafterAndPublisher();

        UI.getCurrent().navigate("statements");

        assertThat($(SideNavItem.class).id("nav-statements").getPath()).isEqualTo("statements");
        assertThat($(SideNavItem.class).id("nav-approvals").getPath()).isEqualTo("approvals");
        assertThat($(SideNavItem.class).id("nav-deliveries").getPath()).isEqualTo("deliveries");
        @SuppressWarnings("unchecked")
        Grid<StatementsView.Row> grid = $(Grid.class).id("statements-grid");
        assertThat(test(grid).size()).isEqualTo(2);
        assertThat(cell(grid, 0, "title")).isEqualTo("关于化工厂爆炸的情况通报");
        assertThat(cell(grid, 0, "kind")).isEqualTo("事实通报");
        assertThat(cell(grid, 0, "case")).isEqualTo("化工厂爆炸");
        assertThat(cell(grid, 0, "state")).isEqualTo("草稿");
        assertThat(cell(grid, 0, "version")).isEqualTo("第 2 版");
        assertThat(cell(grid, 0, "approvals")).isEqualTo("已审 1/2 · 待分管领导");
        assertThat(cell(grid, 1, "kind")).isEqualTo("辟谣");
        assertThat(cell(grid, 1, "state")).isEqualTo("已发布");
        assertThat(cell(grid, 1, "version")).isEqualTo("第 1 版");
        assertThat(cell(grid, 1, "approvals")).isEqualTo("已审 2/2");
        assertThat(GATEWAY.calls()).filteredOn(c -> c.request().equals("GET " + BASE))
                .extracting(StandInGateway.Call::query).containsOnly("caseId=" + CASE);

        test(grid).clickRow(0);

        assertThat(getCurrentView()).isInstanceOf(StatementEditorView.class);
        assertThat($(H2.class).id("statement-heading").getText()).isEqualTo("关于化工厂爆炸的情况通报");
    }

    @Test
    void a_new_draft_follows_the_template_of_its_kind_until_the_drafter_writes_and_is_saved_for_the_case() {
        on("POST " + BASE, c -> new Answer(201, halfApproved(HASH)));
        ok("GET " + BASE, array(summary(STATEMENT, "CAUSE_STATEMENT", "原因说明", "关于爆炸原因的说明", "DRAFT",
                null)));
        asDrafterAndPublisher();

        UI.getCurrent().navigate("statements/new", QueryParameters.simple(Map.of("case", CASE)));

        @SuppressWarnings("unchecked")
        Select<String> kind = $(Select.class).id("statement-kind");
        TextField title = $(TextField.class).id("statement-title");
        TextArea master = $(TextArea.class).id("statement-master");
        assertThat(kind.getValue()).isEqualTo("FACT_REPORT");
        assertThat(title.getValue()).isEqualTo("关于〔地点〕〔事件〕的情况通报");
        assertThat(master.getValue()).startsWith("〔日期时间〕，〔地点〕发生〔事件〕。");
        assertThat($(Paragraph.class).id("statement-guidance").getText()).contains("快报事实", "第一时间发布已核实的基本事实");
        assertThat($(Span.class).id("statement-meta").getText()).isEqualTo("案件：化工厂爆炸");

        test(kind).selectItem("进展通报");

        assertThat(title.getValue()).as("an untouched skeleton follows the kind").isEqualTo("关于〔事件〕的进展通报（〔第N次〕）");
        assertThat($(Paragraph.class).id("statement-guidance").getText()).contains("重报进展");

        test(title).setValue("关于爆炸原因的说明");
        test(master).setValue("经区应急管理局调查认定，爆炸系反应釜超压所致。");
        test(kind).selectItem("原因说明");

        assertThat(title.getValue()).as("the drafter's own text is kept").isEqualTo("关于爆炸原因的说明");
        assertThat($(Paragraph.class).id("statement-guidance").getText()).contains("慎报原因");

        test($(Button.class).id("statement-save")).click();

        JsonNode sent = JSON.readTree(lastBody("POST " + BASE));
        assertThat(sent.path("caseId").asString()).isEqualTo(CASE);
        assertThat(sent.path("kind").asString()).isEqualTo("CAUSE_STATEMENT");
        assertThat(sent.path("title").asString()).isEqualTo("关于爆炸原因的说明");
        assertThat(sent.path("body").asString()).isEqualTo("经区应急管理局调查认定，爆炸系反应釜超压所致。");
        assertThat(getCurrentView()).as("the new statement opens in its editor").isInstanceOf(StatementEditorView.class);
        assertThat(GATEWAY.requests()).contains("GET " + BASE + "/" + STATEMENT);
        assertThat(test($(Notification.class).withId("success-notification").last()).getText())
                .isEqualTo("已保存为第 1 版");
    }

    @Test
    void a_statement_shows_its_approvals_its_versions_the_readable_diff_and_every_channel_side_by_side() {
        asDrafterAndPublisher();

        UI.getCurrent().navigate("statements/" + STATEMENT);

        assertThat($(Span.class).id("statement-meta").getText())
                .isEqualTo("事实通报 · 草稿 · 第 2 版 · 指纹 9c1f6e0b7d2a · 起草人 zhao");
        assertThat($(ProgressBar.class).id("statement-approval-progress").getValue()).isEqualTo(0.5);
        assertThat($(Span.class).id("statement-approvals").getText()).isEqualTo("已审 1/2 · 待分管领导");
        assertThat($(Div.class).id("statement-decisions").getElement().getTextRecursively())
                .contains("单位负责人 wang 同意");
        assertThat($(Select.class).id("statement-kind").isReadOnly()).as("the kind of a saved statement is fixed")
                .isTrue();

        @SuppressWarnings("unchecked")
        Grid<StatementVersion> versions = $(Grid.class).id("statement-versions");
        assertThat(test(versions).size()).isEqualTo(2);
        assertThat(test(versions).getCellText(1, test(versions).getColumnPosition("hash")))
                .isEqualTo("9c1f6e0b7d2a · 当前");

        Div diff = $(Div.class).id("statement-diff");
        assertThat($(Span.class).from(diff).withClassName("diff-summary").single().getText())
                .isEqualTo("第 1 版 → 第 2 版：删去 1 行，新增 1 行");
        assertThat($(Div.class).from(diff).withClassName("diff-removed").single().getElement().getTextRecursively())
                .contains("6月1日9时，化工厂发生爆炸。");
        assertThat($(Span.class).from(diff).withClassName("diff-del").single().getText()).isEqualTo("。");
        assertThat($(Span.class).from(diff).withClassName("diff-ins").single().getText()).isEqualTo("，3人受伤。");

        assertThat($(Span.class).id("statement-renditions-hash").getText()).endsWith(HASH);
        Div sms = $(Div.class).id("rendition-sms");
        assertThat($(ListItem.class).from(sms).all()).extracting(ListItem::getText)
                .hasSize(2).allSatisfy(segment -> assertThat(segment).startsWith("(").contains("/2)"));
        assertThat($(Span.class).from(sms).withClassName("rendition-facts").single().getText())
                .startsWith("共 2 条短信 · ");
        Div microblog = $(Div.class).id("rendition-microblog");
        assertThat($(Span.class).from(microblog).withClassName("rendition-facts").single().getText())
                .isEqualTo("42 字");
        String article = $(Div.class).from($(Div.class).id("rendition-wechat")).withClassName("rendition-html")
                .single().getElement().getProperty("innerHTML");
        assertThat(article).contains("<h1 style=\"font-size:22px;text-align:center;\">关于化工厂爆炸的情况通报</h1>")
                .doesNotContain("<script", "alert(1)", "onerror", "<img");
        assertThat($(Div.class).from($(Div.class).id("rendition-email")).withClassName("rendition-text").single()
                .getText()).contains("区委网信办");
        assertThat($(Span.class).from($(Div.class).id("rendition-email")).withClassName("rendition-subject").single()
                .getText()).isEqualTo("主题：【事实通报】关于化工厂爆炸的情况通报");
    }

    @Test
    void saving_a_changed_text_sends_it_as_a_new_version_and_says_that_earlier_approvals_are_void() {
        String newHash = "a".repeat(64);
        on("PUT " + BASE + "/" + STATEMENT, c -> Answer.ok(halfApproved(newHash)));
        on("GET " + BASE + "/" + STATEMENT + "/versions", c -> Answer.ok(
                GATEWAY.requests().contains("PUT " + BASE + "/" + STATEMENT)
                        ? PublishingFixtures.versions().replace("]", ",") + """
                        {"version":3,"title":"关于化工厂爆炸的情况通报","body":"x","contentHash":"%s","editedBy":"zhao",
                         "editedAt":"2025-06-01T02:40:00Z","current":true}]""".formatted(newHash)
                        : PublishingFixtures.versions()));
        asDrafterAndPublisher();
        UI.getCurrent().navigate("statements/" + STATEMENT);

        test($(Button.class).id("statement-save")).click();

        assertThat(GATEWAY.requests()).as("an unchanged text is not sent").doesNotContain("PUT " + BASE + "/" + STATEMENT);
        assertThat(test($(Notification.class).withId("success-notification").last()).getText())
                .isEqualTo("文本没有变化，未产生新版本");

        $(Notification.class).all().forEach(Notification::close);
        test($(TextArea.class).id("statement-master")).setValue(BODY + "\n伤者已送医救治。");
        test($(Button.class).id("statement-save")).click();

        JsonNode sent = JSON.readTree(lastBody("PUT " + BASE + "/" + STATEMENT));
        assertThat(sent.path("title").asString()).isEqualTo("关于化工厂爆炸的情况通报");
        assertThat(sent.path("body").asString()).isEqualTo(BODY + "\n伤者已送医救治。");
        assertThat(test($(Notification.class).withId("success-notification").last()).getText())
                .isEqualTo("已保存为第 3 版；此前的审批针对旧文本，已失效，需重新审批");
    }

    @Test
    void submitting_says_which_step_the_text_waits_for_and_a_release_lacking_approvals_shows_the_services_409() {
        String detail = "the current text lacks the approvals its MAJOR case requires: LEADER_IN_CHARGE (分管领导)";
        on("POST " + BASE + "/" + STATEMENT + "/publish", c -> problem(409, "approvals-missing", "Release refused",
                detail));
        asDrafterAndPublisher();
        UI.getCurrent().navigate("statements/" + STATEMENT);

        test($(Button.class).id("statement-submit")).click();

        assertThat(test($(Notification.class).withId("success-notification").last()).getText())
                .isEqualTo("已提交审批，等待分管领导审定");
        assertThat(GATEWAY.requests()).doesNotContain("PUT " + BASE + "/" + STATEMENT);

        test($(Button.class).id("statement-release")).click();

        assertThat(GATEWAY.requests()).contains("POST " + BASE + "/" + STATEMENT + "/publish");
        assertThat(test($(Notification.class).withId("error-notification").last()).getText()).isEqualTo(detail);
        assertThat($(Span.class).id("statement-status").getText()).isEqualTo(detail);
    }

    @Test
    void only_publishers_see_the_release_button() {
        signIn(TestTokens.shared().user("zhao").roles(Role.ANALYST).units("district"));

        UI.getCurrent().navigate("statements/" + STATEMENT);

        assertThat($(Button.class).withId("statement-release").exists()).isFalse();
        assertThat($(Button.class).id("statement-save").isEnabled()).isTrue();
    }

    @Test
    void an_unknown_statement_shows_the_services_explanation_instead_of_an_editor() {
        on("GET " + BASE + "/" + OTHER, c -> problem(404, "statement-not-found", "Statement not found",
                "no statement " + OTHER));
        asDrafterAndPublisher();

        UI.getCurrent().navigate("statements/" + OTHER);

        assertThat($(H2.class).id("statement-heading").getText()).isEqualTo("找不到该口径");
        assertThat($(Span.class).id("statement-meta").getText()).isEqualTo("no statement " + OTHER);
        assertThat($(Button.class).id("statement-save").isEnabled()).isFalse();
    }

    @Test
    void a_publisher_schedules_the_release_in_beijing_time_and_cancels_it() {
        String schedule = BASE + "/" + STATEMENT + "/schedule";
        on("PUT " + schedule, c -> Answer.ok(halfApproved(HASH)));
        on("DELETE " + schedule, c -> Answer.ok(halfApproved(HASH)));
        on("GET " + BASE + "/" + STATEMENT, c -> Answer.ok(GATEWAY.requests().contains("PUT " + schedule)
                && !GATEWAY.requests().contains("DELETE " + schedule)
                ? halfApproved(HASH).replace("\"scheduledAt\":null,\"scheduledBy\":null",
                "\"scheduledAt\":\"2025-06-02T00:00:00Z\",\"scheduledBy\":\"zhao\"")
                : halfApproved(HASH)));
        asDrafterAndPublisher();
        UI.getCurrent().navigate("statements/" + STATEMENT);
        assertThat($(Span.class).id("statement-schedule-info").getText()).isEqualTo("未设定时发布");

        test($(DateTimePicker.class).id("statement-schedule-at")).setValue(java.time.LocalDateTime.of(2025, 6, 2, 8, 0));
        test($(Button.class).id("statement-schedule")).click();

        assertThat(JSON.readTree(lastBody("PUT " + schedule)).path("at").asString())
                .as("08:00 Beijing time").isEqualTo("2025-06-02T00:00:00Z");
        assertThat($(Span.class).id("statement-schedule-info").getText()).isEqualTo("将于 2025-06-02 08:00 定时发布（zhao 设定）");

        test($(Button.class).id("statement-schedule-cancel")).click();

        assertThat(GATEWAY.requests()).contains("DELETE " + schedule);
        assertThat($(Span.class).id("statement-schedule-info").getText()).isEqualTo("未设定时发布");
    }

    @Test
    void a_published_statement_is_retracted_with_a_reason_or_corrected_by_a_notice_that_opens_in_the_editor() {
        String published = PublishingFixtures.statement(OTHER, "关于网传“死亡10人”的情况说明", "经核实，该说法不实。",
                "PUBLISHED", HASH, null, AT, List.of(), List.of());
        ok("GET " + BASE + "/" + OTHER, published);
        ok("GET " + BASE + "/" + OTHER + "/versions", PublishingFixtures.versions());
        ok("GET " + BASE + "/" + OTHER + "/renditions", PublishingFixtures.renditions(HASH, ""));
        on("POST " + BASE + "/" + OTHER + "/retract", c -> Answer.ok(published));
        on("POST " + BASE + "/" + OTHER + "/corrections", c -> new Answer(201, halfApproved(HASH)));
        ok("GET " + BASE, array(summary(STATEMENT, "FACT_REPORT", "事实通报", "关于“情况说明”的更正说明", "DRAFT", null)
                .replace("\"corrects\":null", "\"corrects\":\"" + OTHER + "\"")));
        asDrafterAndPublisher();
        UI.getCurrent().navigate("statements/" + OTHER);
        assertThat($(Button.class).withId("statement-schedule").exists()).as("nothing to schedule once published")
                .isFalse();
        assertThat($(TextArea.class).id("statement-master").isReadOnly()).isTrue();

        test($(Button.class).id("statement-retract")).click();
        test($(Button.class).id("retract-dialog-save")).click();
        assertThat(GATEWAY.requests()).as("no reason, no retraction").doesNotContain("POST " + BASE + "/" + OTHER + "/retract");
        test($(TextArea.class).id("retract-reason")).setValue("经核实伤亡数字有误");
        test($(Button.class).id("retract-dialog-save")).click();

        assertThat(JSON.readTree(lastBody("POST " + BASE + "/" + OTHER + "/retract")).path("reason").asString())
                .isEqualTo("经核实伤亡数字有误");

        test($(Button.class).id("statement-correct")).click();
        assertThat($(TextField.class).id("correct-title").getValue()).isEqualTo("关于“关于网传“死亡10人”的情况说明”的更正说明");
        test($(TextField.class).id("correct-title")).setValue("关于“情况说明”的更正说明");
        test($(TextArea.class).id("correct-body")).setValue("6月1日发布的情况说明中，受伤人数应为3人。");
        test($(TextArea.class).id("correct-reason")).setValue("受伤人数有误");
        test($(Button.class).id("correct-dialog-save")).click();

        JsonNode sent = JSON.readTree(lastBody("POST " + BASE + "/" + OTHER + "/corrections"));
        assertThat(sent.path("title").asString()).isEqualTo("关于“情况说明”的更正说明");
        assertThat(sent.path("body").asString()).isEqualTo("6月1日发布的情况说明中，受伤人数应为3人。");
        assertThat(sent.path("reason").asString()).isEqualTo("受伤人数有误");
        assertThat(GATEWAY.requests()).as("the notice opens in the editor")
                .contains("GET " + BASE + "/" + STATEMENT + "/renditions");
        assertThat($(H2.class).id("statement-heading").getText()).isEqualTo("关于化工厂爆炸的情况通报");
    }

    @Test
    void a_withdrawn_statement_says_how_and_why() {
        ok("GET " + BASE + "/" + OTHER, PublishingFixtures.statement(OTHER, "情况说明", "不实。", "PUBLISHED", HASH, null, AT,
                List.of(), List.of()).replace("\"withdrawal\":null", """
                "withdrawal":{"kind":"RETRACTION","kindName":"已撤回","reason":"伤亡数字有误","by":"zhao",
                 "at":"2025-06-01T04:00:00Z","noticeId":null}"""));
        ok("GET " + BASE + "/" + OTHER + "/versions", PublishingFixtures.versions());
        ok("GET " + BASE + "/" + OTHER + "/renditions", PublishingFixtures.renditions(HASH, ""));
        asDrafterAndPublisher();

        UI.getCurrent().navigate("statements/" + OTHER);

        assertThat($(Span.class).id("statement-withdrawal").getText()).isEqualTo("已撤回：伤亡数字有误（zhao，2025-06-01 12:00）");
        assertThat($(Button.class).withId("statement-retract").exists()).isFalse();
        assertThat($(Button.class).withId("statement-correct").exists()).isFalse();
    }

    private String cell(Grid<StatementsView.Row> grid, int row, String column) {
        return test(grid).getCellText(row, test(grid).getColumnPosition(column));
    }
}
