package org.yuqing.ui.approvals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;
import org.yuqing.ui.ConsoleViewTestSupport;
import org.yuqing.ui.StandInGateway.Answer;
import org.yuqing.ui.statements.PublishingFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.ui.statements.PublishingFixtures.AT;
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
 * The approval inbox driven in the JVM against the real console context; the stand-in gateway answers the publishing
 * API's JSON: one statement waits for 分管领导, one was returned by 单位负责人 and not revised, one is published.
 */
@ViewPackages(packages = "org.yuqing.ui")
class ApprovalsViewTest extends ConsoleViewTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASE = "/api/publishing/statements";
    private static final String BODY = "6月1日9时，化工厂发生爆炸，3人受伤。\n原因正在调查。";
    private static final String PUBLISHED = "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f";
    private static final Instant REJECTED_AT = Instant.parse("2025-06-01T02:15:00Z");

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
        registry.add("yuqing.console.gateway.url", GATEWAY::url);
    }

    @BeforeEach
    void inbox() {
        PublishingFixtures.reset();
        ok("GET /api/casework/cases", PublishingFixtures.cases());
        ok("GET " + BASE, array(
                summary(STATEMENT, "FACT_REPORT", "事实通报", "关于化工厂爆炸的情况通报", "DRAFT", null),
                summary(OTHER, "FACT_REPORT", "事实通报", "关于化工厂爆炸的说明", "DRAFT", null),
                summary(PUBLISHED, "FACT_REPORT", "事实通报", "已发布的通报", "PUBLISHED", AT)));
        ok("GET " + BASE + "/" + STATEMENT, waiting(HASH));
        ok("GET " + BASE + "/" + OTHER, PublishingFixtures.statement(OTHER, "关于化工厂爆炸的说明", "化工厂爆炸。", "DRAFT",
                HASH, "UNIT_HEAD", REJECTED_AT, List.of(approval("UNIT_HEAD", "REJECT", "wang", "请补充伤亡情况",
                        REJECTED_AT, false)), List.of()));
        ok("GET " + BASE + "/" + STATEMENT + "/renditions", PublishingFixtures.renditions(HASH, ""));
    }

    private static String waiting(String hash) {
        return PublishingFixtures.statement(STATEMENT, "关于化工厂爆炸的情况通报", BODY, "DRAFT", hash,
                "LEADER_IN_CHARGE", Instant.parse("2025-06-01T02:20:00Z"),
                List.of(approval("UNIT_HEAD", "APPROVE", "wang", null, Instant.parse("2025-06-01T02:20:00Z"), true)),
                List.of());
    }

    private void asLeader() {
        signIn(TestTokens.shared().user("li").roles(Role.LEADER).units("district"));
    }

    @SuppressWarnings("unchecked")
    private Grid<ApprovalsView.Waiting> grid() {
        return $(Grid.class).id("approvals-grid");
    }

    @Test
    void a_leader_sees_what_waits_for_a_step_with_exactly_the_text_and_renditions_the_approval_binds() {
        asLeader();

        UI.getCurrent().navigate("approvals");

        Grid<ApprovalsView.Waiting> grid = grid();
        assertThat(test(grid).size()).as("the returned and the published statement wait for nobody").isEqualTo(1);
        assertThat(test(grid).getCellText(0, test(grid).getColumnPosition("title"))).isEqualTo("关于化工厂爆炸的情况通报");
        assertThat(test(grid).getCellText(0, test(grid).getColumnPosition("case"))).isEqualTo("化工厂爆炸");
        assertThat(test(grid).getCellText(0, test(grid).getColumnPosition("step"))).isEqualTo("分管领导");
        assertThat(test(grid).getCellText(0, test(grid).getColumnPosition("approvals"))).isEqualTo("已审 1/2 · 待分管领导");
        assertThat($(Span.class).id("approvals-status").getText()).isEqualTo("待审批 1 条");
        assertThat(GATEWAY.requests()).as("a published statement is not read").doesNotContain("GET " + BASE + "/" + PUBLISHED);

        test(grid).select(0);

        assertThat($(H3.class).id("approval-title").getText()).isEqualTo("关于化工厂爆炸的情况通报");
        assertThat($(Div.class).id("approval-body").getText()).isEqualTo(BODY);
        assertThat($(Span.class).id("approval-hash").getText()).isEqualTo("本次审批绑定的内容指纹：" + HASH);
        assertThat($(Span.class).id("approval-facts").getText()).isEqualTo("事实通报 · 重大案件 · 起草人 zhao · 待分管领导审定");
        assertThat($(Span.class).id("approval-renditions-hash").getText()).endsWith(HASH);
        assertThat($(Div.class).from($(Div.class).id("approval-renditions")).withId("rendition-sms").exists()).isTrue();
        assertThat($(Div.class).id("approval-history").getElement().getTextRecursively()).contains("单位负责人 wang 同意");
        assertThat($(Button.class).id("approval-approve").getText()).isEqualTo("同意（分管领导）");
    }

    @Test
    void a_rejection_needs_a_comment_and_goes_out_with_the_step_it_decides() {
        on("POST " + BASE + "/" + STATEMENT + "/approvals", c -> new Answer(200, waiting(HASH)));
        asLeader();
        UI.getCurrent().navigate("approvals");
        test(grid()).select(0);

        test($(Button.class).id("approval-reject")).click();

        assertThat(GATEWAY.requests()).doesNotContain("POST " + BASE + "/" + STATEMENT + "/approvals");
        assertThat($(TextArea.class).id("approval-comment").isInvalid()).isTrue();
        assertThat(test($(Notification.class).withId("error-notification").last()).getText())
                .isEqualTo("退回须填写审批意见，说明需要修改什么");

        test($(TextArea.class).id("approval-comment")).setValue("  伤者人数请与医院核实  ");
        test($(Button.class).id("approval-reject")).click();

        JsonNode sent = JSON.readTree(lastBody("POST " + BASE + "/" + STATEMENT + "/approvals"));
        assertThat(sent.path("step").asString()).isEqualTo("LEADER_IN_CHARGE");
        assertThat(sent.path("decision").asString()).isEqualTo("REJECT");
        assertThat(sent.path("comment").asString()).isEqualTo("伤者人数请与医院核实");
        assertThat(test($(Notification.class).withId("success-notification").last()).getText())
                .isEqualTo("已退回（分管领导）：关于化工厂爆炸的情况通报");
    }

    @Test
    void approving_sends_the_decision_and_a_refusal_of_the_service_is_shown_as_it_explains_it() {
        on("POST " + BASE + "/" + STATEMENT + "/approvals", c -> GATEWAY.requests().stream()
                .filter(r -> r.equals("POST " + BASE + "/" + STATEMENT + "/approvals")).count() == 1
                ? new Answer(200, waiting(HASH))
                : problem(409, "approval-out-of-order", "Approval out of order",
                "the next approval must be MAIN_LEADER (主要领导), not LEADER_IN_CHARGE"));
        asLeader();
        UI.getCurrent().navigate("approvals");
        test(grid()).select(0);

        test($(Button.class).id("approval-approve")).click();

        JsonNode sent = JSON.readTree(lastBody("POST " + BASE + "/" + STATEMENT + "/approvals"));
        assertThat(sent.path("step").asString()).isEqualTo("LEADER_IN_CHARGE");
        assertThat(sent.path("decision").asString()).isEqualTo("APPROVE");
        assertThat(sent.path("comment").isNull()).isTrue();
        assertThat(sent.path("contentHash").asString()).as("the text the leader was shown").isEqualTo(HASH);
        assertThat(test($(Notification.class).withId("success-notification").last()).getText())
                .isEqualTo("已同意（分管领导）：关于化工厂爆炸的情况通报");

        test(grid()).select(0);
        test($(Button.class).id("approval-approve")).click();

        assertThat(test($(Notification.class).withId("error-notification").last()).getText())
                .isEqualTo("the next approval must be MAIN_LEADER (主要领导), not LEADER_IN_CHARGE");
    }

    @Test
    void a_text_changed_since_it_was_shown_is_not_decided_on_but_shown_anew() {
        asLeader();
        UI.getCurrent().navigate("approvals", QueryParameters.simple(Map.of("statement", STATEMENT)));
        assertThat($(Span.class).id("approval-hash").getText()).as("opened directly").endsWith(HASH);

        String changed = "b".repeat(64);
        ok("GET " + BASE + "/" + STATEMENT, waiting(changed));
        test($(Button.class).id("approval-approve")).click();

        assertThat(GATEWAY.requests()).doesNotContain("POST " + BASE + "/" + STATEMENT + "/approvals");
        assertThat(test($(Notification.class).withId("error-notification").last()).getText())
                .isEqualTo("文本在您审阅期间已被修改，请重新审阅当前文本");
        assertThat($(Span.class).id("approval-hash").getText()).endsWith(changed);
    }

    @Test
    void someone_who_is_not_a_leader_reads_the_inbox_but_cannot_decide() {
        signIn(TestTokens.shared().user("zhao").roles(Role.PUBLISHER, Role.ANALYST).units("district"));
        UI.getCurrent().navigate("approvals");
        test(grid()).select(0);

        assertThat($(Span.class).id("approvals-not-leader").getText()).isEqualTo("只有领导可以审批；您可以查看待审内容。");
        assertThat($(Button.class).withId("approval-approve").exists()).isFalse();
        assertThat($(Button.class).withId("approval-reject").exists()).isFalse();
    }
}
