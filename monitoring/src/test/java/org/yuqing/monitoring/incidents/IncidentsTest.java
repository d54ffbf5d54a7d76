package org.yuqing.monitoring.incidents;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentsTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" ~ \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            东区化工厂发生爆炸          | 东区化工厂发生爆炸！
            东区化工厂发生爆炸          | 东区 化工厂 发生爆炸
            ＰＸ项目引发关注           | px项目引发关注
            """)
    void titles_that_differ_only_in_width_case_blanks_or_punctuation_are_one_statement(String a, String b) {
        assertThat(Incidents.statementKey(facts(a, "x"))).isEqualTo(Incidents.statementKey(facts(b, "x")));
    }

    @Test
    void different_titles_are_different_statements() {
        assertThat(Incidents.statementKey(facts("化工厂发生爆炸", "x")))
                .isNotEqualTo(Incidents.statementKey(facts("化工厂发生泄漏", "x")));
    }

    @Test
    void posts_without_a_title_are_each_a_statement_of_their_own() {
        assertThat(Incidents.statementKey(facts("", "同样的正文")))
                .isNotEqualTo(Incidents.statementKey(facts(" ", "同样的正文")));
    }

    @Test
    void an_incident_is_titled_from_the_title_else_from_the_text_shortened() {
        assertThat(Incidents.title(facts("  化工厂爆炸\n  多人受伤 ", "正文"))).isEqualTo("化工厂爆炸 多人受伤");
        String longText = "很".repeat(300);
        assertThat(Incidents.title(facts("", longText))).hasSize(121).endsWith("…");
    }

    static PostFacts facts(String title, String text) {
        return new PostFacts(UUID.randomUUID(), "example.cn", title, text, Instant.parse("2026-11-21T08:00:00Z"), 0, 0, 0, 0);
    }
}
