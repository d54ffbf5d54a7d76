package org.yuqing.publishing.statements;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.Level;
import org.yuqing.domain.events.CaseEscalated;
import org.yuqing.domain.events.CaseOpened;
import org.yuqing.publishing.PublishingIntegrationTest;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

class StatementApprovalAndReleaseTest extends PublishingIntegrationTest {

    @Test
    void a_drafted_statement_waits_for_the_approvals_its_case_requires() throws Exception {
        UUID caseId = openMajorCase();

        MvcResult created = postJson("/api/publishing/statements", Map.of("caseId", caseId, "kind", "FACT_REPORT",
                "title", "  关于化工厂事故的情况通报  ", "body", "第一段。\n第二段。"), "chen.analyst");

        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        JsonNode s = body(created);
        assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/publishing/statements/" + s.path("id").asString());
        assertThat(s.path("state").asString()).isEqualTo("DRAFT");
        assertThat(s.path("title").asString()).isEqualTo("关于化工厂事故的情况通报");
        assertThat(s.path("kindName").asString()).isEqualTo("事实通报");
        assertThat(s.path("createdBy").asString()).isEqualTo("chen.analyst");
        assertThat(s.path("level").asString()).isEqualTo("MAJOR");
        assertThat(texts(s.path("requiredApprovals"))).containsExactly("UNIT_HEAD", "LEADER_IN_CHARGE", "MAIN_LEADER");
        assertThat(s.path("nextStep").asString()).isEqualTo("UNIT_HEAD");
        assertThat(s.path("contentHash").asString()).hasSize(64);
    }

    @Test
    void publishing_without_approvals_is_refused_recorded_and_announces_nothing() throws Exception {
        UUID id = draft(openMajorCase(), "情况通报", "正文");

        MvcResult refused = publish(id);

        assertProblem(refused, 409);
        JsonNode problem = body(refused);
        assertThat(problem.path("type").asString()).isEqualTo("urn:yuqing:publishing:approvals-missing");
        assertThat(texts(problem.path("missingApprovals"))).containsExactly("UNIT_HEAD", "LEADER_IN_CHARGE", "MAIN_LEADER");
        assertThat(jdbc.queryForList("select outcome || ':' || actor from publishing.release_attempt where statement_id = ?",
                String.class, id)).containsExactly("REFUSED:spokesperson");
        assertThat(jdbc.queryForObject("select reason from publishing.release_attempt where statement_id = ?",
                String.class, id)).contains("MAIN_LEADER");
        assertThat(outboxEvents(id)).isZero();
        assertThat(body(mvc.perform(get("/api/publishing/statements/" + id)).andReturn()).path("state").asString())
                .isEqualTo("DRAFT");
    }

    @Test
    void an_approval_out_of_order_is_refused_naming_the_expected_step() throws Exception {
        UUID id = draft(openMajorCase(), "情况通报", "正文");

        MvcResult skipped = approve(id, ApprovalStep.MAIN_LEADER, "wang.main");

        assertProblem(skipped, 409);
        assertThat(body(skipped).path("expectedStep").asString()).isEqualTo("UNIT_HEAD");
        assertThat(body(skipped).path("detail").asString()).contains("UNIT_HEAD");
        assertThat(approve(id, ApprovalStep.UNIT_HEAD, "zhang.unit").getResponse().getStatus()).isEqualTo(200);
        MvcResult repeated = approve(id, ApprovalStep.UNIT_HEAD, "zhang.unit");
        assertProblem(repeated, 409);
        assertThat(body(repeated).path("expectedStep").asString()).isEqualTo("LEADER_IN_CHARGE");
        assertThat(jdbc.queryForObject("select count(*) from publishing.approval where statement_id = ?", Long.class, id))
                .isEqualTo(1);
    }

