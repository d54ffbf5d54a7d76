package org.yuqing.casework.attachments;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.yuqing.casework.cases.CaseworkIntegrationTest;
import org.yuqing.casework.cases.TestCaller;
import org.yuqing.casework.cases.TestClock;
import org.yuqing.casework.ledger.Ledger;
import org.yuqing.casework.ledger.LedgerEntry;
import org.yuqing.platform.stack.StackTestProperties;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.casework.cases.Fixtures.T0;

@CaseworkIntegrationTest
class AttachmentApiTest {

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
    Ledger ledger;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestCaller caller;
    @Autowired
    AttachmentProperties properties;

    String unit;

    @BeforeEach
    void setUp() {
        unit = "unit-" + UUID.randomUUID();
        caller.is("zhou", unit);
        clock.set(T0);
    }

    @Test
    void an_uploaded_file_comes_back_byte_for_byte_with_its_sha256_which_is_also_in_the_ledger() throws Exception {
        UUID id = openCase();
        byte[] content = "化工厂泄漏现场情况说明\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(content);

        JsonNode uploaded = body(upload(id, new MockMultipartFile("file", "C:\\材料\\情况说明.txt",
                "text/plain;charset=UTF-8", content)), HttpStatus.CREATED);

        assertThat(uploaded.path("fileName").asString()).isEqualTo("情况说明.txt");
        assertThat(uploaded.path("size").asLong()).isEqualTo(content.length);
        assertThat(uploaded.path("sha256").asString()).isEqualTo(HexFormat.of().formatHex(sha));
        assertThat(uploaded.path("uploadedBy").asString()).isEqualTo("zhou");
        LedgerEntry entry = ledger.entriesOf(id).getLast();
        assertThat(entry.kind()).isEqualTo("ATTACHMENT_ADDED");
        assertThat(entry.summary()).contains(HexFormat.of().formatHex(sha));
        assertThat(jdbc.queryForObject("select detail->>'sha256' from casework.ledger_entry where seq = ?",
                String.class, entry.seq())).isEqualTo(HexFormat.of().formatHex(sha));
        JsonNode listed = body(mvc.get().uri("/api/casework/cases/{id}", id).exchange(), HttpStatus.OK)
                .path("attachments").get(0);
        assertThat(listed.path("id").asString()).isEqualTo(uploaded.path("id").asString());

        MvcTestResult download = mvc.get().uri(listed.path("href").asString()).exchange();
        assertThat(download).hasStatusOk();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(content);
        String b64 = Base64.getEncoder().encodeToString(sha);
        assertThat(download.getResponse().getHeader("Repr-Digest")).isEqualTo("sha-256=:" + b64 + ":");
        assertThat(download.getResponse().getHeader("Digest")).isEqualTo("sha-256=" + b64);
        assertThat(download.getResponse().getContentType()).isEqualTo("text/plain;charset=UTF-8");
        assertThat(download.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;")
                .contains("filename*=UTF-8''");
    }

    @Test
    void a_file_whose_stored_bytes_were_changed_is_refused_with_a_checksum_mismatch_problem() {
        UUID id = openCase();
        String aid = body(upload(id, new MockMultipartFile("file", "通报.pdf", "application/pdf",
                new byte[]{1, 2, 3, 4})), HttpStatus.CREATED).path("id").asString();
        jdbc.update("update casework.case_attachment set content = ? where id = ?::uuid", new byte[]{1, 2, 3, 5}, aid);

        MvcTestResult corrupted = mvc.get().uri("/api/casework/cases/{id}/attachments/{a}", id, aid).exchange();

        assertThat(corrupted).hasStatus(HttpStatus.CONFLICT);
        assertThat(corrupted.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = json.readTree(corrupted.getResponse().getContentAsByteArray());
        assertThat(problem.path("title").asString()).isEqualTo("Checksum mismatch");
        assertThat(problem.path("detail").asString()).startsWith("checksum mismatch");
    }

    @Test
    void a_file_over_the_configured_limit_is_413_and_leaves_no_trace_and_one_at_the_limit_is_taken() {
        UUID id = openCase();
        int max = Math.toIntExact(properties.maxSize().toBytes());
        assertThat(max).isEqualTo(20 * 1024 * 1024);

        MvcTestResult tooLarge = upload(id, new MockMultipartFile("file", "录像.mp4", "video/mp4", new byte[max + 1]));
        assertThat(tooLarge).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(tooLarge.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(jdbc.queryForObject("select count(*) from casework.case_attachment where case_id = ?",
                Integer.class, id)).isZero();

        assertThat(upload(id, new MockMultipartFile("file", "录像.mp4", "video/mp4", new byte[max])))
                .hasStatus(HttpStatus.CREATED);
    }

    @Test
    void a_missing_or_empty_file_an_unknown_attachment_and_another_units_case_are_problems() {
        UUID id = openCase();
        assertThat(mvc.post().uri("/api/casework/cases/{id}/attachments", id).multipart()
                .file(new MockMultipartFile("other", "x.txt", "text/plain", new byte[]{1})).exchange())
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(upload(id, new MockMultipartFile("file", "空.txt", "text/plain", new byte[0])))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(mvc.get().uri("/api/casework/cases/{id}/attachments/{a}", id, UUID.randomUUID()).exchange())
                .hasStatus(HttpStatus.NOT_FOUND);
        String stranger = TestTokens.shared().user("wu").units("other-" + unit).bearer();
        assertThat(mvc.post().uri("/api/casework/cases/{id}/attachments", id).multipart()
                .file(new MockMultipartFile("file", "x.txt", "text/plain", new byte[]{1}))
                .header(HttpHeaders.AUTHORIZATION, stranger).exchange()).hasStatus(HttpStatus.NOT_FOUND);
    }

    private MvcTestResult upload(UUID caseId, MockMultipartFile file) {
        return mvc.post().uri("/api/casework/cases/{id}/attachments", caseId).multipart().file(file).exchange();
    }

    private UUID openCase() {
        MvcTestResult opened = mvc.post().uri("/api/casework/cases").contentType(MediaType.APPLICATION_JSON)
                .content("{\"incidentId\":\"" + UUID.randomUUID() + "\",\"title\":\"化工厂泄漏\",\"unitId\":\"" + unit
                        + "\",\"level\":\"SERIOUS\",\"reason\":\"网民集中反映\"}").exchange();
        return UUID.fromString(body(opened, HttpStatus.CREATED).path("id").asString());
    }

    private JsonNode body(MvcTestResult result, HttpStatus status) {
        assertThat(result).hasStatus(status);
        return json.readTree(result.getResponse().getContentAsByteArray());
    }
}
