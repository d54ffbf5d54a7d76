package org.yuqing.grading.plans;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.domain.events.IncidentDetected;
import org.yuqing.domain.events.IncidentMetricsChanged;
import org.yuqing.domain.events.IntegrationEvent;
import org.yuqing.events.IntegrationEventListener;
import org.yuqing.grading.GradingServiceTest;
import org.yuqing.grading.TestPlans;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 预案指派 over HTTP: an administrator assigns plans to a unit of their scope and to single topics of it; an incident
 * is graded by its topic's plan, else its unit's, else the default; a changed assignment applies from the
 * incident's next metrics change.
 */
class AssignmentsApiTest extends GradingServiceTest {

    private final JsonMapper json;
    private final JdbcTemplate jdbc;
    private final PlanRepository plans;
    private final IntegrationEventListener listener;
    private final TransactionTemplate tx;

    private final String suffix = UUID.randomUUID().toString();
    private final String unit = "unit-" + suffix;
    private final String adminLogin = "assigner-" + suffix;
    private final String admin = TestTokens.shared().user(adminLogin).roles(Role.ADMIN).units(unit).bearer();

    @Autowired
    AssignmentsApiTest(JsonMapper json, JdbcTemplate jdbc, PlanRepository plans, IntegrationEventListener listener,
                       PlatformTransactionManager transactions) {
        this.json = json;
        this.jdbc = jdbc;
        this.plans = plans;
        this.listener = listener;
        this.tx = new TransactionTemplate(transactions);
    }

    @Test
    void an_incident_is_graded_by_its_topics_plan_else_its_units_plan_else_the_default() {
        String unitPlan = stored("unit-plan");
        String topicPlan = stored("topic-plan");
        UUID topic = UUID.randomUUID();

        HttpResponse<String> put = assign(unit, "{\"planId\": \"" + unitPlan + "\", \"topicOverrides\": {\"" + topic
                + "\": \"" + topicPlan + "\"}}");

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(planOf(detected(unit, topic))).isEqualTo(topicPlan);
        assertThat(planOf(detected(unit, UUID.randomUUID()))).isEqualTo(unitPlan);
        // The topic plan belongs to this unit's incidents only.
        String otherUnit = "other-" + suffix;
        assertThat(planOf(detected(otherUnit, topic), otherUnit)).isEqualTo("district");
        assertThat(jdbc.queryForList("select action || ' ' || target from grading.audit_event where actor = ?",
                String.class, adminLogin)).containsExactly("PLAN_CHANGE plan assignment of unit " + unit);
    }

    @Test
    void the_assignments_of_the_callers_units_are_listed_and_a_new_assignment_applies_from_the_next_metrics_change() {
        UUID incident = detected(unit, UUID.randomUUID());
        assertThat(planOf(incident)).isEqualTo("district");
        String planId = stored("later");

        assertThat(assign(unit, "{\"planId\": \"" + planId + "\"}").statusCode()).isEqualTo(200);

        assertThat(planOf(incident)).as("grades given stay as they are").isEqualTo("district");
        apply(new IncidentMetricsChanged(UUID.randomUUID(), Instant.now(), incident, unit, metrics(4)));
        assertThat(planOf(incident)).isEqualTo(planId);
        JsonNode listed = json.readTree(get("/api/grading/assignments", admin).body());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("unitId").asString()).isEqualTo(unit);
        assertThat(listed.get(0).path("planId").asString()).isEqualTo(planId);
        assertThat(get("/api/grading/assignments", user("stranger", "elsewhere-" + suffix)).body())
                .doesNotContain(unit);
    }

    @Test
    void a_unit_outside_the_scope_is_refused_and_unknown_plans_are_listed_with_their_paths() {
        UUID topic = UUID.randomUUID();

        HttpResponse<String> outside = assign("west-" + suffix, "{\"planId\": \"district\"}");
        HttpResponse<String> unknown = assign(unit, "{\"planId\": \"no-such-plan\", \"topicOverrides\": {\"" + topic
                + "\": \"nor-this-one\"}}");
        HttpResponse<String> malformed = assign(unit, "{\"topicOverrides\": {\"not-a-uuid\": \"district\"}}");

        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(unknown.statusCode()).isEqualTo(422);
        List<String> paths = new ArrayList<>();
        json.readTree(unknown.body()).path("errors").forEach(e -> paths.add(e.path("path").asString()));
        assertThat(paths).containsExactlyInAnyOrder("/planId", "/topicOverrides/" + topic);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(get("/api/grading/assignments", admin).body()).isEqualTo("[]");
        assertThat(jdbc.queryForList("select action from grading.audit_event where actor = ?", String.class,
                adminLogin)).containsExactly("DENIED");
    }

    private String stored(String prefix) {
        String id = TestPlans.freshId(prefix);
        plans.saveAsNextVersion(TestPlans.districtAs(id, "指派测试预案"));
        return id;
    }

    private HttpResponse<String> assign(String unitId, String body) {
        return call("PUT", "/api/grading/assignments/" + unitId, body, admin);
    }

    private UUID detected(String unitId, UUID topic) {
        UUID incident = UUID.randomUUID();
        apply(new IncidentDetected(UUID.randomUUID(), Instant.now(), incident, topic, unitId, "化工厂",
                Instant.now(), metrics(3)));
        return incident;
    }

    private String planOf(UUID incident) {
        return planOf(incident, unit);
    }

    private String planOf(UUID incident, String unitId) {
        HttpResponse<String> grade = get("/api/grading/incidents/" + incident, user("reader", unitId));
        assertThat(grade.statusCode()).as(grade.body()).isEqualTo(200);
        return json.readTree(grade.body()).path("planId").asString();
    }

    private void apply(IntegrationEvent event) {
        tx.executeWithoutResult(s -> listener.on("monitoring", event));
    }

    private static IncidentMetrics metrics(long volume) {
        return new IncidentMetrics(volume, 0, 0, 0, 1, 0, 1, volume, 0, 0, 0, 0, Set.of());
    }
}
