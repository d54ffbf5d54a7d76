package org.yuqing.publishing.access;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.Level;
import org.yuqing.domain.events.CaseOpened;
import org.yuqing.publishing.PublishingIntegrationTest;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * 属地管理: two sibling units whose users hold every role, so only the unit scope can refuse. West tries every
 * endpoint of the statements API (enumerated from the running service) on east's statements and meets 404 as for
 * unknown ids; lists never show another unit's statements; a user of the parent unit sees both.
 */
class UnitIsolationTest extends PublishingIntegrationTest {

    private static final String API = "/api/publishing/";
    /** The service's own audit: not an object of a unit, guarded by the ADMIN role (see AccessMatrixTest). */
    private static final String AUDIT = "/api/publishing/audit";
    /** The drafting templates: the same for every unit, nothing of a unit in them. */
    private static final String TEMPLATES = "/api/publishing/templates";
    /** The channel configuration: the service's, not a unit's (ADMIN only, see AccessMatrixTest). */
    private static final String CHANNELS = "/api/publishing/channels";

    @Autowired
    ApplicationContext context;

    private final String east = "east-" + UUID.randomUUID();
    private final String west = "west-" + UUID.randomUUID();
    private final String parent = "parent-" + UUID.randomUUID();
    private final String eastUser = "east-user-" + UUID.randomUUID();
    private final String westUser = "west-user-" + UUID.randomUUID();

    private UUID eastCase;
    private UUID eastDraft;
    private UUID eastPublished;
    private UUID westStatement;

    @BeforeEach
    void eachUnitHasItsStatements() throws Exception {
        eastCase = open(east, Level.MAJOR, MAJOR_APPROVALS);
        eastDraft = draftAs(eastUser(), eastCase, "东区的草稿");
        // a level that needs no approval: published at once, so publish and retry have a released statement to hit
        eastPublished = draftAs(eastUser(), open(east, Level.GENERAL, List.of()), "东区已发布的答复");
        assertThat(mvc.perform(post("/api/publishing/statements/" + eastPublished + "/publish")
                .header(HttpHeaders.AUTHORIZATION, eastUser())).andReturn().getResponse().getStatus()).isEqualTo(200);
        westStatement = draftAs(westUser(), open(west, Level.MAJOR, MAJOR_APPROVALS), "西区的草稿");
    }

    @Test
    void west_meets_404_on_every_endpoint_that_addresses_easts_statements_and_changes_nothing() throws Exception {
        List<Endpoints.Endpoint> addressed = Endpoints.of(context).stream()
                .filter(e -> e.pattern().startsWith(API) && !e.pattern().equals(AUDIT) && !e.pattern().equals(TEMPLATES)
                        && !e.pattern().equals(CHANNELS))
                .filter(Endpoints.Endpoint::addressesAnObject)
                .toList();
        assertThat(addressed).extracting(Endpoints.Endpoint::key).contains(
                "GET /api/publishing/statements/{id}", "PUT /api/publishing/statements/{id}",
                "POST /api/publishing/statements/{id}/approvals", "POST /api/publishing/statements/{id}/publish",
                "POST /api/publishing/statements/{id}/releases/{channel}/retry",
                "POST /api/publishing/statements/{id}/releases/manual/proof",
                "GET /api/publishing/statements/{id}/versions",
                "GET /api/publishing/statements/{id}/versions/{a}/diff/{b}",
                "GET /api/publishing/statements/{id}/renditions",
                "PUT /api/publishing/statements/{id}/schedule", "DELETE /api/publishing/statements/{id}/schedule",
                "POST /api/publishing/statements/{id}/retract", "POST /api/publishing/statements/{id}/corrections");

        List<String> wrong = new ArrayList<>();
        for (Endpoints.Endpoint endpoint : addressed) {
            for (UUID statement : List.of(eastDraft, eastPublished)) {
                String path = endpoint.path(Map.of("id", statement.toString(), "channel", "website", "a", "1",
                        "b", "1"));
                MockHttpServletResponse response = mvc.perform(asWest(endpoint, path)).andReturn().getResponse();
                if (response.getStatus() != 404
                        || !String.valueOf(response.getContentType()).startsWith("application/problem+json")) {
                    wrong.add(endpoint.method() + " " + path + ": " + response.getStatus());
                }
            }
        }

        assertThat(wrong).isEmpty();
        JsonNode draft = read(eastDraft, eastUser());
        assertThat(draft.path("title").asString()).isEqualTo("东区的草稿");
        assertThat(draft.path("state").asString()).isEqualTo("DRAFT");
        assertThat(draft.path("approvals")).isEmpty();
        assertThat(draft.path("scheduledAt").isNull()).as("not scheduled by west").isTrue();
        assertThat(read(eastPublished, eastUser()).path("withdrawal").isNull()).as("not retracted by west").isTrue();
        assertThat(jdbc.queryForObject("select count(*) from publishing.statement where corrects in (?, ?)",
                Long.class, eastDraft, eastPublished)).as("no correction drafted by west").isZero();
        assertThat(jdbc.queryForList("select outcome from publishing.release_attempt where statement_id = ?",
                String.class, eastPublished)).containsExactly("PUBLISHED");
        assertThat(jdbc.queryForObject("select count(*) from publishing.audit_event where actor = ? and action = 'DENIED'",
                Long.class, westUser)).isEqualTo(2L * addressed.size());
    }

