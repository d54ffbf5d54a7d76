package org.yuqing.ui.sources;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.IntegerField;
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
 * The sources page driven in the JVM against the real console context; the stand-in gateway answers monitoring's
 * {@code Source} and {@code ImportStatus} JSON and refuses as monitoring does.
 */
@ViewPackages(packages = "org.yuqing.ui")
class SourcesViewTest extends ConsoleViewTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String IMPORT_ID = "5c3d2e1f-0000-4000-8000-0000000000c1";
    private static final AtomicInteger POLLS = new AtomicInteger();

    private static final StandInGateway GATEWAY = StandInGateway.start(call -> switch (call.request()) {
        case "GET /api/casework/cases" -> Answer.ok("[]");
        case "GET /api/monitoring/sources" -> Answer.ok(SourcesViewTest.SOURCES);
        case "POST /api/monitoring/sources" -> call.body().contains("ftp://")
                ? new Answer(400, """
                        {"type":"urn:yuqing:problem:invalid-request","title":"Invalid request","status":400,
                         "detail":"url: must be an absolute http or https URL",
                         "errors":[{"field":"url","message":"must be an absolute http or https URL"}]}""")
                : new Answer(201, call.body());
        case "POST /api/monitoring/sources/s1/poll" -> new Answer(202, SourcesViewTest.SOURCES.substring(
                SourcesViewTest.SOURCES.indexOf('{'), SourcesViewTest.SOURCES.indexOf("},") + 1));
        case "POST /api/monitoring/imports" -> call.body().contains("filename=\"bad.csv\"")
                ? new Answer(422, "{\"status\":422,\"title\":\"Unprocessable Entity\","
                        + "\"detail\":\"the CSV header names no url column\"}")
                : new Answer(202, SourcesViewTest.importStatus("QUEUED", 0, 0, 0, "[]"));
        case "GET /api/monitoring/imports/" + IMPORT_ID -> Answer.ok(POLLS.incrementAndGet() == 1
                ? SourcesViewTest.importStatus("RUNNING", 3, 1, 0, "[]")
                : SourcesViewTest.importStatus("DONE", 3, 2, 1,
                        "[{\"line\":2,\"message\":\"publishedAt: must be an ISO-8601 instant\"}]"));
        default -> new Answer(404, "{\"status\":404}");
    });

    static final String SOURCES = """
            [{"id":"s1","name":"高新区政府网","kind":"FEED","url":"https://gxq.example.gov.cn/rss.xml","unitId":"district",
              "mediaType":"GOVERNMENT","pollInterval":"PT15M","enabled":true,"status":"OK",
              "lastPolledAt":"2026-11-21T06:00:00Z","lastSuccessAt":"2026-11-21T06:00:00Z","lastError":null,
              "consecutiveFailures":0,"lastIngested":12,"lastSkipped":1,"nextPollAt":"2026-11-21T06:15:00Z",
              "createdBy":"demo","createdAt":"2026-11-20T00:00:00Z"},
             {"id":"s2","name":"本地论坛","kind":"FEED","url":"https://bbs.example-forum.cn/feed","unitId":"district",
              "mediaType":"FORUM","pollInterval":"PT2H","enabled":true,"status":"FAILING",
              "lastPolledAt":"2026-11-21T05:00:00Z","lastSuccessAt":"2026-11-20T23:00:00Z",
              "lastError":"HTTP 503 from https://bbs.example-forum.cn/feed","consecutiveFailures":3,"lastIngested":0,
              "lastSkipped":0,"nextPollAt":"2026-11-21T05:40:00Z","createdBy":"demo","createdAt":"2026-11-20T00:00:00Z"}]""";

    static String importStatus(String state, int total, int ingested, int failed, String errors) {
        return """
                {"id":"%s","fileName":"posts.jsonl","format":"JSONL","charset":"UTF-8","state":"%s","totalLines":%d,
                 "processed":%d,"ingested":%d,"failed":%d,"errors":%s,"createdAt":"2026-11-21T07:00:00Z"}"""
                .formatted(IMPORT_ID, state, total, ingested + failed, ingested, failed, errors);
    }

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
    void reset() {
        POLLS.set(0);
        GATEWAY.forget();
    }

    @Test
    void the_sources_show_schedule_status_last_success_last_error_and_next_try_and_readers_cannot_change_them() {
        signIn(TestTokens.shared().user("leader").roles(Role.LEADER).units("district"));

        UI.getCurrent().navigate(SourcesView.class);

        assertThat($(SideNavItem.class).withId("nav-sources").exists()).isTrue();
        @SuppressWarnings("unchecked")
        Grid<SourceRecord> grid = $(Grid.class).id("sources-grid");
        assertThat(test(grid).size()).isEqualTo(2);
        assertThat(cell(grid, 0, "name")).isEqualTo("高新区政府网");
        assertThat(cell(grid, 0, "kind")).isEqualTo("RSS/Atom · 政府网站");
        assertThat(cell(grid, 0, "url")).isEqualTo("https://gxq.example.gov.cn/rss.xml");
        assertThat(cell(grid, 0, "schedule")).isEqualTo("每 15 分钟");
        assertThat(cell(grid, 0, "status")).isEqualTo("正常（上次收录 12 条，跳过 1 条）");
        assertThat(cell(grid, 0, "lastError")).isEqualTo("—");
        assertThat(cell(grid, 1, "schedule")).isEqualTo("每 2 小时");
        assertThat(cell(grid, 1, "status")).isEqualTo("抓取失败（连续 3 次）");
        assertThat(cell(grid, 1, "lastSuccess")).isEqualTo("2026-11-21 07:00");
        assertThat(cell(grid, 1, "lastError")).isEqualTo("HTTP 503 from https://bbs.example-forum.cn/feed");
        assertThat(cell(grid, 1, "nextPoll")).isEqualTo("2026-11-21 13:40");
        assertThat($(Span.class).id("sources-status").getText()).isEqualTo("共 2 个信息源，1 个抓取失败");
        assertThat($(Button.class).withId("source-create").exists()).isFalse();
        assertThat($(Upload.class).withId("import-upload").exists()).as("leaders do not import").isFalse();
    }

    @Test
    void a_monitor_registers_a_source_and_a_refused_url_is_explained_at_the_field() {
        signIn(TestTokens.shared().user("monitor").roles(Role.MONITOR).units("district"));
        UI.getCurrent().navigate(SourcesView.class);

        test($(Button.class).id("source-create")).click();
        test($(TextField.class).id("source-name")).setValue("市应急管理局");
        test($(TextField.class).id("source-url")).setValue("ftp://yjj.example.gov.cn/rss");
        @SuppressWarnings("unchecked")
        Select<String> medium = $(Select.class).id("source-medium");
        test(medium).selectItem("政府网站");
        test($(IntegerField.class).id("source-interval")).setValue(30);
        test($(Button.class).id("source-save")).click();

        assertThat($(Span.class).id("source-error").getText()).isEqualTo("url: must be an absolute http or https URL");
        assertThat($(TextField.class).id("source-url").isInvalid()).isTrue();
        assertThat($(Dialog.class).id("source-editor").isOpened()).isTrue();

        test($(TextField.class).id("source-url")).setValue("https://yjj.example.gov.cn/rss");
        test($(Button.class).id("source-save")).click();

        JsonNode sent = JSON.readTree(GATEWAY.calls().stream().filter(c -> c.request().equals(
                "POST /api/monitoring/sources")).reduce((a, b) -> b).orElseThrow().body());
        assertThat(sent.path("name").asString()).isEqualTo("市应急管理局");
        assertThat(sent.path("kind").asString()).isEqualTo("FEED");
        assertThat(sent.path("url").asString()).isEqualTo("https://yjj.example.gov.cn/rss");
        assertThat(sent.path("unitId").asString()).isEqualTo("district");
        assertThat(sent.path("mediaType").asString()).isEqualTo("GOVERNMENT");
        assertThat(sent.path("pollInterval").asString()).isEqualTo("PT30M");
        assertThat(sent.path("enabled").asBoolean()).isTrue();
        assertThat($(Dialog.class).withId("source-editor").exists()).isFalse();
        assertThat(test($(Notification.class).withId("success-notification").last()).getText())
                .isEqualTo("已保存信息源");
    }

    @Test
    void a_monitor_polls_the_selected_source_now_and_readers_have_no_such_button() {
        signIn(TestTokens.shared().user("monitor").roles(Role.MONITOR).units("district"));
        UI.getCurrent().navigate(SourcesView.class);
        @SuppressWarnings("unchecked")
        Grid<SourceRecord> grid = $(Grid.class).id("sources-grid");
        assertThat($(Button.class).id("source-poll").isEnabled()).as("nothing selected yet").isFalse();
        test(grid).select(0);

        test($(Button.class).id("source-poll")).click();

        assertThat(GATEWAY.requests()).contains("POST /api/monitoring/sources/s1/poll");
        assertThat(GATEWAY.requests().getLast()).as("the list is read again").isEqualTo("GET /api/monitoring/sources");
        assertThat(test($(Notification.class).withId("success-notification").last()).getText())
                .isEqualTo("已开始采集“高新区政府网”，稍后刷新查看结果");

        signIn(TestTokens.shared().user("leader").roles(Role.LEADER).units("district"));
        UI.getCurrent().navigate(SourcesView.class);
        assertThat($(Button.class).withId("source-poll").exists()).isFalse();
    }

    @Test
    void an_imported_file_shows_its_progress_until_done_and_the_lines_it_rejected() {
        signIn(TestTokens.shared().user("monitor").roles(Role.MONITOR).units("district"));
        UI.getCurrent().navigate(SourcesView.class);
        String jsonl = """
                {"url":"https://a.example.cn/1","site":"a.example.cn","mediaType":"NEWS","title":"化工厂","text":"爆炸","publishedAt":"2026-11-21T06:00:00Z"}
                {"url":"https://a.example.cn/2","publishedAt":"yesterday"}
                {"url":"https://a.example.cn/3","site":"a.example.cn","mediaType":"NEWS","title":"化工厂","text":"起火","publishedAt":"2026-11-21T06:05:00Z"}
                """;

        test($(Upload.class).id("import-upload")).upload("posts.jsonl", "application/x-ndjson",
                jsonl.getBytes(StandardCharsets.UTF_8));

        StandInGateway.Call upload = GATEWAY.calls().stream()
                .filter(c -> c.request().equals("POST /api/monitoring/imports")).findFirst().orElseThrow();
        assertThat(upload.body()).contains("name=\"file\"", "filename=\"posts.jsonl\"", "https://a.example.cn/2");
        assertThat($(Span.class).id("import-status").getText())
                .isEqualTo("posts.jsonl：排队中 · 已处理 0 / 0 条，收录 0 条，拒收 0 条");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(ImportPanel.POLL_MILLIS);

        poll();
        ProgressBar bar = $(ProgressBar.class).id("import-progress");
        assertThat(bar.getValue()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        poll();

        assertThat($(Span.class).id("import-status").getText())
                .isEqualTo("posts.jsonl：已完成 · 已处理 3 / 3 条，收录 2 条，拒收 1 条");
        assertThat(bar.getValue()).isEqualTo(1.0);
        @SuppressWarnings("unchecked")
        Grid<ImportProgress.LineError> errors = $(Grid.class).id("import-errors");
        assertThat(test(errors).size()).isEqualTo(1);
        assertThat(test(errors).getCellText(0, 0)).isEqualTo("2");
        assertThat(test(errors).getCellText(0, 1)).isEqualTo("publishedAt: must be an ISO-8601 instant");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
        assertThat(test($(Notification.class).withId("success-notification").last()).getText())
                .isEqualTo("导入完成：收录 2 条，拒收 1 条");
    }

    @Test
    void a_file_monitoring_refuses_as_a_whole_is_explained_by_its_detail() {
        signIn(TestTokens.shared().user("admin").roles(Role.ADMIN).units("district"));
        UI.getCurrent().navigate(SourcesView.class);

        test($(Upload.class).id("import-upload")).upload("bad.csv", "text/csv",
                "标题,正文\n化工厂,爆炸\n".getBytes(StandardCharsets.UTF_8));

        assertThat($(Span.class).id("import-status").getText())
                .isEqualTo("文件未被接受：the CSV header names no url column");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    private static void poll() {
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
    }

    private String cell(Grid<SourceRecord> grid, int row, String key) {
        return test(grid).getCellText(row, test(grid).getColumnPosition(key));
    }
}
