package org.yuqing.grading.whatif;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yuqing.grading.GradingServiceTest;
import org.yuqing.grading.TestPlans;
import org.yuqing.grading.plans.MetricComparator;
import org.yuqing.grading.plans.MetricCondition;
import org.yuqing.grading.plans.Metric;
import org.yuqing.grading.plans.PlanLevel;
import org.yuqing.grading.plans.PlanRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Two plans grading the same snapshot side by side, with the conditions that differ. */
class CompareApiTest extends GradingServiceTest {

    private final JsonMapper json;
    private final PlanRepository plans;

    @Autowired
    CompareApiTest(JsonMapper json, PlanRepository plans) {
        this.json = json;
        this.plans = plans;
    }

    @Test
    void a_stricter_copy_of_the_district_plan_grades_two_hundred_posts_major_and_names_the_condition_that_differs() {
        String strict = stricterDistrict();

        HttpResponse<String> response = postJson("/api/grading/what-if/compare", request(200, "district", strict));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode comparison = json.readTree(response.body());
        assertThat(comparison.at("/planA/level").asString()).isEqualTo("SERIOUS");
        assertThat(comparison.at("/planA/planVersion").asInt()).isEqualTo(1);
        assertThat(comparison.at("/planB/level").asString()).isEqualTo("MAJOR");
        assertThat(comparison.at("/planB/planId").asString()).isEqualTo(strict);
        assertThat(comparison.at("/planB/reasons/0").asString()).startsWith("舆情总量 200 篇 > 100");
        assertThat(comparison.at("/planB/terms/reportWithin").asString()).isEqualTo("PT2H");
        assertThat(comparison.path("sameLevel").asBoolean()).isFalse();
        assertThat(comparison.path("sameTerms").asBoolean()).isFalse();
        List<String> differences = new ArrayList<>();
        comparison.path("differences").forEach(d -> differences.add(d.path("plan").asString() + " "
                + d.path("level").asString() + " " + d.path("condition").asString() + " " + d.path("holds").asBoolean()));
        assertThat(differences).containsExactly("A MAJOR 舆情总量 > 500 false", "B MAJOR 舆情总量 > 100 true");
    }

    @Test
    void a_plan_compared_with_itself_differs_nowhere_and_an_unknown_version_is_a_404_problem() {
        String strict = stricterDistrict();

        JsonNode same = json.readTree(postJson("/api/grading/what-if/compare", request(200, strict, strict)).body());
        HttpResponse<String> unknown = postJson("/api/grading/what-if/compare",
                "{\"snapshot\": {\"volume\": 1}, \"planA\": {\"id\": \"district\", \"version\": 99}, "
                        + "\"planB\": {\"id\": \"district\"}}");
        HttpResponse<String> missing = postJson("/api/grading/what-if/compare",
                "{\"snapshot\": {\"volume\": 1}, \"planA\": {\"id\": \"district\"}}");

        assertThat(same.path("sameLevel").asBoolean()).isTrue();
        assertThat(same.path("sameTerms").asBoolean()).isTrue();
        assertThat(same.path("differences")).isEmpty();
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(missing.statusCode()).isEqualTo(400);
    }

    private String stricterDistrict() {
        String id = TestPlans.freshId("strict");
        plans.saveAsNextVersion(TestPlans.districtAs(id, "从严区预案", 2, major -> {
            List<org.yuqing.grading.plans.Condition> conditions = new ArrayList<>(major.conditions());
            conditions.set(0, new MetricCondition(Metric.VOLUME, MetricComparator.MORE_THAN, 100, "六(三)3", null));
            return new PlanLevel(major.level(), major.section(), major.summary(), conditions, major.terms(),
                    major.note());
        }));
        return id;
    }

    private static String request(long volume, String planA, String planB) {
        return "{\"snapshot\": {\"volume\": " + volume + ", \"distinctSites\": 1}, \"planA\": {\"id\": \"" + planA
                + "\"}, \"planB\": {\"id\": \"" + planB + "\"}}";
    }
}
