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

    @Autowired
    PlansApiTest(JsonMapper json, JdbcTemplate jdbc, PresetPlans presets) {
        this.json = json;
        this.jdbc = jdbc;
        this.presets = presets;
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
