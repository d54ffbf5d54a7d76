package org.yuqing.publishing.statements;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.publishing.PublishingIntegrationTest;
import org.yuqing.security.Role;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Approvals and releases are sensitive actions: each decision, each release and each refused release leaves a
 * line in the service's audit, written in the transaction that records the action.
 */
class StatementAuditTest extends PublishingIntegrationTest {

    @Test
    void each_approval_and_rejection_is_audited_with_the_leader_the_step_and_the_decision() throws Exception {
        UUID id = draft(openMajorCase(), "情况通报", "正文");
        String leader = "leader-" + UUID.randomUUID();

        MvcResult rejected = decide(id, leader, Map.of("step", "UNIT_HEAD", "decision", "REJECT", "comment", "数字待核实"));
        MvcResult approved = decide(id, leader, Map.of("step", "UNIT_HEAD", "decision", "APPROVE"));

        assertThat(rejected.getResponse().getStatus()).isEqualTo(200);
        assertThat(approved.getResponse().getStatus()).isEqualTo(200);
        List<Map<String, Object>> lines = audit(leader);
        assertThat(lines).hasSize(2).allSatisfy(line -> {
            assertThat(line).containsEntry("action", "APPROVAL").containsEntry("outcome", "DONE")
                    .containsEntry("target", "statement " + id).containsEntry("actor_units", UNIT);
        });
        assertThat((String) lines.get(0).get("detail")).contains("REJECT").contains("UNIT_HEAD").contains("数字待核实");
        assertThat((String) lines.get(1).get("detail")).contains("APPROVE").contains("UNIT_HEAD");
    }

    @Test
    void a_decision_that_is_refused_leaves_no_approval_line() throws Exception {
        UUID id = draft(openMajorCase(), "情况通报", "正文");
        String leader = "leader-" + UUID.randomUUID();

        MvcResult outOfOrder = decide(id, leader, Map.of("step", "MAIN_LEADER", "decision", "APPROVE"));

        assertThat(outOfOrder.getResponse().getStatus()).isEqualTo(409);
        assertThat(audit(leader)).isEmpty();
    }

    @Test
    void a_release_is_audited_with_its_channels_and_approvers() throws Exception {
        UUID id = draft(openMajorCase(), "情况通报", "正文");
        approveAll(id);
        String publisher = "publisher-" + UUID.randomUUID();

        MvcResult published = mvc.perform(post("/api/publishing/statements/" + id + "/publish")
                .header(HttpHeaders.AUTHORIZATION, as(publisher, Role.PUBLISHER))).andReturn();

        assertThat(published.getResponse().getStatus()).isEqualTo(200);
        assertThat(audit(publisher)).singleElement().satisfies(line -> {
            assertThat(line).containsEntry("action", "RELEASE").containsEntry("outcome", "DONE")
                    .containsEntry("target", "statement " + id);
            assertThat((String) line.get("detail")).contains("website").contains("wang.main");
        });
    }

    @Test
    void a_release_refused_for_missing_approvals_is_audited_as_denied() throws Exception {
        UUID id = draft(openMajorCase(), "情况通报", "正文");
        String publisher = "publisher-" + UUID.randomUUID();

        MvcResult refused = mvc.perform(post("/api/publishing/statements/" + id + "/publish")
                .header(HttpHeaders.AUTHORIZATION, as(publisher, Role.PUBLISHER))).andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        assertThat(audit(publisher)).singleElement().satisfies(line -> {
            assertThat(line).containsEntry("action", "RELEASE").containsEntry("outcome", "DENIED")
                    .containsEntry("target", "statement " + id);
            assertThat((String) line.get("detail")).contains("MAIN_LEADER");
        });
        assertThat(jdbc.queryForList("select actor from publishing.release_attempt where statement_id = ?",
                String.class, id)).containsExactly(publisher);
    }

    @Test
    void the_audit_is_readable_by_an_administrator_only() throws Exception {
        UUID id = draft(openMajorCase(), "情况通报", "正文");
        String leader = "leader-" + UUID.randomUUID();
        decide(id, leader, Map.of("step", ApprovalStep.UNIT_HEAD.name(), "decision", "APPROVE"));

        MvcResult forAdmin = mvc.perform(get("/api/publishing/audit").param("limit", "1000")
                .param("after", String.valueOf(lastAuditIdBefore(leader)))
                .header(HttpHeaders.AUTHORIZATION, as("admin", Role.ADMIN))).andReturn();
        MvcResult forLeader = mvc.perform(get("/api/publishing/audit")
                .header(HttpHeaders.AUTHORIZATION, as("leader", Role.LEADER))).andReturn();

        assertThat(forAdmin.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(forAdmin).valueStream().map(n -> n.path("actor").asString())).contains(leader);
        assertThat(forLeader.getResponse().getStatus()).isEqualTo(403);
    }

    private MvcResult decide(UUID id, String leader, Map<String, String> decision) throws Exception {
        return mvc.perform(post("/api/publishing/statements/" + id + "/approvals")
                .header(HttpHeaders.AUTHORIZATION, as(leader, Role.LEADER))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(decision))).andReturn();
    }

    private List<Map<String, Object>> audit(String actor) {
        return jdbc.queryForList("select action, outcome, target, actor_units, detail from publishing.audit_event"
                + " where actor = ? order by id", actor);
    }

    private long lastAuditIdBefore(String actor) {
        return jdbc.queryForObject("select min(id) - 1 from publishing.audit_event where actor = ?", Long.class, actor);
    }
}