    @Test
    void a_statement_approved_at_every_step_is_published_with_a_statement_published_event() throws Exception {
        UUID caseId = openMajorCase();
        UUID id = draft(caseId, "关于化工厂泄漏的事实通报", "今日上午发生泄漏。\n无人员伤亡。");
        approveAll(id);
        assertThat(body(mvc.perform(get("/api/publishing/statements/" + id)).andReturn()).path("state").asString())
                .isEqualTo("APPROVED");

        MvcResult published = publish(id);

        assertThat(published.getResponse().getStatus()).isEqualTo(200);
        JsonNode s = body(published);
        String publicUrl = PUBLIC_BASE + "/public/statements/" + id;
        assertThat(s.path("state").asString()).isEqualTo("PUBLISHED");
        assertThat(s.path("publicUrl").asString()).isEqualTo(publicUrl);
        assertThat(s.path("nextStep").isNull()).isTrue();
        assertThat(s.path("releases").get(0).path("channel").asString()).isEqualTo("website");
        assertThat(s.path("releases").get(0).path("status").asString()).isEqualTo("DELIVERED");
        assertThat(s.path("releases").get(0).path("url").asString()).isEqualTo(publicUrl);

        JsonNode event = json.readTree(jdbc.queryForObject(
                "select payload::text from publishing.outbox where event_type = 'StatementPublished' and aggregate_id = ?",
                String.class, id.toString()));
        assertThat(event.path("caseId").asString()).isEqualTo(caseId.toString());
        assertThat(event.path("unitId").asString()).isEqualTo("district");
        assertThat(event.path("publicUrl").asString()).isEqualTo(publicUrl);
        assertThat(texts(event.path("channels"))).containsExactly("website");
        assertThat(texts(event.path("approvedBy"))).containsExactly("zhang.unit", "li.incharge", "wang.main");
        assertThat(jdbc.queryForList("select outcome from publishing.release_attempt where statement_id = ?",
                String.class, id)).containsExactly("PUBLISHED");

        String page = mvc.perform(get("/public/statements/" + id)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("关于化工厂泄漏的事实通报").contains("<p>无人员伤亡。</p>");
        String feed = mvc.perform(get("/public/statements/feed.atom")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(feed).contains("urn:uuid:" + id).contains("关于化工厂泄漏的事实通报");
    }

    @Test
    void editing_an_approved_statement_voids_its_approvals() throws Exception {
        UUID id = draft(openMajorCase(), "情况通报", "原文");
        approveAll(id);

        MvcResult edited = mvc.perform(put("/api/publishing/statements/" + id).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("title", "情况通报", "body", "改过的正文")))).andReturn();

        assertThat(edited.getResponse().getStatus()).isEqualTo(200);
        JsonNode s = body(edited);
        assertThat(s.path("state").asString()).isEqualTo("DRAFT");
        assertThat(s.path("nextStep").asString()).isEqualTo("UNIT_HEAD");
        assertThat(s.path("approvals")).hasSize(3);
        s.path("approvals").forEach(a -> assertThat(a.path("counts").asBoolean()).isFalse());
        assertProblem(publish(id), 409);
        assertThat(outboxEvents(id)).isZero();

        approveAll(id);
        assertThat(publish(id).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void an_edit_that_changes_nothing_keeps_the_approvals() throws Exception {
        UUID id = draft(openMajorCase(), "情况通报", "原文");
        approveAll(id);

        MvcResult edited = mvc.perform(put("/api/publishing/statements/" + id).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("title", "情况通报 ", "body", "原文\n")))).andReturn();

        assertThat(body(edited).path("state").asString()).isEqualTo("APPROVED");
    }

