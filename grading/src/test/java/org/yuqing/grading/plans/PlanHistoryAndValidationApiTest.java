package org.yuqing.grading.plans;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yuqing.grading.GradingServiceTest;
import org.yuqing.grading.TestPlans;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the plan editor of the console needs besides reading and saving: the plan list names each plan's source, a
 * plan's version history lists every stored version newest first, and a document is validated exactly as saving would
 * check it without anything being stored.
 */
class PlanHistoryAndValidationApiTest extends GradingServiceTest {

    private static final String INVALID_YAML = """
            id: %s
            name: 无效预案
            levels:
              - level: GENERAL
                section: 一
                conditions: []
                terms:
                  reportWithin: PT24H
                  writtenReportAfterPhoneWithin: PT30M
                  firstStatementWithin: PT24H
                  reviewAfterSubsidedWithin: PT72H
                  opensCase: false
                  statementApprovals: []
              - level: MAJOR
                section: 二
                conditions:
                  - type: metric
                    metric: CLICKS
                    comparator: AT_LEAST
                    value: 10
                    section: 二
                terms:
                  reportWithin: two hours
                  writtenReportAfterPhoneWithin: PT30M
                  firstStatementWithin: PT24H
                  reviewAfterSubsidedWithin: PT72H
                  opensCase: true
                  statementApprovals: [UNIT_HEAD]
            """;

    private final JsonMapper json;
    private final JdbcTemplate jdbc;
    private final String admin = TestTokens.shared().user("editor-" + UUID.randomUUID()).roles(Role.ADMIN)
            .units(UNIT).bearer();

    @Autowired
    PlanHistoryAndValidationApiTest(JsonMapper json, JdbcTemplate jdbc) {
        this.json = json;
        this.jdbc = jdbc;
    }

    @Test
    void the_plan_list_names_the_source_and_when_the_latest_version_was_stored() {
        JsonNode district = null;
        for (JsonNode plan : json.readTree(get("/api/grading/plans").body())) {
            if (plan.path("id").asString().equals("district")) {
                district = plan;
            }
        }

        assertThat(district).isNotNull();
        assertThat(district.path("source").asString()).startsWith("区网络舆情处置工作应急预案（seeds/000）");
        assertThat(district.path("createdAt").asString()).isNotBlank();
    }

    @Test
    void the_version_history_lists_every_stored_version_newest_first_with_its_name() {
        String id = TestPlans.freshId("history");
        assertThat(call("POST", "/api/grading/plans", PlanJson.write(TestPlans.districtAs(id, "第一版")), admin)
                .statusCode()).isEqualTo(201);
        assertThat(call("PUT", "/api/grading/plans/" + id, PlanJson.write(TestPlans.districtAs(id, "第二版")), admin)
                .statusCode()).isEqualTo(200);

        HttpResponse<String> history = get("/api/grading/plans/" + id + "/versions");

        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        JsonNode versions = json.readTree(history.body());
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("version").asInt()).isEqualTo(2);
        assertThat(versions.get(0).path("name").asString()).isEqualTo("第二版");
        assertThat(versions.get(1).path("version").asInt()).isEqualTo(1);
        assertThat(versions.get(1).path("name").asString()).isEqualTo("第一版");
        assertThat(versions.get(1).path("createdAt").asString()).isNotBlank();
    }

    @Test
    void the_history_of_an_unknown_plan_is_a_404_problem() {
        HttpResponse<String> history = get("/api/grading/plans/no-such-plan-" + UUID.randomUUID().toString()
                .substring(0, 8) + "/versions");

        assertThat(history.statusCode()).isEqualTo(404);
        assertThat(history.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void a_valid_document_is_validated_with_the_version_saving_would_give_and_nothing_is_stored() {
        String id = TestPlans.freshId("validated");
        long versionsBefore = storedVersions();

        HttpResponse<String> fresh = call("POST", "/api/grading/plans/validate",
                PlanJson.write(TestPlans.districtAs(id, "待校验")), admin);
        HttpResponse<String> existing = call("POST", "/api/grading/plans/validate?planId=district",
                PlanJson.write(TestPlans.district()), admin);

        assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(200);
        JsonNode answer = json.readTree(fresh.body());
        assertThat(answer.path("valid").asBoolean()).isTrue();
        assertThat(answer.path("planId").asString()).isEqualTo(id);
        assertThat(answer.path("exists").asBoolean()).isFalse();
        assertThat(answer.path("nextVersion").asInt()).isEqualTo(1);
        assertThat(answer.path("levels").asInt()).isEqualTo(4);
        assertThat(json.readTree(existing.body()).path("exists").asBoolean()).isTrue();
        assertThat(json.readTree(existing.body()).path("nextVersion").asInt()).isGreaterThan(1);
        assertThat(storedVersions()).isEqualTo(versionsBefore);
        assertThat(get("/api/grading/plans/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void an_invalid_yaml_document_answers_422_listing_each_error_with_its_path_and_stores_nothing() {
        String id = TestPlans.freshId("invalid");

        HttpResponse<String> answer = call("POST", "/api/grading/plans/validate", INVALID_YAML.formatted(id),
                "application/yaml", admin);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode errors = json.readTree(answer.body()).path("errors");
        assertThat(errors.valueStream().map(e -> e.path("path").asString()))
                .containsExactlyInAnyOrder("/levels/1/conditions/0/metric", "/levels/1/terms/reportWithin");
        assertThat(errors.valueStream().map(e -> e.path("kind").asString()))
                .containsExactlyInAnyOrder("UNKNOWN_METRIC", "INVALID_VALUE");
        assertThat(get("/api/grading/plans/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void a_document_naming_another_plan_than_the_one_edited_is_a_422_at_its_id() {
        HttpResponse<String> answer = call("POST", "/api/grading/plans/validate?planId=district",
                PlanJson.write(TestPlans.districtAs(TestPlans.freshId("other"), "别的预案")), admin);

        assertThat(answer.statusCode()).isEqualTo(422);
        JsonNode error = json.readTree(answer.body()).path("errors").get(0);
        assertThat(error.path("path").asString()).isEqualTo("/id");
        assertThat(error.path("kind").asString()).isEqualTo("ID_MISMATCH");
    }

    @Test
    void only_administrators_validate() {
        String analyst = TestTokens.shared().user("analyst-" + UUID.randomUUID()).roles(Role.ANALYST).units(UNIT)
                .bearer();

        HttpResponse<String> answer = call("POST", "/api/grading/plans/validate",
                PlanJson.write(TestPlans.district()), analyst);

        assertThat(answer.statusCode()).isEqualTo(403);
    }

    private long storedVersions() {
        return jdbc.queryForObject("select count(*) from grading.plan_version", Long.class);
    }
}