    @Test
    void every_statements_endpoint_without_an_id_is_covered_by_this_test() {
        List<String> unaddressed = Endpoints.of(context).stream()
                .filter(e -> e.pattern().startsWith(API) && !e.pattern().equals(AUDIT) && !e.pattern().equals(TEMPLATES)
                        && !e.pattern().equals(CHANNELS))
                .filter(e -> !e.addressesAnObject())
                .map(Endpoints.Endpoint::key)
                .toList();

        assertThat(unaddressed).as("the list and the draft, each with its own test below")
                .containsExactlyInAnyOrder("GET /api/publishing/statements", "POST /api/publishing/statements");
    }

    @Test
    void west_cannot_draft_for_easts_case_which_answers_like_an_unknown_case() throws Exception {
        MvcResult refused = mvc.perform(post("/api/publishing/statements")
                .header(HttpHeaders.AUTHORIZATION, westUser())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("caseId", eastCase, "kind", "FACT_REPORT",
                        "title", "越权的草稿", "body", "正文")))).andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(404);
        assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(jdbc.queryForObject("select count(*) from publishing.statement where case_id = ?", Long.class,
                eastCase)).isEqualTo(1);
    }

    @Test
    void lists_show_only_the_statements_of_the_callers_units() throws Exception {
        assertThat(ids(list(westUser(), null))).contains(westStatement.toString())
                .doesNotContain(eastDraft.toString(), eastPublished.toString());
        assertThat(ids(list(eastUser(), null))).contains(eastDraft.toString(), eastPublished.toString())
                .doesNotContain(westStatement.toString());
        assertThat(ids(list(eastUser(), eastCase))).containsExactly(eastDraft.toString());

        MockHttpServletResponse byEastsCase = mvc.perform(get("/api/publishing/statements")
                .param("caseId", eastCase.toString())
                .header(HttpHeaders.AUTHORIZATION, westUser())).andReturn().getResponse();
        assertThat(byEastsCase.getStatus()).isEqualTo(404);
        assertThat(byEastsCase.getContentAsString()).doesNotContain(eastDraft.toString());
    }

    @Test
    void a_user_of_the_parent_unit_sees_and_reads_the_statements_of_both_children() throws Exception {
        String parentUser = TestTokens.shared().user("parent-user-" + UUID.randomUUID()).units(parent)
                .scope(parent, east, west).bearer();

        assertThat(ids(list(parentUser, null)))
                .contains(eastDraft.toString(), eastPublished.toString(), westStatement.toString());
        assertThat(read(eastDraft, parentUser).path("unitId").asString()).isEqualTo(east);
        assertThat(read(westStatement, parentUser).path("unitId").asString()).isEqualTo(west);
    }

    @Test
    void the_owning_unit_can_approve_its_statement_where_the_sibling_could_not() throws Exception {
        MockHttpServletResponse approved = mvc.perform(post("/api/publishing/statements/" + eastDraft + "/approvals")
                .header(HttpHeaders.AUTHORIZATION, eastUser())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("step", ApprovalStep.UNIT_HEAD.name(), "decision", "APPROVE"))))
                .andReturn().getResponse();

        assertThat(approved.getStatus()).isEqualTo(200);
        assertThat(read(eastDraft, eastUser()).path("approvals").get(0).path("approver").asString()).isEqualTo(eastUser);
    }

    private String eastUser() {
        return TestTokens.shared().user(eastUser).units(east).bearer();
    }

    private String westUser() {
        return TestTokens.shared().user(westUser).units(west).bearer();
    }

    /** West's call of the endpoint with bodies that would be valid for east, so only the unit can refuse. */
    private MockHttpServletRequestBuilder asWest(Endpoints.Endpoint endpoint, String path) throws Exception {
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(endpoint.callMethod()), path)
                .header(HttpHeaders.AUTHORIZATION, westUser());
        Object body = switch (endpoint.method()) {
            case "PUT" -> path.endsWith("/schedule")
                    ? Map.of("at", java.time.Instant.now().plusSeconds(3600).toString())
                    : Map.of("title", "西区改的标题", "body", "西区改的正文");
            case "POST" -> path.endsWith("/approvals")
                    ? Map.of("step", ApprovalStep.UNIT_HEAD.name(), "decision", "APPROVE", "comment", "同意")
                    : path.endsWith("/proof") ? Map.of("url", "https://weibo.example.cn/post/1")
                    : path.endsWith("/retract") ? Map.of("reason", "西区撤回")
                    : path.endsWith("/corrections") ? Map.of("title", "西区更正", "body", "正文", "reason", "有误")
                    : null;
            default -> null;
        };
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return request;
    }

    private UUID open(String unit, Level level, List<ApprovalStep> approvals) {
        CaseOpened opened = caseOpened(unit, level, approvals);
        listener.on("casework", opened);
        return opened.caseId();
    }

    private UUID draftAs(String authorization, UUID caseId, String title) throws Exception {
        MvcResult created = mvc.perform(post("/api/publishing/statements")
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("caseId", caseId, "kind", "FACT_REPORT", "title", title,
                        "body", "正文")))).andReturn();
        assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
        return UUID.fromString(body(created).path("id").asString());
    }

    private JsonNode read(UUID statement, String authorization) throws Exception {
        MvcResult result = mvc.perform(get("/api/publishing/statements/" + statement)
                .header(HttpHeaders.AUTHORIZATION, authorization)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return body(result);
    }

    private JsonNode list(String authorization, UUID caseId) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/publishing/statements")
                .header(HttpHeaders.AUTHORIZATION, authorization);
        if (caseId != null) {
            request.param("caseId", caseId.toString());
        }
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return body(result);
    }

    private static List<String> ids(JsonNode list) {
        return list.valueStream().map(n -> n.path("id").asString()).toList();
    }
}