    @Test
    void a_rejection_keeps_the_statement_a_draft_and_needs_a_reason() throws Exception {
        UUID id = draft(openMajorCase(), "情况通报", "正文");
        String path = "/api/publishing/statements/" + id + "/approvals";

        assertProblem(postJson(path, Map.of("step", "UNIT_HEAD", "decision", "REJECT"), "zhang.unit"), 400);
        MvcResult rejected = postJson(path, Map.of("step", "UNIT_HEAD", "decision", "REJECT", "comment", "伤亡数字待核实"),
                "zhang.unit");

        JsonNode s = body(rejected);
        assertThat(s.path("state").asString()).isEqualTo("DRAFT");
        assertThat(s.path("nextStep").asString()).isEqualTo("UNIT_HEAD");
        assertThat(s.path("approvals").get(0).path("decision").asString()).isEqualTo("REJECT");
        assertThat(s.path("approvals").get(0).path("comment").asString()).isEqualTo("伤亡数字待核实");
    }

    @Test
    void an_approval_of_a_text_that_changed_after_it_was_shown_is_refused_and_binds_nothing() throws Exception {
        UUID id = draft(openMajorCase(), "情况通报", "正文");
        String path = "/api/publishing/statements/" + id + "/approvals";
        String shown = body(mvc.perform(get("/api/publishing/statements/" + id)).andReturn())
                .path("contentHash").asString();
        mvc.perform(put("/api/publishing/statements/" + id).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("title", "情况通报", "body", "改过的正文")))).andReturn();

        MvcResult stale = postJson(path, Map.of("step", "UNIT_HEAD", "decision", "APPROVE", "contentHash", shown),
                "zhang.unit");

        assertProblem(stale, 409);
        assertThat(body(stale).path("contentHash").asString()).isNotEqualTo(shown);
        JsonNode s = body(mvc.perform(get("/api/publishing/statements/" + id)).andReturn());
        assertThat(s.path("approvals")).isEmpty();
        assertThat(s.path("nextStep").asString()).isEqualTo("UNIT_HEAD");

        MvcResult current = postJson(path, Map.of("step", "UNIT_HEAD", "decision", "APPROVE",
                "contentHash", s.path("contentHash").asString()), "zhang.unit");
        assertThat(current.getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void a_published_statement_can_be_neither_edited_nor_published_again() throws Exception {
        UUID id = publishedStatement("已发布的通报", "正文");

        MvcResult edit = mvc.perform(put("/api/publishing/statements/" + id).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("title", "改标题", "body", "正文")))).andReturn();
        MvcResult again = publish(id);

        assertProblem(edit, 409);
        assertProblem(again, 409);
        assertThat(outboxEvents(id)).isEqualTo(1);
        assertThat(jdbc.queryForList("select outcome from publishing.release_attempt where statement_id = ? order by id",
                String.class, id)).containsExactly("PUBLISHED", "REFUSED");
    }

    @Test
    void a_case_whose_level_requires_no_approval_publishes_at_once() throws Exception {
        CaseOpened general = caseOpened(Level.GENERAL, List.of());
        listener.on("casework", general);
        UUID id = draft(general.caseId(), "答复", "已转交相关部门办理。");

        assertThat(body(mvc.perform(get("/api/publishing/statements/" + id)).andReturn()).path("state").asString())
                .isEqualTo("APPROVED");
        assertThat(publish(id).getResponse().getStatus()).isEqualTo(200);
        assertThat(json.readTree(jdbc.queryForObject(
                "select payload::text from publishing.outbox where aggregate_id = ?", String.class, id.toString()))
                .path("approvedBy")).isEmpty();
    }

    @Test
    void an_escalated_case_needs_its_new_approval_before_an_approved_text_goes_out() throws Exception {
        CaseOpened serious = caseOpened(Level.SERIOUS, List.of(ApprovalStep.UNIT_HEAD, ApprovalStep.LEADER_IN_CHARGE));
        listener.on("casework", serious);
        UUID id = draft(serious.caseId(), "情况通报", "正文");
        approve(id, ApprovalStep.UNIT_HEAD, "zhang.unit");
        approve(id, ApprovalStep.LEADER_IN_CHARGE, "li.incharge");
        assertThat(body(mvc.perform(get("/api/publishing/statements/" + id)).andReturn()).path("state").asString())
                .isEqualTo("APPROVED");

        Instant now = Instant.now();
        listener.on("casework", new CaseEscalated(UUID.randomUUID(), now, serious.caseId(), serious.incidentId(),
                "district", Level.MAJOR, Level.SERIOUS, now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(24)),
                MAJOR_APPROVALS));

        JsonNode s = body(mvc.perform(get("/api/publishing/statements/" + id)).andReturn());
        assertThat(s.path("level").asString()).isEqualTo("MAJOR");
        assertThat(s.path("state").asString()).isEqualTo("DRAFT");
        assertThat(s.path("nextStep").asString()).isEqualTo("MAIN_LEADER");
        MvcResult refused = publish(id);
        assertProblem(refused, 409);
        assertThat(texts(body(refused).path("missingApprovals"))).containsExactly("MAIN_LEADER");

        approve(id, ApprovalStep.MAIN_LEADER, "wang.main");
        assertThat(publish(id).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void user_errors_are_answered_as_problems() throws Exception {
        UUID caseId = openMajorCase();
        String statements = "/api/publishing/statements";

        MvcResult unknownCase = postJson(statements, Map.of("caseId", UUID.randomUUID(), "kind", "FACT_REPORT",
                "title", "t", "body", "b"), "u");
        assertProblem(unknownCase, 404);
        assertThat(body(unknownCase).path("detail").asString()).contains("case").contains("not known to publishing yet");
        assertProblem(postJson(statements, Map.of("caseId", caseId, "kind", "FACT_REPORT", "title", " ", "body", "b"), "u"), 400);
        assertProblem(postJson(statements, Map.of("caseId", caseId, "kind", "FACT_REPORT", "title", "t", "body", ""), "u"), 400);
        assertProblem(postJson(statements, Map.of("caseId", caseId, "kind", "FACT_REPORT", "title", "t\u0000", "body", "b"), "u"), 400);
        assertProblem(postJson(statements, Map.of("caseId", caseId, "kind", "POEM", "title", "t", "body", "b"), "u"), 400);
        MvcResult noCase = postJson(statements, Map.of("kind", "FACT_REPORT", "title", "t", "body", "b"), "u");
        assertProblem(noCase, 400);
        assertThat(body(noCase).path("detail").asString()).contains("caseId");
        assertProblem(mvc.perform(post(statements).contentType(MediaType.APPLICATION_JSON).content("{\"caseId\":")).andReturn(), 400);
        assertProblem(mvc.perform(get(statements + "/" + UUID.randomUUID())).andReturn(), 404);
        assertProblem(mvc.perform(get(statements + "/not-a-uuid")).andReturn(), 400);
        assertProblem(publish(UUID.randomUUID()), 404);
        assertProblem(mvc.perform(get(statements).param("caseId", UUID.randomUUID().toString())).andReturn(), 404);
    }

    @Test
    void the_statements_of_a_case_are_listed_newest_first() throws Exception {
        UUID caseId = openMajorCase();
        UUID first = draft(caseId, "首报", "正文");
        UUID second = draft(caseId, "续报", "正文");
        draft(openMajorCase(), "别的案件", "正文");

        JsonNode list = body(mvc.perform(get("/api/publishing/statements").param("caseId", caseId.toString())).andReturn());

        assertThat(texts(list, "id")).containsExactly(second.toString(), first.toString());
    }

    private void assertProblem(MvcResult result, int status) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(body(result).path("status").asInt()).isEqualTo(status);
        assertThat(result.getResponse().getContentAsString()).doesNotContain("Exception").doesNotContain("at org.");
    }

    private long outboxEvents(UUID statementId) {
        return jdbc.queryForObject("select count(*) from publishing.outbox where event_type = 'StatementPublished' "
                + "and aggregate_id = ?", Long.class, statementId.toString());
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static List<String> texts(JsonNode array, String field) {
        return array.valueStream().map(n -> n.path(field).asString()).toList();
    }
}
