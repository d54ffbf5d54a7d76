package org.yuqing.casework.documents;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.yuqing.casework.cases.CaseworkIntegrationTest;
import org.yuqing.casework.cases.Fixtures;
import org.yuqing.casework.cases.TestCaller;
import org.yuqing.casework.cases.TestClock;
import org.yuqing.domain.Category;
import org.yuqing.domain.Level;
import org.yuqing.domain.events.IncidentGraded;
import org.yuqing.domain.events.StatementPublished;
import org.yuqing.events.IntegrationEventListener;
import org.yuqing.platform.stack.StackTestProperties;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.casework.cases.Fixtures.T0;

/**
 * A major incident handled from its first grade to its review, then its three documents generated through the API
 * as PDF and DOCX and read the way a person reads them: PDFs rendered page by page to PNG with PDFBox, DOCX converted
 * to PDF by LibreOffice ({@code soffice --headless}) and rendered the same way. The PNGs are kept under
 * {@code target/documents/} for a person to look at.
 */
@CaseworkIntegrationTest
class CaseDocumentsTest {

    /** Where the rendered pages are kept. */
    static final Path OUT = Path.of("target", "documents");

    private static final String TITLE = "高新区化工厂爆炸事故";
    private static final String FIRST_STATEMENT = "关于高新区化工厂爆炸事故的情况通报";
    private static final Pattern PAGE_NUMBER = Pattern.compile("第 ?(\\d+) ?页 ?共 ?(\\d+) ?页");

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry r) {
        StackTestProperties.postgres(r);
        TestTokens.shared().register(r);
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    TestClock clock;
    @Autowired
    TestCaller caller;
    @Autowired
    IntegrationEventListener upstream;
    @Autowired
    JdbcTemplate jdbc;

    String unit;
    String login;

    @BeforeEach
    void setUp() {
        unit = "district-" + UUID.randomUUID().toString().substring(0, 8);
        login = "wang-" + UUID.randomUUID().toString().substring(0, 8);
        caller.is(login, unit);
        clock.set(T0);
    }

    @Test
    void the_three_documents_of_a_handled_case_read_in_chinese_as_pdf_with_its_facts_on_rendered_pages() throws Exception {
        UUID caseId = handledCase();
        String caseNumber = "YQ-20261121-" + caseId.toString().substring(0, 8).toUpperCase();

        for (DocumentKind kind : DocumentKind.values()) {
            MvcTestResult result = get(caseId, kind.path() + ".pdf");
            assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
            assertThat(result.getResponse().getHeader("Content-Disposition"))
                    .startsWith("attachment").contains("filename*=UTF-8''");
            byte[] pdf = result.getResponse().getContentAsByteArray();
            Files.createDirectories(OUT);
            Files.write(OUT.resolve(kind.path() + ".pdf"), pdf);
            RenderedPdf rendered = RenderedPdf.of(pdf, OUT, kind.path() + "-pdf");

            assertReadsLikeTheCase(rendered, kind, caseNumber);
            assertThat(rendered.fonts()).as("fonts of %s.pdf", kind.path())
                    .isNotEmpty().allMatch(f -> f.contains("CJK") && f.contains("Type0") && f.contains(", embedded"));
        }
        assertThat(jdbc.queryForList("select target || ' ' || detail from casework.audit_event where actor = ? "
                + "and action = 'EXPORT' order by id", String.class, login))
                .hasSize(3).allMatch(line -> line.startsWith("case " + caseId))
                .anyMatch(line -> line.contains("special-report.pdf (舆情专报"));
    }

    @Test
    void the_same_documents_as_docx_carry_the_chart_and_render_alike_through_libreoffice() throws Exception {
        UUID caseId = handledCase();
        String caseNumber = "YQ-20261121-" + caseId.toString().substring(0, 8).toUpperCase();
        Path docxDir = OUT.resolve("docx");
        Files.createDirectories(docxDir);
        List<Path> files = new ArrayList<>();
        for (DocumentKind kind : DocumentKind.values()) {
            MvcTestResult result = get(caseId, kind.path() + ".docx");
            assertThat(result).hasStatusOk().hasContentType(DocumentFormat.DOCX.mediaType());
            byte[] docx = result.getResponse().getContentAsByteArray();
            try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
                assertThat(document.getAllPictures()).as("the heat curve in %s.docx", kind.path()).hasSize(1);
                assertThat(document.getAllPictures().getFirst().getPictureType())
                        .isEqualTo(org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG);
                assertThat(document.getDocument().getBody().getSectPr().getPgSz().getW())
                        .as("A4 width in twips").hasToString("11906");
            }
            Path file = docxDir.resolve(kind.path() + ".docx");
            Files.write(file, docx);
            files.add(file);
        }

        Map<DocumentKind, byte[]> converted = convertWithLibreOffice(files, docxDir);
        for (DocumentKind kind : DocumentKind.values()) {
            RenderedPdf rendered = RenderedPdf.of(converted.get(kind), OUT, kind.path() + "-docx");
            assertReadsLikeTheCase(rendered, kind, caseNumber);
            assertThat(rendered.fonts()).as("fonts LibreOffice set %s.docx in", kind.path())
                    .anyMatch(f -> f.contains("CJK") && f.contains(", embedded"));
        }
    }

    @Test
    void another_units_case_has_no_documents_and_an_unknown_document_is_a_404_naming_the_documents() {
        UUID caseId = openedCase();
        String stranger = TestTokens.shared().user("li").units("west-" + UUID.randomUUID()).bearer();

        MvcTestResult foreign = mvc.get().uri("/api/casework/cases/{id}/documents/registration.pdf", caseId)
                .header("Authorization", stranger).exchange();
        MvcTestResult unknownCase = mvc.get().uri("/api/casework/cases/{id}/documents/registration.pdf",
                UUID.randomUUID()).header("Authorization", stranger).exchange();
        assertThat(foreign).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(unknownCase).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(json.readTree(foreign.getResponse().getContentAsByteArray()).path("detail").asString())
                .isEqualTo(json.readTree(unknownCase.getResponse().getContentAsByteArray()).path("detail").asString());

        MvcTestResult unknownKind = get(caseId, "minutes.pdf");
        assertThat(unknownKind).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(json.readTree(unknownKind.getResponse().getContentAsByteArray()).path("detail").asString())
                .contains("registration", "special-report", "review", "pdf", "docx");
        assertThat(get(caseId, "registration.odt")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject("select count(*) from casework.audit_event where action = 'EXPORT' and target = ?",
                Integer.class, "case " + caseId)).as("nothing was exported").isZero();
    }

    @Test
    void the_review_of_a_case_not_yet_reviewed_is_a_draft_that_says_so() throws Exception {
        UUID caseId = openedCase();

        RenderedPdf rendered = RenderedPdf.of(get(caseId, "review.pdf").getResponse().getContentAsByteArray(),
                OUT.resolve("draft"), "review-draft");

        assertThat(flat(rendered.text())).contains("草稿：本案尚未提交总结评估", "尚无报告记录", "（待填）", "尚未发布信息");
        assertThat(rendered.tofu()).isEmpty();
    }

    @Test
    void monitorings_measured_heat_is_the_documents_curve_when_it_came() throws Exception {
        UUID caseId = openedCase();
        UUID incident = jdbc.queryForObject("select incident_id from casework.case_file where id = ?", UUID.class,
                caseId);
        for (int i = 0; i < 3; i++) {
            long volume = 100L * (i + 1);
            upstream.on("monitoring", new org.yuqing.domain.events.IncidentMetricsChanged(UUID.randomUUID(),
                    T0.plus(Duration.ofMinutes(30L * i)), incident, unit, new org.yuqing.domain.IncidentMetrics(volume,
                    volume * 20, volume / 10, volume / 20, 5, 1, 1, volume, volume * 20, volume / 10, volume / 20, 0.4,
                    java.util.Set.of())));
        }

        RenderedPdf rendered = RenderedPdf.of(get(caseId, "registration.pdf").getResponse().getContentAsByteArray(),
                OUT.resolve("measured"), "registration-measured");

        assertThat(flat(rendered.text())).contains("数据来源：监测服务自发现起逐次上报的舆情总量，共3个时点")
                .doesNotContain("数据来源：本案各次研判记录");
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", "");
    }

    private void assertReadsLikeTheCase(RenderedPdf rendered, DocumentKind kind, String caseNumber) {
        // Lines wrap anywhere in Chinese text: compare without whitespace.
        String text = flat(rendered.text());
        String what = kind.path() + " " + rendered.pages().getFirst().png();
        assertThat(text).as(what).contains(flat(kind.title()), TITLE, caseNumber, unit, "重大（II级）", "恶意炒作",
                "区网络舆情处置工作应急预案", "舆情总量958篇", "数据来源：本案各次研判记录",
                // deadlines: the report 20 minutes late, the first statement in time, the review in time
                "上报时限", "超时完成", "超时20分钟", "首次发声时限", "按时完成", "书面报告时限", "总结评估时限",
                // reports, statements and approvals
                "电话报告", "区委宣传部分管领导", "舆情专报", "区委主要领导", "迟报20分钟",
                FIRST_STATEMENT, "事故调查进展通报", "张科长→李副区长→王区长",
                "单位负责人→分管领导→主要领导", "核实伤亡情况并通报");
        switch (kind) {
            case REGISTRATION -> assertThat(text).as(what).contains("登记人：" + login, "研判依据", "处置过程");
            case SPECIAL_REPORT -> assertThat(text).as(what).contains("报送", "下一步工作", "编报：" + login);
            case REVIEW -> assertThat(text).as(what).contains("事件概况", "评估", "现场处置及时，首次发声在黄金24小时内",
                    "电话报告后迟报20分钟，应提前预置报告模板", "提交时间", "按时", "超时完成1项");
        }
        assertThat(rendered.tofu()).as("characters drawn as empty boxes in " + what).isEmpty();
        int pages = rendered.pages().size();
        assertThat(pages).as("pages of " + what).isBetween(2, 12);
        for (RenderedPdf.Page page : rendered.pages()) {
            int number = rendered.pages().indexOf(page) + 1;
            Matcher m = PAGE_NUMBER.matcher(page.text());
            assertThat(m.find()).as("page number on page %d of %s", number, what).isTrue();
            assertThat(List.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                    .as("page number on page %d of %s", number, what).containsExactly(number, pages);
            assertThat(page.ink()).as("ink on %s", page.png()).isBetween(0.002, 0.5);
            assertThat(page.bodyInk()).as("ink between header and page number on %s", page.png()).isGreaterThan(0.0005);
        }
        assertThat(rendered.pages().getFirst().ink()).as("the first page, with the form and the chart, carries ink")
                .isGreaterThan(0.02);
    }

    // A major incident from its first grade to its closing review, as grading, publishing and users record it.
    private UUID handledCase() {
        UUID incident = UUID.randomUUID();
        grade(incident, T0, Level.SERIOUS, null, Category.UNCLASSIFIED,
                "舆情总量 180 篇 ≥ 100 — 区网络舆情处置工作应急预案 六(三)2", "评论量 36 条 ≥ 10 — 区网络舆情处置工作应急预案 六(三)2");
        UUID caseId = caseOf(incident);
        grade(incident, T0.plus(Duration.ofHours(1)), Level.SERIOUS, Level.SERIOUS, Category.HYPE,
                "舆情总量 320 篇 ≥ 100 — 区网络舆情处置工作应急预案 六(三)2");
        grade(incident, T0.plus(Duration.ofHours(3)), Level.MAJOR, Level.SERIOUS, Category.HYPE,
                "舆情总量 612 篇 > 500 — 区网络舆情处置工作应急预案 六(三)3", "主流媒体 2 家 ≥ 1 — 区网络舆情处置工作应急预案 六(三)3");
        at(Duration.ofMinutes(5 * 60 + 20));
        post(caseId, "reports", "{\"kind\":\"PHONE\",\"to\":[\"区委宣传部分管领导\",\"区网信办\"]}");
        at(Duration.ofMinutes(5 * 60 + 40));
        post(caseId, "reports", "{\"kind\":\"SPECIAL\",\"to\":[\"区委主要领导\",\"区委宣传部分管领导\"]}");
        at(Duration.ofHours(6));
        post(caseId, "transitions", "{\"to\":\"CONSULTING\",\"note\":\"召开会商会\"}");
        post(caseId, "transitions", "{\"to\":\"RESPONDING\"}");
        String task = post(caseId, "tasks", "{\"unitId\":\"" + unit + "\",\"title\":\"核实伤亡情况并通报\",\"dueAt\":\""
                + T0.plus(Duration.ofHours(8)) + "\"}");
        at(Duration.ofHours(7));
        post(caseId, "tasks/" + json.readTree(task).path("id").asString() + "/complete", "{}");
        statement(caseId, FIRST_STATEMENT, T0.plus(Duration.ofHours(9)));
        grade(incident, T0.plus(Duration.ofHours(12)), Level.MAJOR, Level.MAJOR, Category.HYPE,
                "舆情总量 958 篇 > 500 — 区网络舆情处置工作应急预案 六(三)3");
        statement(caseId, "事故调查进展通报", T0.plus(Duration.ofHours(30)));
        at(Duration.ofHours(34));
        post(caseId, "comments", "{\"text\":\"现场处置完毕，网上讨论明显回落\"}");
        at(Duration.ofHours(36));
        post(caseId, "transitions", "{\"to\":\"TRACKING\"}");
        at(Duration.ofHours(48));
        post(caseId, "transitions", "{\"to\":\"SUBSIDED\",\"note\":\"舆情平息\"}");
        at(Duration.ofHours(60));
        post(caseId, "review", "{\"summary\":\"现场处置及时，首次发声在黄金24小时内，网上舆情两日内平息。\","
                + "\"lessons\":\"电话报告后迟报20分钟，应提前预置报告模板；建议预案增加化工园区专项监测主题。\"}");
        at(Duration.ofHours(61));
        post(caseId, "transitions", "{\"to\":\"REVIEWED\"}");
        return caseId;
    }

    private UUID openedCase() {
        UUID incident = UUID.randomUUID();
        grade(incident, T0, Level.MAJOR, null, Category.UNCLASSIFIED,
                "主流媒体 1 家 ≥ 1 — 区网络舆情处置工作应急预案 六(三)3");
        return caseOf(incident);
    }

    private void grade(UUID incident, Instant at, Level level, Level previous, Category category, String... reasons) {
        clock.set(at);
        upstream.on("grading", new IncidentGraded(UUID.randomUUID(), at, incident, unit, TITLE, level, previous,
                category, List.of(reasons), "district", 1, previous != null && level.isAbove(previous),
                Fixtures.districtTerms(level)));
    }

    private void statement(UUID caseId, String title, Instant at) {
        clock.set(at);
        UUID id = UUID.randomUUID();
        upstream.on("publishing", new StatementPublished(UUID.randomUUID(), at, id, caseId, unit, title,
                "http://127.0.0.1:8080/public/statements/" + id, List.of("website", "weibo"),
                List.of("张科长", "李副区长", "王区长"), at));
    }

    private UUID caseOf(UUID incident) {
        return jdbc.queryForObject("select id from casework.case_file where incident_id = ?", UUID.class, incident);
    }

    private void at(Duration sinceT0) {
        clock.set(T0.plus(sinceT0));
    }

    private String post(UUID caseId, String path, String body) {
        MvcTestResult result = mvc.post().uri("/api/casework/cases/" + caseId + "/" + path)
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
        assertThat(result.getResponse().getStatus()).as("POST %s: %s", path,
                new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8)).isBetween(200, 201);
        return new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private MvcTestResult get(UUID caseId, String document) {
        return mvc.get().uri("/api/casework/cases/{id}/documents/" + document, caseId).exchange();
    }

    // One soffice run for all files; its own profile directory, so concurrent runs on the machine do not collide.
    private static Map<DocumentKind, byte[]> convertWithLibreOffice(List<Path> files, Path directory)
            throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("docs-lo-profile");
        List<String> command = new ArrayList<>(List.of("soffice", "-env:UserInstallation=" + profile.toUri(),
                "--headless", "--norestore", "--convert-to", "pdf", "--outdir", directory.toAbsolutePath().toString()));
        files.forEach(f -> command.add(f.toAbsolutePath().toString()));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("soffice.log").toFile()).start();
            assertThat(process.waitFor(240, TimeUnit.SECONDS)).as("soffice finished within 4 minutes").isTrue();
            assertThat(process.exitValue()).as("soffice exit status; see " + directory.resolve("soffice.log")).isZero();
        } finally {
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Map<DocumentKind, byte[]> converted = new LinkedHashMap<>();
        for (DocumentKind kind : DocumentKind.values()) {
            Path pdf = directory.resolve(kind.path() + ".pdf");
            assertThat(pdf).as("LibreOffice's PDF of %s.docx", kind.path()).exists();
            converted.put(kind, Files.readAllBytes(pdf));
        }
        return converted;
    }
}
