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
import org.yuqing.grading.plans.PlanDocuments.Format;
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
 * Administrators edit plans over HTTP: create, edit as the next version, delete a plan never used, export as YAML or
 * JSON and import again; every change audited as PLAN_CHANGE. Plans are created under fresh ids, so the presets
 * other tests grade by stay as shipped.
 */
class PlanEditingApiTest extends GradingServiceTest {

    private static final List<String> PRESETS =
            List.of("district", "work-safety", "enterprise", "county-education", "municipal-ethnic-religious");

    private final JsonMapper json;
    private final JdbcTemplate jdbc;
    private final PlanRepository plans;
    private final PlanAssignments assignments;
    private final IntegrationEventListener listener;
    private final TransactionTemplate tx;
    private final String adminLogin = "plan-admin-" + UUID.randomUUID();
    private final String admin = TestTokens.shared().user(adminLogin).roles(Role.ADMIN).units(UNIT).bearer();

    @Autowired
    PlanEditingApiTest(JsonMapper json, JdbcTemplate jdbc, PlanRepository plans, PlanAssignments assignments,
                       IntegrationEventListener listener, PlatformTransactionManager transactions) {
        this.json = json;
        this.jdbc = jdbc;
        this.plans = plans;
        this.assignments = assignments;
        this.listener = listener;
        this.tx = new TransactionTemplate(transactions);
    }

