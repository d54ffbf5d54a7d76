package org.yuqing.grading.regrading;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.domain.IncidentFlag;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.domain.events.IncidentDetected;
import org.yuqing.domain.events.IncidentMetricsChanged;
import org.yuqing.domain.events.IntegrationEvent;
import org.yuqing.events.IntegrationEventListener;
import org.yuqing.grading.GradingServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OverrideTest extends GradingServiceTest {

    private static final String ANALYST = "analyst-li";

    private final IntegrationEventListener listener;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    @Autowired
    OverrideTest(IntegrationEventListener listener, PlatformTransactionManager transactions, JdbcTemplate jdbc,
                 JsonMapper json) {
        this.listener = listener;
        this.tx = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.json = json;
    }

    @Test
    void an_analyst_lowers_major_to_serious_with_a_reason_and_the_lower_grade_is_published_and_recorded() {
        UUID incident = detectedMajor("化工厂泄漏");

        HttpResponse<String> response = override(incident,
                "{\"level\": \"SERIOUS\", \"reason\": \"经核实为旧闻转载，影响有限\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode grade = grade(incident);
        assertThat(grade.path("level").asString()).isEqualTo("SERIOUS");
        assertThat(grade.path("levelName").asString()).isEqualTo("较大");
        assertThat(grade.path("computed").path("level").asString()).isEqualTo("MAJOR");
        assertThat(grade.path("computed").path("reasons").get(0).asString()).startsWith("主流媒体 1 家");
        assertThat(grade.path("override").path("level").asString()).isEqualTo("SERIOUS");
        assertThat(grade.path("override").path("reason").asString()).isEqualTo("经核实为旧闻转载，影响有限");
        assertThat(grade.path("override").path("by").asString()).isEqualTo(ANALYST);
        assertThat(grade.path("override").path("at").isMissingNode()).isFalse();
        List<JsonNode> graded = gradedEvents(incident);
        assertThat(graded).extracting(e -> e.path("level").asString()).containsExactly("MAJOR", "SERIOUS");
        JsonNode lowered = graded.getLast();
        assertThat(lowered.path("previousLevel").asString()).isEqualTo("MAJOR");
        assertThat(lowered.path("escalation").asBoolean()).isFalse();
        assertThat(lowered.path("reasons").get(0).asString()).isEqualTo("分析员改定：经核实为旧闻转载，影响有限");
        assertThat(lowered.path("terms").path("reportWithin").asString()).isNotEqualTo(
                graded.getFirst().path("terms").path("reportWithin").asString());
        JsonNode last = grade.path("history").get(grade.path("history").size() - 1);
        assertThat(last.path("source").asString()).isEqualTo("ANALYST");
        assertThat(last.path("changedBy").asString()).isEqualTo(ANALYST);
        assertThat(last.path("level").asString()).isEqualTo("SERIOUS");
        assertThat(last.path("previousLevel").asString()).isEqualTo("MAJOR");
        assertThat(grade.path("history").get(0).path("source").asString()).isEqualTo("ENGINE");
    }

    @Test
    void re_grading_at_the_same_computed_level_keeps_the_analysts_lower_level() {
        UUID incident = detectedMajor("化工厂泄漏");
        override(incident, "{\"level\": \"SERIOUS\", \"reason\": \"影响有限\"}");

        apply(changed(incident, metrics(4, 2)));

        assertThat(grade(incident).path("level").asString()).isEqualTo("SERIOUS");
        assertThat(gradedEvents(incident)).hasSize(2);
    }

    @Test
    void a_later_computed_extraordinary_takes_effect_over_the_override_as_an_escalation() {
        UUID incident = detectedMajor("化工厂爆炸");
        override(incident, "{\"level\": \"SERIOUS\", \"reason\": \"影响有限\"}");

        apply(changed(incident, metrics(5, 1, IncidentFlag.EMERGENCY_CAUSED, IncidentFlag.CASUALTIES)));

        JsonNode grade = grade(incident);
        assertThat(grade.path("level").asString()).isEqualTo("EXTRAORDINARY");
        assertThat(grade.path("override").isNull()).isTrue();
        JsonNode escalation = gradedEvents(incident).getLast();
        assertThat(escalation.path("level").asString()).isEqualTo("EXTRAORDINARY");
        assertThat(escalation.path("previousLevel").asString()).isEqualTo("SERIOUS");
        assertThat(escalation.path("escalation").asBoolean()).isTrue();
        assertThat(escalation.path("reasons").get(escalation.path("reasons").size() - 1).asString())
                .isEqualTo("计算级别特别重大高于分析员改定的较大，按计算级别");
    }

    @Test
    void an_analyst_raises_the_level_of_an_analyst_graded_plan_as_an_escalation() {
        String unit = "school-" + UUID.randomUUID();
        jdbc.update("insert into grading.plan_assignment (unit_id, plan_id) values (?, 'county-education')", unit);
        UUID incident = UUID.randomUUID();
        apply(new IncidentDetected(UUID.randomUUID(), Instant.now(), incident, UUID.randomUUID(), unit,
                "学校食堂问题", Instant.now(), metrics(3, 0)));
        assertThat(grade(incident, unit).path("level").asString()).isEqualTo("GENERAL");

        override(incident, unit, "{\"level\": \"MAJOR\", \"reason\": \"涉及多名学生就医\"}");

        JsonNode raised = gradedEvents(incident).getLast();
        assertThat(raised.path("level").asString()).isEqualTo("MAJOR");
        assertThat(raised.path("escalation").asBoolean()).isTrue();
        assertThat(raised.path("planId").asString()).isEqualTo("county-education");
    }

    @Test
    void confirming_the_computed_category_records_the_decision_but_publishes_nothing() {
        UUID incident = detectedMajor("网民质疑化工厂排污");
        assertThat(grade(incident).path("computed").path("category").asString()).isEqualTo("INQUIRY");
        assertThat(grade(incident).path("computed").path("decidingWords").get(0).asString()).isEqualTo("质疑");
        assertThat(grade(incident).path("computed").path("confidence").asDouble()).isEqualTo(0.6);

        override(incident, "{\"category\": \"INQUIRY\", \"reason\": \"确认为询问质疑\"}");

        JsonNode grade = grade(incident);
        assertThat(grade.path("override").path("category").asString()).isEqualTo("INQUIRY");
        assertThat(grade.path("override").path("level").isNull()).isTrue();
        assertThat(grade.path("level").asString()).isEqualTo("MAJOR");
        assertThat(gradedEvents(incident)).hasSize(1);
        assertThat(grade.path("history").get(1).path("source").asString()).isEqualTo("ANALYST");
    }

    @Test
    void changing_the_category_publishes_it_with_the_level_unchanged() {
        UUID incident = detectedMajor("化工厂泄漏");

        override(incident, "{\"category\": \"FABRICATION\", \"reason\": \"视频系旧图拼接\"}");

        JsonNode event = gradedEvents(incident).getLast();
        assertThat(event.path("category").asString()).isEqualTo("FABRICATION");
        assertThat(event.path("level").asString()).isEqualTo("MAJOR");
        assertThat(event.path("escalation").asBoolean()).isFalse();
    }

    @Test
    void clearing_the_override_puts_the_computed_level_back_in_force() {
        UUID incident = detectedMajor("化工厂泄漏");
        override(incident, "{\"level\": \"SERIOUS\", \"reason\": \"影响有限\"}");

        HttpResponse<String> response = sendJson("DELETE", "/api/grading/incidents/" + incident + "/override",
                "{\"reason\": \"出现新的主流报道\"}", ANALYST);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(grade(incident).path("level").asString()).isEqualTo("MAJOR");
        assertThat(grade(incident).path("override").isNull()).isTrue();
        JsonNode event = gradedEvents(incident).getLast();
        assertThat(event.path("level").asString()).isEqualTo("MAJOR");
        assertThat(event.path("escalation").asBoolean()).isTrue();
        assertThat(event.path("reasons").get(0).asString()).isEqualTo("分析员撤销改定：出现新的主流报道");
    }

    @Test
    void clearing_takes_the_reason_as_a_query_parameter_from_clients_that_send_no_body_with_a_delete() {
        UUID incident = detectedMajor("化工厂泄漏");
        override(incident, "{\"level\": \"SERIOUS\", \"reason\": \"影响有限\"}");

        HttpResponse<String> blank = call("DELETE", "/api/grading/incidents/" + incident + "/override?reason=%20",
                null, user(ANALYST, UNIT));
        HttpResponse<String> response = call("DELETE", "/api/grading/incidents/" + incident
                + "/override?reason=%E6%96%B0%E6%8A%A5%E9%81%93", null, user(ANALYST, UNIT));

        assertProblem(blank, 400);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(grade(incident).path("level").asString()).isEqualTo("MAJOR");
        assertThat(gradedEvents(incident).getLast().path("reasons").get(0).asString()).isEqualTo("分析员撤销改定：新报道");
    }

    @Test
    void clearing_when_there_is_no_override_is_a_409_problem() {
        UUID incident = detectedMajor("化工厂泄漏");

        HttpResponse<String> response = sendJson("DELETE", "/api/grading/incidents/" + incident + "/override",
                "{\"reason\": \"误操作\"}", ANALYST);

        assertProblem(response, 409);
    }

    @Test
    void a_blank_reason_is_a_400_problem_and_changes_nothing() {
        UUID incident = detectedMajor("化工厂泄漏");

        HttpResponse<String> response = override(incident, "{\"level\": \"SERIOUS\", \"reason\": \"  \"}");

        assertProblem(response, 400);
        assertThat(json.readTree(response.body()).path("detail").asString()).contains("原因");
        assertThat(grade(incident).path("level").asString()).isEqualTo("MAJOR");
        assertThat(gradedEvents(incident)).hasSize(1);
    }

    @Test
    void an_override_without_level_or_category_or_with_a_level_the_plan_lacks_is_a_400_problem() {
        String unit = "company-" + UUID.randomUUID();
        jdbc.update("insert into grading.plan_assignment (unit_id, plan_id) values (?, 'enterprise')", unit);
        UUID incident = UUID.randomUUID();
        apply(new IncidentDetected(UUID.randomUUID(), Instant.now(), incident, UUID.randomUUID(), unit,
                "产品质量投诉", Instant.now(), metrics(3, 0)));

        assertProblem(override(incident, unit, "{\"reason\": \"无内容\"}"), 400);
        HttpResponse<String> missingLevel = override(incident, unit,
                "{\"level\": \"SERIOUS\", \"reason\": \"较严重\"}");
        assertProblem(missingLevel, 400);
        assertThat(json.readTree(missingLevel.body()).path("detail").asString()).contains("较大");
    }

    @Test
    void overriding_an_unknown_incident_is_a_404_problem() {
        assertProblem(override(UUID.randomUUID(), "{\"level\": \"SERIOUS\", \"reason\": \"影响有限\"}"), 404);
    }

    private HttpResponse<String> override(UUID incident, String body) {
        return override(incident, UNIT, body);
    }

    private HttpResponse<String> override(UUID incident, String unit, String body) {
        return call("POST", "/api/grading/incidents/" + incident + "/override", body, user(ANALYST, unit));
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("Exception");
    }

    private UUID detectedMajor(String title) {
        UUID incident = UUID.randomUUID();
        apply(new IncidentDetected(UUID.randomUUID(), Instant.now(), incident, UUID.randomUUID(), "district", title,
                Instant.now(), metrics(3, 1)));
        assertThat(grade(incident).path("level").asString()).isEqualTo("MAJOR");
        return incident;
    }

    private void apply(IntegrationEvent event) {
        tx.executeWithoutResult(s -> listener.on("monitoring", event));
    }

    private JsonNode grade(UUID incident) {
        return grade(incident, UNIT);
    }

    private JsonNode grade(UUID incident, String unit) {
        HttpResponse<String> response = get("/api/grading/incidents/" + incident, user("tester", unit));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private List<JsonNode> gradedEvents(UUID incident) {
        return jdbc.queryForList("select payload::text from grading.outbox where event_type = 'IncidentGraded' "
                        + "and aggregate_id = ? order by position", String.class, incident.toString())
                .stream().map(json::readTree).toList();
    }

    private static IncidentMetricsChanged changed(UUID incident, IncidentMetrics metrics) {
        return new IncidentMetricsChanged(UUID.randomUUID(), Instant.now(), incident, "district", metrics);
    }

    private static IncidentMetrics metrics(long volume, int mainstream, IncidentFlag... flags) {
        return new IncidentMetrics(volume, 0, 0, 0, 1, mainstream, 1, volume, 0, 0, 0, 0, Set.of(flags));
    }
}
