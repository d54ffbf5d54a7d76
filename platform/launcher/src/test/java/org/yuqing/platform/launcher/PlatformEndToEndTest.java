package org.yuqing.platform.launcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.yuqing.platform.stack.StackDirectories;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform started as a user starts it (the launcher, real PostgreSQL and Elasticsearch, every
 * service as its own JVM), driven from outside through the gateway: the demo drill, the README's
 * walkthrough exactly as printed, the console in a real browser, then stop and start again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndTest {

    static final Path HOME = Path.of("").toAbsolutePath().getParent().getParent();
    static final Path SCREENSHOTS = HOME.resolve("platform/launcher/target/console");

    static LauncherSettings settings;
    static Platform platform;

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createTempDirectory(StackDirectories.scratchRoot(), "platform-");
        Map<String, String> env = new HashMap<>();
        env.put("YUQING_DATA", data.toString());
        for (String name : List.of("GATEWAY", "MONITORING", "GRADING", "CASEWORK", "PUBLISHING", "UI", "PG", "ES",
                "ES_TRANSPORT")) {
            env.put("YUQING_" + name + "_PORT", String.valueOf(freePort()));
        }
        settings = LauncherSettings.fromEnvironment(HOME, env);
        platform = Platform.start(settings);
        DemoDrill demo = new DemoDrill(settings.url("gateway"));
        assertThat(demo.loadIfAbsent()).isTrue();
        demo.awaitCase(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void the_demo_incident_is_graded_major_and_has_a_case_with_the_two_hour_report_clock() throws Exception {
        String cases = get("/api/casework/cases");
        assertThat(cases).contains(DemoDrill.INCIDENT_TITLE).contains("重大");
    }

    @Test
    @Order(2)
    void the_readme_walkthrough_works_as_printed_and_ends_with_the_statement_on_the_public_feed() throws Exception {
        String readme = Files.readString(HOME.resolve("README.md"));
        String block = readme.substring(readme.indexOf("<!-- walkthrough:start -->"), readme.indexOf("<!-- walkthrough:end -->"));
        String script = block.substring(block.indexOf("```sh") + 5, block.lastIndexOf("```"));

        ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true);
        builder.environment().put("YQ", settings.url("gateway"));
        Process process = builder.start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }

        assertThat(finished).as("walkthrough finished in time; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("walkthrough exit code; output:%n%s", output).isZero();
        assertThat(output)
                .contains("publish before approval: 409")
                .contains("APPROVED")
                .contains("<title>关于东湖化工厂危化品泄漏的情况通报</title>")
                .contains("关于东湖化工厂危化品泄漏的情况通报");
    }

    @Test
    @Order(30)
    void the_console_shows_the_cases_and_finds_posts_in_chinese() throws Exception {
        try (ConsoleBrowser console = ConsoleBrowser.login(settings.url("gateway"), DemoDrill.LOGIN, DemoDrill.PASSWORD,
                SCREENSHOTS)) {
            console.waitForText(DemoDrill.INCIDENT_TITLE).screenshot("cases");
            assertThat(console.bodyText()).contains("案件").contains("重大").contains(DemoDrill.INCIDENT_TITLE);

            console.open("search", "舆情检索").type("search-field", "爆炸").click("search-button")
                    .waitUntil("search results", text -> text.contains("新华网") || text.contains("www.news.cn"))
                    .screenshot("search");
            assertThat(console.bodyText()).contains("舆情检索").contains("化工厂");

            // The demo user is an administrator: the users and units pages list the directory.
            console.click("nav-users").element("users-grid");
            console.waitForText("演示用户").screenshot("users");
            assertThat(console.bodyText()).contains("管理员").contains("区委网信办");
            console.click("nav-units").element("units-grid");
            console.waitForText("区委网信办").screenshot("units");
        }
    }

    @Test
    @Order(31)
    void on_the_case_board_a_handler_opens_the_case_records_the_phone_report_and_moves_it_on() throws Exception {
        String caseId = firstId(get("/api/casework/cases"), "id");
        try (ConsoleBrowser console = ConsoleBrowser.login(settings.url("gateway"), DemoDrill.LOGIN, DemoDrill.PASSWORD,
                SCREENSHOTS)) {
            String card = "case-card-" + caseId;
            assertThat(console.waitForText(DemoDrill.INCIDENT_TITLE).text(card)).contains("重大");
            console.screenshot("case-board");
            console.click("cases-view-toggle").element("cases-grid");
            console.click("cases-view-toggle").element(card);

            console.click("case-link-" + caseId).element("case-header");
            console.waitUntil("the case page with its clock and grade", text -> text.contains("上报时限")
                    && text.contains("级别：重大"));
            assertThat(console.attribute("case-grade-link", "href")).contains("grading/incidents/");
            console.waitUntil("the ledger check", text -> text.contains("责任台账校验通过"));
            // casework keeps monitoring's heat measurements of the incident from detection on
            console.waitForText("case-heat-summary", "舆情总量");
            console.screenshot("case-page");

            console.open("case-assign", "case-assignee-login", Duration.ofSeconds(5))
                    .type("case-assignee-login", "demo").click("case-assign-save")
                    .waitForText("case-assignees-text", "demo");

            console.type("case-report-phone-to", "区委宣传部分管领导").click("case-report-phone-submit")
                    .waitForText("已记录电话报告");
            assertThat(console.text("case-clock-WRITTEN_REPORT")).contains("剩余");
            console.click("case-transition-RESPONDING").waitForText("case-state", "处置回应");
            console.type("case-comment-text", "已联系企业核实伤亡情况").click("case-comment-submit")
                    .waitForText("已联系企业核实伤亡情况");
            console.screenshot("case-page-after-report");

            console.click("nav-deadlines").element("deadlines-grid");
            console.waitForText("deadlines-grid", "书面报告").screenshot("deadlines");
            console.click("nav-accountability").element("accountability-grid");
            console.waitForText("district").screenshot("accountability");
        }
        String timeline = get("/api/casework/cases/" + caseId);
        assertThat(timeline).contains("区委宣传部分管领导").contains("已联系企业核实伤亡情况").contains("指派");
        assertThat(get("/api/casework/deadlines/mine")).contains(caseId);
    }

    @Test
    @Order(32)
    void a_statement_is_drafted_refused_without_approvals_approved_step_by_step_and_released_from_the_console()
            throws Exception {
        String caseId = firstId(get("/api/casework/cases"), "id");
        String title = "关于高新区化工厂爆炸的情况通报（控制台）";
        try (ConsoleBrowser console = ConsoleBrowser.login(settings.url("gateway"), DemoDrill.LOGIN, DemoDrill.PASSWORD,
                SCREENSHOTS)) {
            console.open("statements/new?case=" + caseId, "起草要求");
            console.element("statement-title").findElement(org.openqa.selenium.By.cssSelector("input")).clear();
            console.type("statement-title", title)
                    .type("statement-master", "11月22日，高新区一化工厂发生爆炸，消防救援力量已赶赴现场处置，伤亡情况正在核实。")
                    .click("statement-save").waitForText("已保存为第 1 版");
            console.waitUntil("the editor of the saved statement", text -> text.contains("指纹"));
            String statementId = console.currentUrl().replaceAll(".*/statements/", "").replaceAll("[?#].*", "");
            assertThat(statementId).matches("[0-9a-f-]{36}");
            console.screenshot("statement-editor");

            console.click("statement-release").waitForText("statement-status", "单位负责人");

            for (String step : List.of("单位负责人", "分管领导", "主要领导")) {
                console.open("approvals?statement=" + statementId, title).waitForText("approval-approve", step)
                        .click("approval-approve").waitForText("已同意（" + step + "）");
            }
            console.screenshot("approvals");

            console.open("statements/" + statementId, title).waitForText("statement-approvals", "已审 3/3")
                    .click("statement-release").waitForText("已发布");
            console.open("deliveries", "发布看板").waitForText("已送达").screenshot("deliveries");
        }
        assertThat(get("/public/statements/feed.atom")).contains(title);
    }

    @Test
    @Order(33)
    void a_monitor_reads_incidents_by_heat_narrows_a_search_by_site_and_tries_a_topic_before_saving() throws Exception {
        try (ConsoleBrowser console = ConsoleBrowser.login(settings.url("gateway"), DemoDrill.LOGIN, DemoDrill.PASSWORD,
                SCREENSHOTS)) {
            console.open("incidents", DemoDrill.INCIDENT_TITLE).clickCell(DemoDrill.INCIDENT_TITLE)
                    .waitForText("incident-detail", "主流媒体");
            assertThat(console.attribute("incident-grading", "href")).contains("grading/incidents/");
            assertThat(console.text("incident-posts")).contains("化工厂");
            console.screenshot("incidents");

            console.open("search", "舆情检索").type("search-field", "爆炸").click("search-button")
                    .waitForText("search-total", "3");
            console.click("facet-site-www.news.cn").waitForText("search-total", "1");
            assertThat(console.attribute("search-export", "href")).contains("site=www.news.cn");
            console.screenshot("search-facets");

            console.open("topics", "化工厂事故").click("topic-create").element("topic-editor");
            console.type("topic-name", "高新区化工厂").type("topic-subject", "化工厂").type("topic-event", "爆炸")
                    .click("topic-test").waitForText("topic-preview", "化工厂发生爆炸");
            console.screenshot("topic-test");
            // An advanced expression with a missing parenthesis is refused with the place it went wrong.
            console.pick("topic-mode", "高级表达式").type("topic-expression", "化工厂 (爆炸 | 泄漏")
                    .click("topic-test").waitForText("缺少右括号");
            console.screenshot("topic-expression-error");
            console.replace("topic-expression", "化工厂 (爆炸 | 泄漏) -演习").click("topic-test")
                    .waitForText("topic-preview-summary", "帖文中命中");
            console.screenshot("topic-expression");

            console.open("sources", "信息源").element("sources-grid");
            console.screenshot("sources");
        }
    }

    @Test
    @Order(34)
    void an_analyst_reads_the_grade_with_its_reasons_overrides_it_with_a_reason_and_tries_plans_side_by_side()
            throws Exception {
        String incidentId = firstId(get("/api/grading/incidents"), "incidentId");
        try (ConsoleBrowser console = ConsoleBrowser.login(settings.url("gateway"), DemoDrill.LOGIN, DemoDrill.PASSWORD,
                SCREENSHOTS)) {
            console.open("grades", DemoDrill.INCIDENT_TITLE).waitForText("grades-grid", "重大");

            console.open("grading/incidents/" + incidentId, "系统定级").waitForText("grade-level", "重大");
            assertThat(console.text("grade-reasons")).contains("预案");
            console.screenshot("grade");
            console.click("grade-override").choose("override-level", "较大").click("grade-override-dialog-save")
                    .waitForText("必须填写原因");
            console.type("override-reason", "经核实无人员伤亡，影响范围有限").click("grade-override-dialog-save")
                    .waitForText("grade-level", "较大");
            assertThat(console.text("grade-history")).contains("分析员 demo");
            console.screenshot("grade-override");

            console.open("plans", "预案").clickCell("区网络舆情处置工作应急预案").waitForText("plan-title", "第");
            console.screenshot("plans");

            console.open("what-if", "研判推演").type("whatif-volume", "600").click("whatif-run")
                    .waitForText("whatif-result", "重大");
            console.screenshot("what-if");
        }
        assertThat(get("/api/grading/incidents/" + incidentId)).contains("经核实无人员伤亡");
    }

    /** The first value of the JSON field {@code name} that is a UUID. */
    static String firstId(String json, String name) {
        Matcher id = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(json);
        assertThat(id.find()).as("%s in %s", name, json).isTrue();
        return id.group(1);
    }

    @Test
    @Order(40)
    void every_service_checks_tokens_itself_and_a_sibling_unit_sees_nothing_of_the_districts_incident()
            throws Exception {
        Map<String, String> readPaths = Map.of(
                "monitoring", "/api/monitoring/topics",
                "grading", "/api/grading/plans",
                "casework", "/api/casework/cases",
                "publishing", "/api/publishing/statements",
                "ui", "/");
        String token = tokenFor(DemoDrill.LOGIN, DemoDrill.PASSWORD);
        String forged = ForgedTokens.signedByAStranger(settings.url("gateway"), "intruder", "district");
        for (Map.Entry<String, String> service : readPaths.entrySet()) {
            String direct = settings.url(service.getKey()) + service.getValue();
            assertThat(status(direct, null)).as("%s without a token", service.getKey()).isEqualTo(401);
            assertThat(status(direct, "Bearer " + forged)).as("%s, forged token", service.getKey()).isEqualTo(401);
            assertThat(status(direct, "Bearer " + ForgedTokens.withWidenedRoles(token)))
                    .as("%s, tampered token", service.getKey()).isEqualTo(401);
            assertThat(status(direct, "Bearer " + token)).as("%s, the gateway's token", service.getKey())
                    .isEqualTo(200);
        }
        for (String service : List.of("monitoring", "grading", "casework", "publishing")) {
            assertThat(status(settings.url(service) + "/internal/events?waitMillis=0", "Bearer " + token))
                    .as("%s feed with a user's token", service).isEqualTo(403);
        }

        // The administrator adds a user to a sibling unit below the district; that user sees none of the
        // district's own incident, case or posts.
        String password = "edu-" + UUID.randomUUID();
        HttpResponse<String> created = send("POST", "/api/identity/users", basic(DemoDrill.LOGIN, DemoDrill.PASSWORD),
                """
                {"login":"edu-handler","name":"教育局处置员","password":"%s","units":["district-education"],
                 "roles":["MONITOR","ANALYST","LEADER","UNIT_HANDLER","PUBLISHER"]}""".formatted(password));
        assertThat(created.statusCode()).as("user created: %s", created.body()).isEqualTo(201);
        String sibling = basic("edu-handler", password);

        String districtCases = get("/api/casework/cases");
        Matcher caseId = Pattern.compile("\"id\"\\s*:\\s*\"?([0-9a-f-]{1,36})").matcher(districtCases);
        assertThat(caseId.find()).as("a case id in %s", districtCases).isTrue();
        HttpResponse<String> siblingCases = send("GET", "/api/casework/cases", sibling, null);
        assertThat(siblingCases.statusCode()).isEqualTo(200);
        assertThat(siblingCases.body()).doesNotContain(DemoDrill.INCIDENT_TITLE).doesNotContain("东湖化工厂");
        assertThat(send("GET", "/api/casework/cases/" + caseId.group(1), sibling, null).statusCode())
                .as("another unit's case").isEqualTo(404);
        HttpResponse<String> search = send("GET", "/api/monitoring/posts/search?q="
                + URLEncoder.encode("化工厂", StandardCharsets.UTF_8), sibling, null);
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).containsPattern("\"total\"\\s*:\\s*0\\b").doesNotContain("化工厂");
        assertThat(send("GET", "/api/identity/users", sibling, null).statusCode()).as("users page without ADMIN")
                .isEqualTo(403);
    }

    @Test
    @Order(50)
    void stopping_leaves_no_process_behind_and_starting_again_keeps_the_data() throws Exception {
        long self = ProcessHandle.current().pid();
        Map<Long, String> processes = new HashMap<>();
        for (long pid : platform.pids()) {
            if (pid != self) {
                processes.put(pid, ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("?"));
            }
        }
        assertThat(processes).as("services, Elasticsearch and PostgreSQL processes").hasSizeGreaterThan(8);
        platform.close();
        platform = null;
        processes.forEach((pid, command) -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                .as("process %d (%s) still alive after stop", pid, command).isEmpty());

        platform = Platform.start(settings);
        assertThat(new DemoDrill(settings.url("gateway")).loadIfAbsent()).as("demo loaded again").isFalse();
        assertThat(get("/api/casework/cases")).contains(DemoDrill.INCIDENT_TITLE).contains("东湖化工厂");
        assertThat(get("/api/monitoring/posts/search?q=" + java.net.URLEncoder.encode("危化品泄漏", StandardCharsets.UTF_8)))
                .contains("东湖化工厂");
    }

    /** A token of the user, from the gateway's token endpoint for logged-in users. */
    static String tokenFor(String login, String password) throws IOException, InterruptedException {
        HttpResponse<String> answer = send("POST", "/api/identity/token", basic(login, password), null);
        assertThat(answer.statusCode()).as("token for %s: %s", login, answer.body()).isEqualTo(200);
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
        assertThat(token.find()).as("access_token in %s", answer.body()).isTrue();
        return token.group(1);
    }

    static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static int status(String url, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static HttpResponse<String> send(String method, String path, String authorization, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.url("gateway") + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(settings.url("gateway") + path))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                (DemoDrill.LOGIN + ":" + DemoDrill.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response.body();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