    @Test
    void a_new_plan_is_created_from_a_document_once_and_a_second_create_of_its_id_is_a_conflict() {
        String id = TestPlans.freshId("created");
        String document = PlanJson.write(TestPlans.districtAs(id, "新建预案"));

        HttpResponse<String> created = call("POST", "/api/grading/plans", document, admin);
        HttpResponse<String> again = call("POST", "/api/grading/plans", document, admin);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/grading/plans/" + id);
        assertThat(PlanJson.read(get("/api/grading/plans/" + id).body())).isEqualTo(TestPlans.districtAs(id, "新建预案"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(audit()).containsExactly("PLAN_CHANGE plan " + id);
    }

    @Test
    void an_edit_is_the_next_version_while_the_old_version_and_the_grades_it_gave_stay_until_the_next_metrics_change() {
        String id = TestPlans.freshId("edited");
        String unit = "unit-" + UUID.randomUUID();
        assertThat(call("POST", "/api/grading/plans", PlanJson.write(TestPlans.districtAs(id, "第一版")), admin)
                .statusCode()).isEqualTo(201);
        assignments.assign(unit, id);
        UUID incident = UUID.randomUUID();
        apply(new IncidentDetected(UUID.randomUUID(), Instant.now(), incident, UUID.randomUUID(), unit, "化工厂",
                Instant.now(), metrics(60)));

        HttpResponse<String> edited = call("PUT", "/api/grading/plans/" + id,
                PlanJson.write(TestPlans.districtAs(id, "第二版")), admin);

        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(PlanJson.read(edited.body()).version()).isEqualTo(2);
        assertThat(PlanJson.read(get("/api/grading/plans/" + id).body()).name()).isEqualTo("第二版");
        assertThat(PlanJson.read(get("/api/grading/plans/" + id + "/versions/1").body()).name()).isEqualTo("第一版");
        JsonNode before = grade(incident, unit);
        assertThat(before.path("planVersion").asInt()).isEqualTo(1);
        assertThat(before.path("reasons").get(0).asString()).contains("第一版");

        apply(new IncidentMetricsChanged(UUID.randomUUID(), Instant.now(), incident, unit, metrics(70)));

        JsonNode after = grade(incident, unit);
        assertThat(after.path("planVersion").asInt()).isEqualTo(2);
        assertThat(after.path("reasons").get(0).asString()).contains("第二版");
        assertThat(after.path("history").get(0).path("planVersion").asInt()).isEqualTo(1);
        assertThat(audit()).containsExactly("PLAN_CHANGE plan " + id, "PLAN_CHANGE plan " + id);
    }

    @Test
    void an_invalid_document_is_a_422_problem_listing_every_error_with_its_json_pointer() {
        String id = TestPlans.freshId("invalid");
        String unknownMetric = PlanJson.write(TestPlans.districtAs(id, "坏预案")).replace("\"MAINSTREAM_OUTLETS\"",
                "\"FOLLOWERS\"");
        Plan broken = TestPlans.districtAs(id, "坏预案", 3, l -> new PlanLevel(l.level(), l.section(), null,
                List.of(), null, null));

        HttpResponse<String> metric = call("POST", "/api/grading/plans", unknownMetric, admin);
        HttpResponse<String> rules = call("PUT", "/api/grading/plans/district", PlanJson.write(
                new Plan("district", 1, broken.name(), null, broken.levels(), null)), admin);

        assertThat(metric.statusCode()).isEqualTo(422);
        assertThat(paths(metric)).containsExactly("/levels/2/conditions/1/metric");
        assertThat(rules.statusCode()).isEqualTo(422);
        assertThat(rules.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(paths(rules)).containsExactlyInAnyOrder("/levels/3/terms", "/levels/3/conditions");
        assertThat(json.readTree(rules.body()).path("errors").findValuesAsString("kind"))
                .containsExactlyInAnyOrder("MISSING_TERMS", "UNREACHABLE_LEVEL");
        assertThat(plans.latest(id)).isEmpty();
        assertThat(plans.latest("district").orElseThrow().version()).isEqualTo(1);
        assertThat(call("PUT", "/api/grading/plans/" + id, PlanJson.write(TestPlans.districtAs("other", "别的")),
                admin).statusCode()).isEqualTo(422);
        assertThat(call("PUT", "/api/grading/plans/" + id, PlanJson.write(TestPlans.districtAs(id, "不存在")),
                admin).statusCode()).isEqualTo(404);
        assertThat(audit()).isEmpty();
    }

    @Test
    void only_a_plan_never_used_can_be_deleted() {
        String unused = TestPlans.freshId("unused");
        String used = TestPlans.freshId("used");
        String assigned = TestPlans.freshId("assigned");
        for (String id : List.of(unused, used, assigned)) {
            assertThat(call("POST", "/api/grading/plans", PlanJson.write(TestPlans.districtAs(id, "待删")), admin)
                    .statusCode()).isEqualTo(201);
        }
        String unit = "unit-" + UUID.randomUUID();
        assignments.assign(unit, used);
        apply(new IncidentDetected(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(), unit,
                "化工厂", Instant.now(), metrics(3)));
        assignments.assign(unit, "district");
        assignments.assign("unit-" + UUID.randomUUID(), assigned);

        HttpResponse<String> deleted = call("DELETE", "/api/grading/plans/" + unused, null, admin);
        HttpResponse<String> graded = call("DELETE", "/api/grading/plans/" + used, null, admin);
        HttpResponse<String> inAssignment = call("DELETE", "/api/grading/plans/" + assigned, null, admin);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(get("/api/grading/plans/" + unused).statusCode()).isEqualTo(404);
        assertThat(graded.statusCode()).isEqualTo(409);
        assertThat(json.readTree(graded.body()).path("detail").asString()).contains("事件定级");
        assertThat(inAssignment.statusCode()).isEqualTo(409);
        assertThat(json.readTree(inAssignment.body()).path("detail").asString()).contains("单位");
        assertThat(call("DELETE", "/api/grading/plans/district", null, admin).statusCode()).isEqualTo(409);
        assertThat(call("DELETE", "/api/grading/plans/" + unused, null, admin).statusCode()).isEqualTo(404);
        assertThat(plans.latest(used)).isPresent();
        assertThat(audit()).filteredOn(line -> line.equals("PLAN_CHANGE plan " + unused)).hasSize(2);
    }

    @Test
    void every_preset_exported_as_yaml_or_json_and_imported_again_is_the_same_plan() {
        for (String id : PRESETS) {
            Plan stored = plans.version(id, 1).orElseThrow();
            for (Format format : Format.values()) {
                HttpResponse<String> export = get("/api/grading/plans/" + id + "/versions/1/export?format="
                        + format.extension(), admin);
                assertThat(export.statusCode()).isEqualTo(200);
                assertThat(export.headers().firstValue("Content-Type").orElseThrow())
                        .startsWith(format.mediaType().toString());
                assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
                        .contains(id + "-v1." + format.extension());

                HttpResponse<String> imported = call("POST", "/api/grading/plans/import", export.body(),
                        format.mediaType().toString(), admin);

                assertThat(imported.statusCode()).as(id + " " + format + ": " + imported.body()).isEqualTo(200);
                assertThat(imported.headers().firstValue("Yuqing-Import-Outcome")).hasValue("UNCHANGED");
                assertThat(PlanJson.read(imported.body())).as(id + " " + format).isEqualTo(stored);
            }
        }
        assertThat(audit()).hasSize(PRESETS.size() * 2).allMatch(line -> line.startsWith("EXPORT plan "));
    }

    @Test
    void an_imported_yaml_document_creates_a_plan_then_its_next_version_and_importing_it_twice_stores_once() {
        String id = TestPlans.freshId("imported");
        String yaml = PlanDocuments.write(TestPlans.districtAs(id, "导入预案"), Format.YAML);
        String edited = PlanDocuments.write(TestPlans.districtAs(id, "导入预案（修订）"), Format.YAML);

        HttpResponse<String> first = call("POST", "/api/grading/plans/import", yaml, "application/yaml", admin);
        HttpResponse<String> twice = call("POST", "/api/grading/plans/import", yaml, "application/yaml", admin);
        HttpResponse<String> next = call("POST", "/api/grading/plans/import", edited, "application/yaml", admin);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Yuqing-Import-Outcome")).hasValue("CREATED");
        assertThat(twice.headers().firstValue("Yuqing-Import-Outcome")).hasValue("UNCHANGED");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.headers().firstValue("Yuqing-Import-Outcome")).hasValue("NEW_VERSION");
        assertThat(PlanJson.read(get("/api/grading/plans/" + id + "/versions/1").body()))
                .isEqualTo(TestPlans.districtAs(id, "导入预案"));
        assertThat(PlanJson.read(get("/api/grading/plans/" + id).body()).version()).isEqualTo(2);
        assertThat(call("POST", "/api/grading/plans/import", "levels: [", "application/yaml", admin).statusCode())
                .isEqualTo(400);
        assertThat(call("POST", "/api/grading/plans/import", yaml, "text/plain", admin).statusCode()).isEqualTo(415);
        assertThat(call("POST", "/api/grading/plans/import", yaml.replace("GENERAL", "MILD"), "application/yaml",
                admin).statusCode()).isEqualTo(422);
        assertThat(call("POST", "/api/grading/plans/import", "x".repeat(PlansController.MAX_DOCUMENT_CHARS + 1),
                "application/yaml", admin).statusCode()).isEqualTo(413);
        assertThat(audit()).containsExactly("PLAN_CHANGE plan " + id, "PLAN_CHANGE plan " + id);
    }

    private List<String> paths(HttpResponse<String> problem) {
        List<String> paths = new ArrayList<>();
        json.readTree(problem.body()).path("errors").forEach(e -> paths.add(e.path("path").asString()));
        return paths;
    }

    private List<String> audit() {
        return jdbc.queryForList("select action || ' ' || target from grading.audit_event where actor = ? "
                + "and outcome = 'DONE' order by id", String.class, adminLogin);
    }

    private void apply(IntegrationEvent event) {
        tx.executeWithoutResult(s -> listener.on("monitoring", event));
    }

    private JsonNode grade(UUID incident, String unit) {
        HttpResponse<String> response = get("/api/grading/incidents/" + incident, user("reader", unit));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static IncidentMetrics metrics(long volume) {
        return new IncidentMetrics(volume, 0, 0, 0, 1, 0, 1, volume, 0, 0, 0, 0, Set.of());
    }
}
