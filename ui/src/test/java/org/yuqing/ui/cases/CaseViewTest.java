package org.yuqing.ui.cases;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.AfterAll;
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

/**
 * The case page driven in the JVM against the real console context; the stand-in gateway answers casework's and
 * grading's real JSON, with deadlines relative to the moment it answers so the console's clock counts them down.
 */
@ViewPackages(packages = "org.yuqing.ui")
class CaseViewTest extends ConsoleViewTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PATH = "/api/casework/cases/" + CaseJson.CASE;
    /** The SHA-256 the case lists for its attachment; a test may make it disagree with the bytes. */
    private static final AtomicReference<String> LISTED_SHA = new AtomicReference<>(CaseJson.ATTACHMENT_SHA256);

    private static final StandInGateway GATEWAY = StandInGateway.start(call -> switch (call.request()) {
        case "GET /api/casework/cases" -> Answer.ok("[]");
        case "GET " + PATH -> Answer.ok(CaseJson.reportedCase(Instant.now(), LISTED_SHA.get()));
        case "GET /api/grading/incidents/" + CaseJson.INCIDENT -> Answer.ok(CaseJson.grade(Instant.now()));
        case "GET /api/casework/ledger/verify" -> Answer.ok(CaseJson.ledgerValid());
        case "GET " + PATH + "/heat" -> Answer.ok(CaseJson.heat(Instant.now()));
        case "PUT " + PATH + "/assignees" -> call.body().contains("elsewhere")
                ? new Answer(403, """
                        {"type":"about:blank","title":"Forbidden","status":403,
                         "detail":"无权操作：该单位不在您的管辖范围内。"}""")
                : Answer.ok("{\"caseId\":\"" + CaseJson.CASE + "\",\"assignees\":[]}");
        case "GET " + PATH + "/ledger" -> Answer.ok(CaseJson.ledgerOfCase(Instant.now()));
        case "GET " + PATH + "/attachments/" + CaseJson.ATTACHMENT -> Answer.ok(CaseJson.ATTACHMENT_TEXT);
        case "POST " + PATH + "/transitions" -> call.body().contains("CONSULTING")
                ? new Answer(409, """
                        {"type":"about:blank","title":"Transition refused","status":409,
                         "detail":"the case has 1 open task(s); complete them before closing it; allowed now: [RESPONDING]"}""")
                : Answer.ok(CaseJson.reportedCase(Instant.now(), LISTED_SHA.get()));
        case "POST " + PATH + "/reports", "POST " + PATH + "/comments", "POST " + PATH + "/tasks",
             "POST " + PATH + "/tasks/" + CaseJson.TASK_OPEN + "/complete" ->
                new Answer(201, CaseJson.reportedCase(Instant.now(), LISTED_SHA.get()));
        case "POST " + PATH + "/attachments" -> new Answer(201, """
                {"id":"%s","fileName":"通报草稿.txt","contentType":"text/plain","size":12,
                 "sha256":"c385ac32f38a31adaf8817bc02df9c6972ec33010994a103e313adb257bff83a","uploadedBy":"board",
                 "uploadedAt":"%s","href":"%s/attachments/%s"}""".formatted(CaseJson.ATTACHMENT, Instant.now(), PATH,
                CaseJson.ATTACHMENT));
        default -> new Answer(404, """
                {"type":"about:blank","title":"Not Found","status":404,"detail":"未找到：对象不存在，或不属于您的单位。"}""");
    });

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
        registry.add("yuqing.console.gateway.url", GATEWAY::url);
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.stop();
    }

    @BeforeEach
    void signInAndOpen() {
        LISTED_SHA.set(CaseJson.ATTACHMENT_SHA256);
        signIn(TestTokens.shared().user("board").roles(Role.ANALYST, Role.LEADER).units("district"));
        GATEWAY.forget();
    }

    @Test
    void the_case_page_shows_the_header_clocks_grade_timeline_tasks_attachments_documents_and_ledger() {
        UI.getCurrent().navigate("cases/" + CaseJson.CASE);

        assertThat(text("case-title")).isEqualTo(CaseJson.TITLE);
        assertThat(text("case-level")).isEqualTo("级别：重大");
        assertThat(text("case-category")).isEqualTo("类别：询问质疑");
        assertThat(text("case-state")).isEqualTo("状态：已报告");
        assertThat(text("case-unit")).isEqualTo("责任单位：district");
        assertThat(text("case-units")).as("the responsible unit, then the units of open tasks")
                .isEqualTo("承办单位：district、district-safety");
        assertThat(text("case-assignees-text")).isEqualTo("zhang（district）");

        assertThat(text("case-clock-REPORT")).startsWith("上报时限").contains("按时完成");
        assertThat(text("case-clock-WRITTEN_REPORT")).startsWith("书面报告时限").endsWith("剩余 9分");
        assertThat(countdownOf("case-clock-WRITTEN_REPORT").getClassNames()).contains("countdown-soon");
        assertThat(text("case-clock-FIRST_STATEMENT")).endsWith("剩余 4小时59分");
        assertThat(text("case-clock-INQUIRY_REPLY")).endsWith("已超时 20分");
        assertThat(countdownOf("case-clock-INQUIRY_REPLY").getStyle().get("color"))
                .isEqualTo("var(--lumo-error-text-color)");

        assertThat(text("case-grade-summary")).startsWith("级别：重大；类别：询问质疑；预案：district-emergency（第 2 版）");
        assertThat(text("case-grade-reasons")).contains("主流媒体 1 家（www.news.cn）报道，达到重大级")
                .contains("阅读量 12000，达到较大级（≥ 10000）");
        assertThat(text("case-grade-override")).contains("li").contains("网民集中询问周边空气质量");
        assertThat($(Anchor.class).id("case-grade-link").getHref()).isEqualTo("grading/incidents/" + CaseJson.INCIDENT);

        assertThat(text("case-timeline")).contains("立案").contains("电话报告：报送区委宣传部分管领导")
                .contains("（demo）");
        assertThat(text("case-comments-list")).contains("已联系涉事企业核实伤亡情况").contains("（zhang）");

        assertThat(text("case-task-" + CaseJson.TASK_OPEN)).contains("《核实伤亡和污染情况》→ district-safety")
                .contains("剩余 44分");
        assertThat($(Button.class).id("case-task-complete-" + CaseJson.TASK_OPEN).isVisible()).isTrue();
        assertThat(text("case-task-" + CaseJson.TASK_DONE)).contains("zhang").contains("按时办结");
        assertThat($(Button.class).withId("case-task-complete-" + CaseJson.TASK_DONE).exists()).isFalse();

        Anchor download = $(Anchor.class).id("case-attachment-download-" + CaseJson.ATTACHMENT);
        assertThat(download.getHref()).isEqualTo(PATH + "/attachments/" + CaseJson.ATTACHMENT);
        assertThat(download.getText()).isEqualTo("现场照片说明.txt");
        assertThat(text("case-attachment-sha-" + CaseJson.ATTACHMENT)).isEqualTo("SHA-256 " + CaseJson.ATTACHMENT_SHA256);

        for (String kind : List.of("registration", "special-report", "review")) {
            for (String format : List.of("pdf", "docx")) {
                assertThat($(Anchor.class).id("case-doc-" + kind + "-" + format).getHref())
                        .isEqualTo(PATH + "/documents/" + kind + "." + format);
            }
        }
        assertThat(text("case-ledger-result")).isEqualTo("责任台账校验通过：共 42 条记录，哈希链完整");
        assertThat(text("case-ledger-entries")).contains("#7").contains("立案：重大").contains("a3f5c0d1e2b3");
        assertThat(GATEWAY.requests()).contains("GET " + PATH, "GET /api/grading/incidents/" + CaseJson.INCIDENT,
                "GET /api/casework/ledger/verify", "GET " + PATH + "/ledger");
    }

    @Test
    void the_allowed_moves_are_buttons_and_a_refusal_is_shown_as_casework_explains_it() {
        UI.getCurrent().navigate("cases/" + CaseJson.CASE);

        assertThat($(Button.class).id("case-transition-CONSULTING").getText()).isEqualTo("转入“会商”");
        assertThat($(Button.class).id("case-transition-RESPONDING").getText()).isEqualTo("转入“处置回应”");
        assertThat($(Button.class).withId("case-transition-TRACKING").exists()).isFalse();

        test($(Button.class).id("case-transition-CONSULTING")).click();
        assertThat(lastNotification("error-notification"))
                .isEqualTo("the case has 1 open task(s); complete them before closing it; allowed now: [RESPONDING]");

        test($(TextField.class).id("case-transition-note")).setValue("无需会商，直接处置");
        test($(Button.class).id("case-transition-RESPONDING")).click();
        JsonNode move = JSON.readTree(lastBody("POST " + PATH + "/transitions"));
        assertThat(move.path("to").asString()).isEqualTo("RESPONDING");
        assertThat(move.path("note").asString()).isEqualTo("无需会商，直接处置");
        assertThat(lastNotification("success-notification")).isEqualTo("案件已转入“处置回应”");
    }

    @Test
    void phone_and_written_reports_comments_and_tasks_are_sent_as_casework_takes_them() {
        UI.getCurrent().navigate("cases/" + CaseJson.CASE);

        test($(Button.class).id("case-report-phone-submit")).click();
        assertThat(lastNotification("error-notification")).isEqualTo("请填写报送对象。");
        test($(TextField.class).id("case-report-phone-to")).setValue("区委宣传部分管领导、区委网信办");
        test($(Button.class).id("case-report-phone-submit")).click();
        JsonNode phone = JSON.readTree(lastBody("POST " + PATH + "/reports"));
        assertThat(phone.path("kind").asString()).isEqualTo("PHONE");
        assertThat(phone.path("to").values()).extracting(JsonNode::asString)
                .containsExactly("区委宣传部分管领导", "区委网信办");
        assertThat(lastNotification("success-notification")).isEqualTo("已记录电话报告");

        test($(TextField.class).id("case-report-written-to")).setValue("区委网信办");
        test($(Button.class).id("case-report-written-submit")).click();
        assertThat(JSON.readTree(lastBody("POST " + PATH + "/reports")).path("kind").asString()).isEqualTo("WRITTEN");

        test($(TextArea.class).id("case-comment-text")).setValue("请安监局半小时内反馈");
        test($(Button.class).id("case-comment-submit")).click();
        assertThat(JSON.readTree(lastBody("POST " + PATH + "/comments")).path("text").asString())
                .isEqualTo("请安监局半小时内反馈");

        test($(TextField.class).id("case-task-unit")).setValue("district-safety");
        test($(TextField.class).id("case-task-title")).setValue("现场环境监测");
        test($(Button.class).id("case-task-add")).click();
        JsonNode task = JSON.readTree(lastBody("POST " + PATH + "/tasks"));
        assertThat(task.path("unitId").asString()).isEqualTo("district-safety");
        assertThat(task.path("title").asString()).isEqualTo("现场环境监测");
        assertThat(Instant.parse(task.path("dueAt").asString())).as("two hours from now by default")
                .isBetween(Instant.now().plusSeconds(7200 - 120), Instant.now().plusSeconds(7200));
        assertThat(lastNotification("success-notification")).isEqualTo("已交办任务《现场环境监测》");

        test($(Button.class).id("case-task-complete-" + CaseJson.TASK_OPEN)).click();
        assertThat(GATEWAY.requests()).contains("POST " + PATH + "/tasks/" + CaseJson.TASK_OPEN + "/complete");
        assertThat(lastNotification("success-notification")).isEqualTo("任务《核实伤亡和污染情况》已办结");
    }

    @Test
    void an_uploaded_file_goes_to_casework_as_multipart_and_a_download_is_checked_against_its_sha256() {
        UI.getCurrent().navigate("cases/" + CaseJson.CASE);

        test($(Upload.class).id("case-attachment-upload")).upload("通报草稿.txt", "text/plain",
                "通报草稿".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        StandInGateway.Call upload = GATEWAY.calls().stream()
                .filter(c -> c.request().equals("POST " + PATH + "/attachments")).findFirst().orElseThrow();
        assertThat(upload.body()).contains("name=\"file\"").contains("filename=\"通报草稿.txt\"")
                .contains("Content-Type: text/plain").contains("\r\n\r\n通报草稿\r\n");
        assertThat(lastNotification("success-notification")).startsWith("已上传“通报草稿.txt”，SHA-256：c385ac32");

        test($(Button.class).id("case-attachment-verify-" + CaseJson.ATTACHMENT)).click();
        assertThat(GATEWAY.requests()).contains("GET " + PATH + "/attachments/" + CaseJson.ATTACHMENT);
        assertThat(lastNotification("success-notification"))
                .isEqualTo("附件“现场照片说明.txt”校验一致：SHA-256 与上传时记录的相同");

        LISTED_SHA.set("00".repeat(32));
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("cases/" + CaseJson.CASE);
        test($(Button.class).id("case-attachment-verify-" + CaseJson.ATTACHMENT)).click();
        assertThat(lastNotification("error-notification"))
                .isEqualTo("附件“现场照片说明.txt”校验不一致：下载内容的 SHA-256 为 " + CaseJson.ATTACHMENT_SHA256);
    }

    @Test
    void an_unknown_or_foreign_case_shows_why_instead_of_a_page() {
        UI.getCurrent().navigate("cases/00000000-0000-4000-8000-000000000000");

        assertThat($(Paragraph.class).id("case-error").getText())
                .isEqualTo("无法加载案件：未找到：对象不存在，或不属于您的单位。");
        assertThat($(Div.class).withId("case-header").exists()).isFalse();

        GATEWAY.forget();
        UI.getCurrent().navigate("cases/not-a-case");
        assertThat($(Paragraph.class).id("case-error").getText()).isEqualTo("无法加载案件：找不到该对象，可能已被删除。");
        assertThat(GATEWAY.requests()).as("a malformed id never reaches the API").isEmpty();
    }

    @Test
    void the_case_page_shows_the_incidents_heat_as_monitoring_measured_it() {
        UI.getCurrent().navigate("cases/" + CaseJson.CASE);

        assertThat(GATEWAY.requests()).contains("GET " + PATH + "/heat");
        assertThat(text("case-heat-summary")).startsWith("共 3 个时点：").contains("舆情总量 40 篇")
                .contains("最新").endsWith("舆情总量 612 篇");
        @SuppressWarnings("unchecked")
        Grid<HeatSeries.Point> heat = $(Grid.class).id("case-heat-grid");
        assertThat(test(heat).size()).isEqualTo(3);
        assertThat(test(heat).getCellText(2, test(heat).getColumnPosition("volume"))).isEqualTo("612");
        assertThat(test(heat).getCellText(2, test(heat).getColumnPosition("reads"))).isEqualTo("20500");
        assertThat(test(heat).getCellText(2, test(heat).getColumnPosition("mainstream"))).isEqualTo("3");
        assertThat(test(heat).getCellText(2, test(heat).getColumnPosition("negative"))).isEqualTo("60%");
    }

    @Test
    void the_assign_dialog_keeps_the_current_assignees_adds_one_and_saves_the_whole_list() {
        UI.getCurrent().navigate("cases/" + CaseJson.CASE);

        test($(Button.class).id("case-assign")).click();
        assertThat(text("case-assign-current")).contains("zhang（district）");
        assertThat($(TextField.class).id("case-assignee-unit").getValue()).as("the case's unit by default")
                .isEqualTo("district");
        test($(TextField.class).id("case-assignee-login")).setValue("li");
        test($(TextField.class).id("case-assignee-unit")).setValue("district-safety");
        GATEWAY.forget();
        test($(Button.class).id("case-assign-save")).click();

        StandInGateway.Call put = GATEWAY.calls().stream().filter(c -> c.method().equals("PUT")).findFirst()
                .orElseThrow();
        assertThat(put.path()).isEqualTo(PATH + "/assignees");
        assertThat(JSON.readTree(put.body())).isEqualTo(JSON.readTree("""
                {"assignees":[{"login":"zhang","unitId":"district"},{"login":"li","unitId":"district-safety"}]}"""));
        assertThat(GATEWAY.requests()).as("the case is read again").contains("GET " + PATH);
        assertThat($(com.vaadin.flow.component.dialog.Dialog.class).withId("case-assign-dialog").exists()).isFalse();
    }

    @Test
    void removing_an_assignee_saves_the_rest_and_a_refused_unit_shows_the_services_explanation() {
        UI.getCurrent().navigate("cases/" + CaseJson.CASE);

        test($(Button.class).id("case-assign")).click();
        test($(Button.class).id("case-assignee-remove-zhang")).click();
        test($(TextField.class).id("case-assignee-login")).setValue("zhao");
        test($(TextField.class).id("case-assignee-unit")).setValue("elsewhere");
        GATEWAY.forget();
        test($(Button.class).id("case-assign-save")).click();

        assertThat(GATEWAY.calls()).filteredOn(c -> c.method().equals("PUT")).singleElement()
                .satisfies(c -> assertThat(c.body()).doesNotContain("zhang").contains("zhao"));
        assertThat($(com.vaadin.flow.component.dialog.Dialog.class).id("case-assign-dialog").isOpened())
                .as("stays open to correct the unit").isTrue();
        assertThat(lastNotification("error-notification")).contains("该单位不在您的管辖范围内");
    }

    private String text(String id) {
        return $(com.vaadin.flow.component.Component.class).id(id).getElement().getTextRecursively();
    }

    private Span countdownOf(String id) {
        return $(Span.class).from($(Div.class).id(id)).withClassName("countdown").first();
    }

    private String lastNotification(String id) {
        Notification last = $(Notification.class).all().stream()
                .filter(n -> n.getId().filter(id::equals).isPresent()).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + id));
        return test(last).getText();
    }

    private static String lastBody(String request) {
        return GATEWAY.calls().stream().filter(c -> c.request().equals(request)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + request + " in " + GATEWAY.requests())).body();
    }
}
