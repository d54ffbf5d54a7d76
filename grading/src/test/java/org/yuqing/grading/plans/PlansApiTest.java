package org.yuqing.grading.plans;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yuqing.grading.GradingServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class PlansApiTest extends GradingServiceTest {

    private final JsonMapper json;
    private final JdbcTemplate jdbc;
    private final PresetPlans presets;
    private final PlanRepository plans;

    @Autowired
    PlansApiTest(JsonMapper json, JdbcTemplate jdbc, PresetPlans presets, PlanRepository plans) {
        this.json = json;
        this.jdbc = jdbc;
        this.presets = presets;
        this.plans = plans;
    }

    @Test
    void the_district_preset_is_stored_at_startup_once() {
        presets.afterPropertiesSet();

        assertThat(jdbc.queryForObject("select count(*) from grading.plan_version where plan_id = 'district' "
                + "and version = 1 and body->>'name' = '区网络舆情处置工作应急预案'", Long.class)).isEqualTo(1);
    }

    @Test
    void plans_are_listed_with_id_version_and_name() {
        HttpResponse<String> response = get("/api/grading/plans");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode district = null;
        for (JsonNode plan : json.readTree(response.body())) {
            if (plan.path("id").asString().equals("district")) {
                district = plan;
            }
        }
        assertThat(district).isNotNull();
        assertThat(district.path("version").asInt()).isEqualTo(1);
        assertThat(district.path("name").asString()).isEqualTo("区网络舆情处置工作应急预案");
    }

    @Test
    void all_five_presets_are_stored_and_listed() {
        HttpResponse<String> response = get("/api/grading/plans");

        assertThat(response.statusCode()).isEqualTo(200);
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (JsonNode plan : json.readTree(response.body())) {
            names.put(plan.path("id").asString(), plan.path("name").asString());
        }
        assertThat(names).containsEntry("district", "区网络舆情处置工作应急预案")
                .containsEntry("work-safety", "安全生产网络舆情应对预案")
                .containsEntry("enterprise", "企业网络舆情监控及应对预案")
                .containsEntry("county-education", "县教育系统网络舆情应急处置预案")
                .containsEntry("municipal-ethnic-religious", "市民族宗教系统突发重大网络舆情应急处置预案");
        Plan workSafety = PlanJson.read(get("/api/grading/plans/work-safety").body());
        assertThat(workSafety.levels()).hasSize(4);
        assertThat(PlanJson.read(get("/api/grading/plans/enterprise").body()).levels()).hasSize(3);
        assertThat(PlanJson.read(get("/api/grading/plans/county-education").body()).analystGraded()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from grading.plan_version where version = 1 and plan_id in "
                + "('district', 'work-safety', 'enterprise', 'county-education', 'municipal-ethnic-religious')",
                Long.class)).isEqualTo(5);
    }

    @Test
    void an_invalid_plan_is_not_stored() {
        Plan district = PlanJson.read(get("/api/grading/plans/district").body());
        Plan broken = new Plan("broken-" + java.util.UUID.randomUUID().toString().substring(0, 8), 1, "坏预案", null,
                java.util.List.of(district.lowest(), new PlanLevel(org.yuqing.domain.Level.MAJOR, "三", null,
                        java.util.List.of(), district.lowest().terms(), null)), null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> plans.saveAsNextVersion(broken))
                .isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("重大（MAJOR）");
        assertThat(plans.latest(broken.id())).isEmpty();
    }

    @Test
    void a_plan_is_served_in_its_stored_json_form() {
        HttpResponse<String> response = get("/api/grading/plans/district");

        assertThat(response.statusCode()).isEqualTo(200);
        Plan served = PlanJson.read(response.body());
        assertThat(served.id()).isEqualTo("district");
        assertThat(json.readTree(response.body()).at("/levels/3/terms/reportWithin").asString()).isEqualTo("PT1H");
        assertThat(get("/api/grading/plans/district/versions/1").body()).isEqualTo(response.body());
    }

    @Test
    void an_unknown_plan_is_a_404_problem() {
        HttpResponse<String> response = get("/api/grading/plans/no-such-plan");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).path("detail").asString()).contains("no-such-plan");
        assertThat(get("/api/grading/plans/district/versions/999").statusCode()).isEqualTo(404);
    }
}
