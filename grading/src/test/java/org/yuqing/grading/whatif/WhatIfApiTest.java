package org.yuqing.grading.whatif;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yuqing.grading.GradingServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class WhatIfApiTest extends GradingServiceTest {

    private static final String METRICS = """
            {"volume": %d, "reads": 0, "comments": 0, "reposts": 0, "distinctSites": 1, "mainstreamOutlets": %d,
             "maxSitesPerStatement": 1, "volume24h": 0, "reads24h": 0, "comments24h": 0, "reposts24h": 0,
             "negativeShare": 0.2, "flags": %s}""";

    private final JsonMapper json;
    private final JdbcTemplate jdbc;

    @Autowired
    WhatIfApiTest(JsonMapper json, JdbcTemplate jdbc) {
        this.json = json;
        this.jdbc = jdbc;
    }

    @Test
    void what_if_grades_by_the_plan_and_stores_nothing() {
        long gradesBefore = jdbc.queryForObject("select count(*) from grading.incident_grade", Long.class);

        HttpResponse<String> response = postJson("/api/grading/what-if",
                "{\"planId\": \"district\", \"title\": \"市民质疑化工厂\", \"metrics\": " + METRICS.formatted(3, 1, "[]") + "}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode grade = json.readTree(response.body());
        assertThat(grade.path("level").asString()).isEqualTo("MAJOR");
        assertThat(grade.path("levelName").asString()).isEqualTo("重大");
        assertThat(grade.path("category").asString()).isEqualTo("INQUIRY");
        assertThat(grade.path("reasons").get(0).asString())
                .isEqualTo("主流媒体 1 家 ≥ 1 — 区网络舆情处置工作应急预案 六(三)3");
        assertThat(grade.path("terms").path("reportWithin").asString()).isEqualTo("PT2H");
        assertThat(jdbc.queryForObject("select count(*) from grading.incident_grade", Long.class))
                .isEqualTo(gradesBefore);
    }

    @Test
    void what_if_with_flags_reaches_extraordinary() {
        HttpResponse<String> response = postJson("/api/grading/what-if", "{\"planId\": \"district\", \"metrics\": "
                + METRICS.formatted(3, 0, "[\"GROUP_VIOLENCE\"]") + "}");

        assertThat(json.readTree(response.body()).path("level").asString()).isEqualTo("EXTRAORDINARY");
    }

    @Test
    void an_unknown_plan_is_a_404_problem() {
        HttpResponse<String> response = postJson("/api/grading/what-if",
                "{\"planId\": \"no-such-plan\", \"metrics\": " + METRICS.formatted(3, 0, "[]") + "}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void malformed_json_is_a_400_problem() {
        HttpResponse<String> response = postJson("/api/grading/what-if", "{\"planId\": \"district\", \"metrics\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).path("detail").asString()).isEqualTo("请求体不是有效的 JSON");
    }

    @Test
    void absent_metrics_count_as_zero() {
        HttpResponse<String> response = postJson("/api/grading/what-if",
                "{\"planId\": \"district\", \"metrics\": {\"volume\": 51}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("level").asString()).isEqualTo("SERIOUS");
    }

    @Test
    void an_unknown_flag_is_a_400_problem_naming_the_field() {
        HttpResponse<String> response = postJson("/api/grading/what-if",
                "{\"planId\": \"district\", \"metrics\": {\"flags\": [\"ALIENS\"]}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).path("detail").asString()).contains("metrics.flags[0]")
                .doesNotContain("org.yuqing");
    }

    @Test
    void negative_metrics_and_a_missing_plan_id_are_400_problems() {
        HttpResponse<String> negative = postJson("/api/grading/what-if",
                "{\"planId\": \"district\", \"metrics\": " + METRICS.formatted(-1, 0, "[]") + "}");
        HttpResponse<String> noPlan = postJson("/api/grading/what-if",
                "{\"metrics\": " + METRICS.formatted(1, 0, "[]") + "}");

        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(noPlan.statusCode()).isEqualTo(400);
        assertThat(noPlan.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void what_if_by_query_parameters_grades_like_the_post_with_flags_listed_by_comma() {
        HttpResponse<String> byQuery = get("/api/grading/what-if?planId=district&volume=3&mainstreamOutlets=1"
                + "&title=%E5%B8%82%E6%B0%91%E8%B4%A8%E7%96%91");
        HttpResponse<String> flags = get("/api/grading/what-if?planId=district&flags=EMERGENCY_CAUSED,CASUALTIES");

        assertThat(byQuery.statusCode()).as(byQuery.body()).isEqualTo(200);
        JsonNode grade = json.readTree(byQuery.body());
        assertThat(grade.path("level").asString()).isEqualTo("MAJOR");
        assertThat(grade.path("reasons").get(0).asString()).isEqualTo("主流媒体 1 家 ≥ 1 — 区网络舆情处置工作应急预案 六(三)3");
        assertThat(grade.path("category").asString()).isEqualTo("INQUIRY");
        assertThat(json.readTree(flags.body()).path("level").asString()).isEqualTo("EXTRAORDINARY");
    }

    @Test
    void what_if_by_query_without_a_plan_grades_by_the_default_plan() {
        HttpResponse<String> response = get("/api/grading/what-if?volume=51");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("planId").asString()).isEqualTo("district");
        assertThat(json.readTree(response.body()).path("level").asString()).isEqualTo("SERIOUS");
    }

    @Test
    void what_if_by_query_with_a_negative_or_malformed_number_or_unknown_flag_is_a_400_problem() {
        for (String query : new String[]{"volume=-1", "reads=many", "flags=ALIENS", "planVersion=0"}) {
            HttpResponse<String> response = get("/api/grading/what-if?planId=district&" + query);

            assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(query)
                    .startsWith("application/problem+json");
            assertThat(response.body()).as(query).doesNotContain("org.yuqing");
        }
    }

    @Test
    void comparing_by_query_parameters_gives_both_grades_side_by_side() {
        HttpResponse<String> response = get("/api/grading/what-if/compare?planA=district&planB=work-safety"
                + "&volume=600&reads24h=20000&maxSitesPerStatement=2");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode comparison = json.readTree(response.body());
        assertThat(comparison.path("planA").path("planId").asString()).isEqualTo("district");
        assertThat(comparison.path("planA").path("level").asString()).isEqualTo("MAJOR");
        assertThat(comparison.path("planB").path("planId").asString()).isEqualTo("work-safety");
        assertThat(comparison.path("planB").path("level").asString()).isEqualTo("MAJOR");
        assertThat(comparison.path("differences").isArray()).isTrue();
        assertThat(get("/api/grading/what-if/compare?planA=district&planB=no-such-plan").statusCode())
                .isEqualTo(404);
    }
}
