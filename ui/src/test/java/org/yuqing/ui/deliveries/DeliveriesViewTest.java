package org.yuqing.ui.deliveries;

import java.util.List;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;
import org.yuqing.ui.ConsoleViewTestSupport;
import org.yuqing.ui.StandInGateway.Answer;
import org.yuqing.ui.statements.PublishingFixtures;
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
import static org.yuqing.ui.statements.PublishingFixtures.release;
import static org.yuqing.ui.statements.PublishingFixtures.summary;

/**
 * The delivery board driven in the JVM against the real console context; the stand-in gateway answers the
 * publishing API's JSON: one published statement whose website release is delivered, email failed for good, webhook
 * still pending, and the manual channel waiting for a person.
 */
@ViewPackages(packages = "org.yuqing.ui")
class DeliveriesViewTest extends ConsoleViewTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASE = "/api/publishing/statements";
    private static final String PAGE = "http://127.0.0.1:8080/public/statements/" + STATEMENT;
    private static final String COPY = "【事实通报】关于化工厂爆炸的情况通报\n6月1日9时，化工厂发生爆炸，3人受伤。";

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
        registry.add("yuqing.console.gateway.url", GATEWAY::url);
    }

    @BeforeEach
    void releases() {
        PublishingFixtures.reset();
        ok("GET /api/casework/cases", PublishingFixtures.cases());
        ok("GET " + BASE, array(
                summary(STATEMENT, "FACT_REPORT", "事实通报", "关于化工厂爆炸的情况通报", "PUBLISHED", AT),
                summary(OTHER, "FACT_REPORT", "事实通报", "续报", "APPROVED", null)
                        .replace("\"scheduledAt\":null", "\"scheduledAt\":\"2025-06-01T10:00:00Z\"")));
        ok("GET " + BASE + "/" + STATEMENT, PublishingFixtures.statement(STATEMENT, "关于化工厂爆炸的情况通报",
                "6月1日9时，化工厂发生爆炸，3人受伤。", "PUBLISHED", HASH, null, AT,
                List.of(approval("UNIT_HEAD", "APPROVE", "wang", null, AT, true),
                        approval("LEADER_IN_CHARGE", "APPROVE", "li", null, AT, true)),
                List.of(release("website", PAGE, "DELIVERED", null, 1, null, null),
                        release("email", null, "FAILED", "SMTP 550 mailbox unavailable", 5, null, null),
                        release("webhook", null, "PENDING", null, 0, AT, null),
                        release("manual", null, "PENDING", null, 0, null, COPY))));
    }

    @SuppressWarnings("unchecked")
    private Grid<DeliveriesView.Line> grid() {
        return $(Grid.class).id("deliveries-grid");
    }

    private String cell(int row, String column) {
        return test(grid()).getCellText(row, test(grid()).getColumnPosition(column));
    }

    private Component component(int row, String column) {
        return test(grid()).getCellComponent(row, column);
    }

    private void asPublisher() {
        signIn(TestTokens.shared().user("zhao").roles(Role.PUBLISHER).units("district"));
    }

    @Test
    void the_board_shows_every_channel_with_its_state_attempts_last_error_and_proof() {
        asPublisher();

        UI.getCurrent().navigate("deliveries");

        Grid<DeliveriesView.Line> grid = grid();
        assertThat(test(grid).size()).isEqualTo(4);
        assertThat(List.of(0, 1, 2, 3)).extracting(row -> cell(row, "channel"))
                .containsExactly("邮件（媒体）", "人工发布（第三方媒体）", "Webhook", "政府网站");
        assertThat(List.of(0, 1, 2, 3)).extracting(row -> state(row).getText())
                .containsExactly("发送失败", "待人工发布", "待发送", "已送达");
        assertThat(state(0).getClassNames()).contains("delivery-failed");
        assertThat(cell(0, "attempts")).isEqualTo("5");
        assertThat(cell(0, "error")).isEqualTo("SMTP 550 mailbox unavailable");
        assertThat(cell(0, "statement")).isEqualTo("关于化工厂爆炸的情况通报");
        assertThat(cell(0, "case")).isEqualTo("化工厂爆炸");
        assertThat($(ProgressBar.class).from(component(2, "state")).single().isIndeterminate())
                .as("what is still being sent shows progress").isTrue();
        assertThat($(ProgressBar.class).from(component(3, "state")).exists()).isFalse();
        assertThat(((Anchor) component(3, "proof").getChildren().findFirst().orElseThrow()).getHref()).isEqualTo(PAGE);
        assertThat($(Span.class).id("deliveries-status").getText()).isEqualTo("共 4 个渠道发布 · 失败 1 · 待发送 2");
        assertThat(UI.getCurrent().getPollInterval()).as("re-read while something is being sent")
                .isEqualTo(DeliveriesView.POLL_MILLIS);
        assertThat(GATEWAY.requests()).as("an unpublished statement has no releases to read")
                .doesNotContain("GET " + BASE + "/" + OTHER);
    }

    @Test
    void scheduled_releases_are_listed_and_a_publisher_cancels_one() {
        on("DELETE " + BASE + "/" + OTHER + "/schedule", c -> problem(409, "not-scheduled", "Not scheduled",
                "statement " + OTHER + " has no scheduled release"));
        asPublisher();
        UI.getCurrent().navigate("deliveries");

        @SuppressWarnings("unchecked")
        Grid<DeliveriesView.Scheduled> scheduled = $(Grid.class).id("deliveries-scheduled");
        assertThat(test(scheduled).size()).isEqualTo(1);
        assertThat(test(scheduled).getCellText(0, test(scheduled).getColumnPosition("title"))).isEqualTo("续报");
        assertThat(test(scheduled).getCellText(0, test(scheduled).getColumnPosition("at"))).isEqualTo("2025-06-01 18:00");

        test(scheduled).select(0);
        test($(Button.class).id("delivery-schedule-cancel")).click();

        assertThat(GATEWAY.requests()).contains("DELETE " + BASE + "/" + OTHER + "/schedule");
        assertThat(test($(Notification.class).withId("error-notification").last()).getText())
                .as("a refusal is shown as the service explains it").isEqualTo("statement " + OTHER + " has no scheduled release");
    }

    @Test
    void a_publisher_retracts_a_released_statement_from_the_board() {
        on("POST " + BASE + "/" + STATEMENT + "/retract", c -> Answer.ok("{}"));
        asPublisher();
        UI.getCurrent().navigate("deliveries");
        assertThat($(Button.class).id("delivery-retract").isEnabled()).isFalse();

        test(grid()).select(3);
        test($(Button.class).id("delivery-retract")).click();
        test($(TextArea.class).id("retract-reason")).setValue("发布渠道有误");
        test($(Button.class).id("retract-dialog-save")).click();

        assertThat(JSON.readTree(lastBody("POST " + BASE + "/" + STATEMENT + "/retract")).path("reason").asString())
                .isEqualTo("发布渠道有误");
        assertThat(test($(Notification.class).withId("success-notification").last()).getText())
                .isEqualTo("已撤回：关于化工厂爆炸的情况通报");
    }

    @Test
    void a_publisher_retries_a_failed_delivery_by_hand() {
        on("POST " + BASE + "/" + STATEMENT + "/releases/email/retry", c -> Answer.ok("{}"));
        asPublisher();
        UI.getCurrent().navigate("deliveries");

        test(grid()).select(3);
        assertThat($(Button.class).id("delivery-retry").isEnabled()).as("only a failed delivery is retried").isFalse();

        test(grid()).select(0);
        test($(Button.class).id("delivery-retry")).click();

        assertThat(GATEWAY.requests()).contains("POST " + BASE + "/" + STATEMENT + "/releases/email/retry");
        assertThat(test($(Notification.class).withId("success-notification").last()).getText())
                .isEqualTo("已重新排队：邮件（媒体） · 关于化工厂爆炸的情况通报");
    }

    @Test
    void the_manual_channel_offers_the_copy_ready_text_and_records_the_proof_url() {
        String proof = "POST " + BASE + "/" + STATEMENT + "/releases/manual/proof";
        on(proof, c -> c.body().contains("https://")
                ? Answer.ok("{}")
                : problem(422, "invalid-request", "Invalid request", "url must be an absolute http or https URL"));
        asPublisher();
        UI.getCurrent().navigate("deliveries");

        test(grid()).select(1);

        assertThat($(TextArea.class).id("delivery-copy-text").getValue()).isEqualTo(COPY);
        assertThat($(TextArea.class).id("delivery-copy-text").isReadOnly()).isTrue();
        test($(Button.class).id("delivery-proof-save")).click();
        assertThat(GATEWAY.requests()).as("an empty URL is not sent").doesNotContain(proof);

        $(Notification.class).all().forEach(Notification::close);
        test($(TextField.class).id("delivery-proof-url")).setValue("ftp://media.example/1");
        test($(Button.class).id("delivery-proof-save")).click();
        assertThat(test($(Notification.class).withId("error-notification").last()).getText())
                .isEqualTo("url must be an absolute http or https URL");

        test($(TextField.class).id("delivery-proof-url")).setValue("https://news.example.cn/2025/0601/1.html");
        test($(Button.class).id("delivery-proof-save")).click();

        assertThat(JSON.readTree(lastBody(proof)).path("url").asString())
                .isEqualTo("https://news.example.cn/2025/0601/1.html");
        assertThat(test($(Notification.class).withId("success-notification").last()).getText())
                .isEqualTo("已登记人工发布：关于化工厂爆炸的情况通报");
    }

    @Test
    void someone_who_does_not_publish_sees_the_board_without_the_retry() {
        signIn(TestTokens.shared().user("li").roles(Role.LEADER).units("district"));

        UI.getCurrent().navigate("deliveries");

        assertThat(test(grid()).size()).isEqualTo(4);
        assertThat($(Button.class).withId("delivery-retry").exists()).isFalse();
    }

    private Span state(int row) {
        return $(Span.class).from(component(row, "state")).withClassName("delivery-state").single();
    }
}
