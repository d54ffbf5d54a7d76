package org.yuqing.grading.classification;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yuqing.domain.Category;
import org.yuqing.grading.GradingServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LexiconApiTest extends GradingServiceTest {

    private final LexiconRepository lexicons;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    @Autowired
    LexiconApiTest(LexiconRepository lexicons, JdbcTemplate jdbc, JsonMapper json) {
        this.lexicons = lexicons;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Test
    void the_stored_lexicon_is_seeded_from_the_classpath_file() {
        Lexicon seed = LexiconRepository.seed(json);

        assertThat(lexicons.lexicon()).isEqualTo(seed);
        assertThat(jdbc.queryForObject("select weight from grading.classification_lexicon "
                + "where category = 'FABRICATION' and word = '谣言'", Double.class)).isEqualTo(1.0);
    }

    @Test
    void an_edited_category_classifies_by_its_new_words_over_http() {
        Map<String, Double> tipOff = lexicons.lexicon().of(Category.TIP_OFF);
        Map<String, Double> edited = new LinkedHashMap<>(tipOff);
        edited.put("爆料", 0.9);
        try {
            HttpResponse<String> put = sendJson("PUT", "/api/grading/classification/lexicon/TIP_OFF",
                    json.writeValueAsString(edited), "analyst-wang");
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

            JsonNode classification = json.readTree(postJson("/api/grading/classification/classify",
                    "{\"text\": \"网友爆料化工厂夜间排污\"}").body());

            assertThat(classification.path("category").asString()).isEqualTo("TIP_OFF");
            assertThat(classification.path("confidence").asDouble()).isEqualTo(0.9);
            assertThat(classification.path("decidingWords").get(0).asString()).isEqualTo("爆料");
        } finally {
            lexicons.replace(Category.TIP_OFF, tipOff);
        }
    }

    @Test
    void a_weight_above_one_is_a_400_problem_and_changes_nothing() {
        Lexicon before = lexicons.lexicon();

        HttpResponse<String> put = sendJson("PUT", "/api/grading/classification/lexicon/HYPE",
                "{\"炒作\": 3}", "analyst-wang");

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(lexicons.lexicon()).isEqualTo(before);
    }

    @Test
    void the_what_if_grade_shows_the_confidence_and_the_deciding_words() {
        HttpResponse<String> response = postJson("/api/grading/what-if",
                "{\"planId\": \"district\", \"title\": \"网传化工厂爆炸系谣言\", \"metrics\": {\"volume\": 3}}");

        JsonNode grade = json.readTree(response.body());
        assertThat(grade.path("category").asString()).isEqualTo("FABRICATION");
        assertThat(grade.path("categoryConfidence").asDouble()).isEqualTo(1.0);
        assertThat(grade.path("decidingWords").get(0).asString()).isEqualTo("谣言");
    }
}
