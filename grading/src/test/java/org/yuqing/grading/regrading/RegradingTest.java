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
import org.yuqing.events.Outbox;
import org.yuqing.grading.GradingServiceTest;
import org.yuqing.grading.plans.Metric;
import org.yuqing.grading.plans.MetricComparator;
import org.yuqing.grading.plans.MetricCondition;
import org.yuqing.grading.plans.Plan;
import org.yuqing.grading.plans.PlanAssignments;
import org.yuqing.grading.plans.PlanLevel;
import org.yuqing.grading.plans.PlanRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RegradingTest extends GradingServiceTest {

    private static final String UNIT = "district";
    private static final String MAINSTREAM_REASON = "主流媒体 1 家 ≥ 1 — 区网络舆情处置工作应急预案 六(三)3";

    private final IntegrationEventListener listener;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Outbox outbox;
    private final PlanRepository plans;
    private final PlanAssignments assignments;

    @Autowired
    RegradingTest(IntegrationEventListener listener, PlatformTransactionManager transactions, JdbcTemplate jdbc,
                  JsonMapper json, Outbox outbox, PlanRepository plans, PlanAssignments assignments) {
        this.listener = listener;
        this.tx = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.json = json;
        this.outbox = outbox;
        this.plans = plans;
        this.assignments = assignments;
    }

    @Test
    void mainstream_media_grade_a_new_incident_major_and_publish_the_grade_with_its_terms() {
        UUID incident = UUID.randomUUID();

        apply(detected(incident, "化工厂爆炸", metrics(3, 1)));

        JsonNode grade = grade(incident);
        assertThat(grade.path("level").asString()).isEqualTo("MAJOR");
        assertThat(grade.path("levelName").asString()).isEqualTo("重大");
        assertThat(grade.path("reasons").get(0).asString()).isEqualTo(MAINSTREAM_REASON);
        assertThat(grade.path("planId").asString()).isEqualTo("district");
        List<JsonNode> graded = gradedEvents(incident);
        assertThat(graded).hasSize(1);
        JsonNode event = graded.getFirst();
        assertThat(event.path("level").asString()).isEqualTo("MAJOR");
        assertThat(event.path("previousLevel").isNull()).isTrue();
        assertThat(event.path("escalation").asBoolean()).isFalse();
        assertThat(event.path("title").asString()).isEqualTo("化工厂爆炸");
        assertThat(event.path("reasons").get(0).asString()).isEqualTo(MAINSTREAM_REASON);
        assertThat(event.path("terms").path("reportWithin").asString()).isEqualTo("PT2H");
        assertThat(event.path("terms").path("opensCase").asBoolean()).isTrue();
        assertThat(event.path("terms").path("statementApprovals")).hasSize(3);
    }

    @Test
    void a_lower_computed_level_keeps_the_grade_and_publishes_nothing() {
        UUID incident = UUID.randomUUID();
        apply(detected(incident, "化工厂泄漏", metrics(3, 1)));

        apply(changed(incident, metrics(4, 0)));

        assertThat(grade(incident).path("level").asString()).isEqualTo("MAJOR");
        assertThat(grade(incident).path("reasons").get(0).asString()).isEqualTo(MAINSTREAM_REASON);
        assertThat(grade(incident).path("history")).hasSize(1);
        assertThat(gradedEvents(incident)).hasSize(1);
    }

    @Test
    void flags_escalate_to_extraordinary_and_publish_an_escalation_with_the_title_from_detection() {
        UUID incident = UUID.randomUUID();
        apply(detected(incident, "化工厂爆炸", metrics(3, 1)));

        apply(changed(incident, metrics(5, 1, IncidentFlag.EMERGENCY_CAUSED, IncidentFlag.CASUALTIES)));

        List<JsonNode> graded = gradedEvents(incident);
        assertThat(graded).hasSize(2);
        JsonNode escalation = graded.getLast();
        assertThat(escalation.path("level").asString()).isEqualTo("EXTRAORDINARY");
        assertThat(escalation.path("previousLevel").asString()).isEqualTo("MAJOR");
        assertThat(escalation.path("escalation").asBoolean()).isTrue();
        assertThat(escalation.path("title").asString()).isEqualTo("化工厂爆炸");
        assertThat(escalation.path("terms").path("reportWithin").asString()).isEqualTo("PT1H");
        JsonNode grade = grade(incident);
        assertThat(grade.path("level").asString()).isEqualTo("EXTRAORDINARY");
        assertThat(grade.path("history")).extracting(h -> h.path("level").asString())
                .containsExactly("MAJOR", "EXTRAORDINARY");
    }

    @Test
    void a_redelivered_event_changes_nothing() {
        UUID incident = UUID.randomUUID();
        IncidentDetected detected = detected(incident, "化工厂爆炸", metrics(3, 0));
        IncidentMetricsChanged rise = changed(incident, metrics(60, 0));
        apply(detected);
        apply(rise);
        String before = jdbc.queryForObject("select row_to_json(g)::text from grading.incident_grade g "
                + "where incident_id = ?", String.class, incident);

        apply(detected);
        apply(rise);

        assertThat(gradedEvents(incident)).extracting(e -> e.path("level").asString())
                .containsExactly("GENERAL", "SERIOUS");
        assertThat(grade(incident).path("history")).hasSize(2);
        assertThat(jdbc.queryForObject("select row_to_json(g)::text from grading.incident_grade g "
                        + "where incident_id = ?", String.class, incident)
                .replaceAll("\"evaluated_at\":\"[^\"]*\"", ""))
                .isEqualTo(before.replaceAll("\"evaluated_at\":\"[^\"]*\"", ""));
    }

    @Test
    void a_same_level_re_evaluation_refreshes_the_reasons_but_publishes_nothing() {
        UUID incident = UUID.randomUUID();
        apply(detected(incident, "化工厂爆炸", metrics(60, 0)));

        apply(changed(incident, metrics(80, 0)));

        assertThat(grade(incident).path("reasons").get(0).asString()).startsWith("舆情总量 80 篇 ≥ 51");
        assertThat(gradedEvents(incident)).hasSize(1);
    }

    @Test
    void a_category_from_the_title_is_published_with_the_first_grade() {
        UUID incident = UUID.randomUUID();

        apply(detected(incident, "网传化工厂爆炸致百人死亡系谣言", metrics(3, 0)));

        assertThat(gradedEvents(incident).getFirst().path("category").asString()).isEqualTo("FABRICATION");
        assertThat(grade(incident).path("categoryName").asString()).isEqualTo("捏造歪曲");
    }

    @Test
    void a_unit_assigned_another_plan_is_graded_by_its_latest_version() {
        String unit = "unit-" + UUID.randomUUID();
        Plan district = plans.latest("district").orElseThrow();
        List<PlanLevel> levels = new ArrayList<>(district.levels());
        PlanLevel serious = levels.get(1);
        levels.set(1, new PlanLevel(serious.level(), "二", null, List.of(
                new MetricCondition(Metric.VOLUME, MetricComparator.AT_LEAST, 3, "二", null)), serious.terms(), null));
        String planId = "strict-" + UUID.randomUUID().toString().substring(0, 8);
        Plan stored = plans.saveAsNextVersion(new Plan(planId, 1, "从严预案", null, levels, null));
        assertThat(plans.saveAsNextVersion(stored).version()).isEqualTo(2);
        assignments.assign(unit, planId);
        UUID incident = UUID.randomUUID();

        apply(new IncidentDetected(UUID.randomUUID(), Instant.now(), incident, UUID.randomUUID(), unit, "化工厂",
                Instant.now(), metrics(3, 0)));

        JsonNode grade = grade(incident, unit);
        assertThat(grade.path("level").asString()).isEqualTo("SERIOUS");
        assertThat(grade.path("planId").asString()).isEqualTo(planId);
        assertThat(grade.path("planVersion").asInt()).isEqualTo(2);
        assertThat(grade.path("reasons").get(0).asString()).isEqualTo("舆情总量 3 篇 ≥ 3 — 从严预案 二");
    }

    @Test
    void an_incident_detected_on_the_subscribed_feed_is_graded_by_the_running_consumer() throws Exception {
        UUID incident = UUID.randomUUID();

        tx.executeWithoutResult(s -> outbox.publish(detected(incident, "化工厂爆炸", metrics(501, 0))));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (get("/api/grading/incidents/" + incident).statusCode() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(grade(incident).path("level").asString()).isEqualTo("MAJOR");
        assertThat(gradedEvents(incident)).hasSize(1);
    }

    @Test
    void an_unknown_incident_is_a_404_problem() {
        HttpResponse<String> response = get("/api/grading/incidents/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).path("status").asInt()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void a_malformed_incident_id_is_a_400_problem() {
        HttpResponse<String> response = get("/api/grading/incidents/not-a-uuid");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
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

    private static IncidentDetected detected(UUID incident, String title, IncidentMetrics metrics) {
        Instant now = Instant.now();
        return new IncidentDetected(UUID.randomUUID(), now, incident, UUID.randomUUID(), UNIT, title, now, metrics);
    }

    private static IncidentMetricsChanged changed(UUID incident, IncidentMetrics metrics) {
        return new IncidentMetricsChanged(UUID.randomUUID(), Instant.now(), incident, UNIT, metrics);
    }

    private static IncidentMetrics metrics(long volume, int mainstream, IncidentFlag... flags) {
        return new IncidentMetrics(volume, 0, 0, 0, 1, mainstream, 1, volume, 0, 0, 0, 0, Set.of(flags));
    }
}
