package org.yuqing.publishing.statements;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.events.EventTypes;
import org.yuqing.domain.events.IntegrationEvent;
import org.yuqing.domain.events.StatementApproved;
import org.yuqing.domain.events.StatementWithdrawn;
import org.yuqing.publishing.PublishingIntegrationTest;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The accountability record's events, read back from the outbox as casework reads them: one StatementApproved per
 * decision (approvals and rejections, with step, approver, comment, the exact text's hash and whether the chain is
 * complete), one StatementWithdrawn per retraction or correction; a refused command writes none.
 */
class StatementEventsTest extends PublishingIntegrationTest {

    @Test
    void every_approval_and_rejection_is_announced_with_the_text_it_binds_and_whether_the_chain_is_complete()
            throws Exception {
        UUID id = draft(openMajorCase(), "关于化工厂事故的情况通报", "第一稿。");
        String firstHash = hash(id);
        MvcResult rejected = postJson("/api/publishing/statements/" + id + "/approvals",
                Map.of("step", "UNIT_HEAD", "decision", "REJECT", "comment", "请核实伤亡人数"), "zhang.unit");
        assertThat(rejected.getResponse().getStatus()).isEqualTo(200);
        mvc.perform(put("/api/publishing/statements/" + id).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("title", "关于化工厂事故的情况通报", "body", "第二稿。"))));
        String secondHash = hash(id);
        approveAll(id);

        List<StatementApproved> events = events(id, StatementApproved.class);

        assertThat(events).hasSize(4);
        StatementApproved rejection = events.getFirst();
        assertThat(rejection.approved()).isFalse();
        assertThat(rejection.step()).isEqualTo("UNIT_HEAD");
        assertThat(rejection.decidedBy()).isEqualTo("zhang.unit");
        assertThat(rejection.comment()).isEqualTo("请核实伤亡人数");
        assertThat(rejection.contentHash()).isEqualTo(firstHash);
        assertThat(rejection.version()).isEqualTo(1);
        assertThat(rejection.complete()).isFalse();
        assertThat(rejection.unitId()).isEqualTo(UNIT);
        assertThat(events.subList(1, 4)).extracting(StatementApproved::step)
                .containsExactly("UNIT_HEAD", "LEADER_IN_CHARGE", "MAIN_LEADER");
        assertThat(events.subList(1, 4)).extracting(StatementApproved::decidedBy)
                .containsExactly("zhang.unit", "li.incharge", "wang.main");
        assertThat(events.subList(1, 4)).allSatisfy(e -> {
            assertThat(e.approved()).isTrue();
            assertThat(e.contentHash()).isEqualTo(secondHash);
            assertThat(e.version()).isEqualTo(2);
        });
        assertThat(events.subList(1, 4)).extracting(StatementApproved::complete).containsExactly(false, false, true);
    }

    @Test
    void a_refused_decision_announces_nothing() throws Exception {
        UUID id = draft(openMajorCase(), "情况通报", "正文。");

        MvcResult outOfOrder = approve(id, ApprovalStep.MAIN_LEADER, "wang.main");
        MvcResult rejectionWithoutComment = postJson("/api/publishing/statements/" + id + "/approvals",
                Map.of("step", "UNIT_HEAD", "decision", "REJECT"), "zhang.unit");

        assertThat(outOfOrder.getResponse().getStatus()).isEqualTo(409);
        assertThat(rejectionWithoutComment.getResponse().getStatus()).isEqualTo(400);
        assertThat(events(id, StatementApproved.class)).isEmpty();
    }

    @Test
    void a_retraction_is_announced_in_the_transaction_that_records_it() throws Exception {
        UUID id = publishedStatement("将被撤回的通报", "正文。");

        MvcResult retracted = mvc.perform(post("/api/publishing/statements/" + id + "/retract")
                .header(HttpHeaders.AUTHORIZATION, as("spokesperson"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("reason", "数据有误，待核实后重新发布")))).andReturn();
        MvcResult again = mvc.perform(post("/api/publishing/statements/" + id + "/retract")
                .header(HttpHeaders.AUTHORIZATION, as("spokesperson"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("reason", "再次撤回")))).andReturn();

        assertThat(retracted.getResponse().getStatus()).isEqualTo(200);
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        List<StatementWithdrawn> events = events(id, StatementWithdrawn.class);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(StatementWithdrawn.RETRACTION);
            assertThat(e.reason()).isEqualTo("数据有误，待核实后重新发布");
            assertThat(e.withdrawnBy()).isEqualTo("spokesperson");
            assertThat(e.noticeId()).isNull();
            assertThat(e.unitId()).isEqualTo(UNIT);
        });
        JsonNode withdrawal = body(retracted).path("withdrawal");
        assertThat(withdrawal.path("kind").asString()).isEqualTo("RETRACTION");
        assertThat(withdrawal.path("at").asString()).isEqualTo(events.getFirst().withdrawnAt().toString());
    }

    @Test
    void a_correction_is_announced_when_its_notice_is_released_naming_the_notice() throws Exception {
        UUID original = publishedStatement("需要更正的通报", "受伤 3 人。");
        MvcResult drafted = mvc.perform(post("/api/publishing/statements/" + original + "/corrections")
                .header(HttpHeaders.AUTHORIZATION, as("spokesperson"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("title", "关于“需要更正的通报”的更正说明",
                        "body", "原通报中“受伤 3 人”有误，应为“受伤 2 人”。", "reason", "伤亡人数有误")))).andReturn();
        assertThat(drafted.getResponse().getStatus()).as(drafted.getResponse().getContentAsString()).isEqualTo(201);
        UUID notice = UUID.fromString(body(drafted).path("id").asString());
        assertThat(events(original, StatementWithdrawn.class)).as("not before the notice is out").isEmpty();

        approveAll(notice);
        assertThat(publish(notice).getResponse().getStatus()).isEqualTo(200);

        assertThat(events(original, StatementWithdrawn.class)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(StatementWithdrawn.CORRECTION);
            assertThat(e.noticeId()).isEqualTo(notice);
            assertThat(e.reason()).isEqualTo("伤亡人数有误");
            assertThat(e.withdrawnBy()).isEqualTo("spokesperson");
        });
        assertThat(events(notice, StatementApproved.class)).hasSize(3);
    }

    private String hash(UUID id) throws Exception {
        return body(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/publishing/statements/" + id)).andReturn()).path("contentHash").asString();
    }

    /** The statement's events of one type from the outbox, in the order they were written, decoded by type name. */
    private <E extends IntegrationEvent> List<E> events(UUID statementId, Class<E> type) {
        return jdbc.queryForList("select payload::text from publishing.outbox where event_type = ? and aggregate_id = ?"
                        + " order by position", String.class, type.getSimpleName(), statementId.toString()).stream()
                .map(payload -> json.readValue(payload, EventTypes.byName(type.getSimpleName()).orElseThrow()))
                .map(type::cast)
                .toList();
    }
}
