package org.yuqing.monitoring.incidents;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.yuqing.monitoring.MonitoringIntegrationTest;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Each incident's negative share from the negative lexicon: the share, the last 24 hours against the 24 before
 * (rising, falling, steady), the words that drove it, in the incident API and in the metrics of the events; the
 * lexicon replaced by an administrator applies to the posts recorded after.
 */
class NegativeShareTest extends MonitoringIntegrationTest {

    @Test
    void a_rising_negative_share_is_reported_with_the_words_that_drove_it_and_sent_with_the_metrics() throws Exception {
        String word = uniqueWord();
        UUID topic = watch(word);
        post(word, "居民反映一切正常，交通顺畅。", 40);
        post(word, "园区照常开工，周边学校正常上课。", 30);
        post(word, "凌晨园区发生爆炸，现场有人员伤亡。", 4);
        post(word, "目击者称又听到一次爆炸声。", 3);
        String incident = post(word, "官方发布会介绍了处置进展。", 2);

        JsonNode view = getJson("/api/monitoring/incidents/" + incident);

        JsonNode negative = view.path("negative");
        assertThat(negative.path("share").asDouble()).isCloseTo(0.4, within(1e-9));
        assertThat(negative.path("share24h").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(negative.path("sharePrevious24h").asDouble()).isZero();
        assertThat(negative.path("trend").asString()).isEqualTo("RISING");
        assertThat(negative.path("words").valueStream().map(w -> w.path("word").asString() + ":" + w.path("posts").asLong()))
                .containsExactly("爆炸:2", "伤亡:1");
        assertThat(view.path("metrics").path("negativeShare").asDouble()).isCloseTo(0.4, within(1e-9));
        // the latest event carries the share in its metrics
        String payload = jdbc.queryForObject("select payload::text from monitoring.outbox where aggregate_id = ?"
                + " order by position desc limit 1", String.class, incident);
        assertThat(json.readTree(payload).path("metrics").path("negativeShare").asDouble()).isCloseTo(0.4, within(1e-9));
        JsonNode listed = getJson("/api/monitoring/incidents?topicId=" + topic).get(0);
        assertThat(listed.path("negative").path("trend").asString()).isEqualTo("RISING");
    }

    @Test
    void a_falling_share_and_an_incident_without_negative_posts_are_told_apart() throws Exception {
        String falling = uniqueWord();
        watch(falling);
        post(falling, "工厂发生泄漏，气味刺鼻，居民投诉。", 40);
        post(falling, "居民再次投诉异味。", 30);
        String fallingIncident = post(falling, "监测数据显示空气质量已恢复正常。", 3);
        String calm = uniqueWord();
        watch(calm);
        String calmIncident = post(calm, "社区举办书法展览，居民踊跃参加。", 3);

        JsonNode f = getJson("/api/monitoring/incidents/" + fallingIncident).path("negative");
        JsonNode c = getJson("/api/monitoring/incidents/" + calmIncident).path("negative");

        assertThat(f.path("trend").asString()).isEqualTo("FALLING");
        assertThat(f.path("share24h").asDouble()).isZero();
        assertThat(f.path("sharePrevious24h").asDouble()).isEqualTo(1.0);
        assertThat(f.path("words").valueStream().map(w -> w.path("word").asString()).toList())
                .containsExactly("投诉", "刺鼻", "泄漏");
        assertThat(c.path("share").asDouble()).isZero();
        assertThat(c.path("trend").asString()).isEqualTo("STEADY");
        assertThat(c.path("words")).isEmpty();
    }

    @Test
    void a_lexicon_set_by_an_administrator_judges_the_posts_recorded_after_and_is_audited() throws Exception {
        String word = uniqueWord();
        String custom = "离谱" + word.substring(1, 4);
        watch(word);
        try {
            JsonNode set = body(replace(Map.of("words", List.of(" " + custom + " ", "爆炸", "爆炸", ""))), 200);
            assertThat(texts(set.path("words"))).containsExactly(custom, "爆炸");
            assertThat(set.path("source").asString()).isEqualTo("API");
            assertThat(set.path("updatedBy").asString()).isEqualTo("tester");
            assertThat(texts(getJson("/api/monitoring/negative-words").path("words"))).containsExactly(custom, "爆炸");

            String incident = post(word, "网友称这种处理方式太" + custom + "了，仍有污染。", 2);

            JsonNode negative = getJson("/api/monitoring/incidents/" + incident).path("negative");
            assertThat(negative.path("share").asDouble()).isEqualTo(1.0);
            assertThat(negative.path("words").valueStream().map(w -> w.path("word").asString()).toList())
                    .as("污染 is no longer in the lexicon").containsExactly(custom);
            assertThat(jdbc.queryForObject("select count(*) from monitoring.audit_event where action = 'CONFIG_CHANGE'"
                    + " and target = 'negative lexicon'", Integer.class)).isGreaterThanOrEqualTo(1);
            assertThat(replace(Map.of("words", List.of(" "))).getStatus()).isEqualTo(400);
            assertThat(replace(Map.of("words", List.of("太长".repeat(11)))).getStatus()).isEqualTo(400);
        } finally {
            body(replace(Map.of("words", NegativeLexiconProperties.DEFAULT_WORDS)), 200);
        }
    }

    private MockHttpServletResponse replace(Map<String, Object> body) throws Exception {
        return mvc.perform(put("/api/monitoring/negative-words").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn().getResponse();
    }

    private JsonNode body(MockHttpServletResponse response, int status) throws Exception {
        String content = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(content).isEqualTo(status);
        return json.readTree(content);
    }

    /** Submits a post of the word published {@code hoursAgo} hours ago; returns the incident it joined. */
    private String post(String word, String text, long hoursAgo) throws Exception {
        JsonNode receipt = submitted(aPost("https://negative.example.cn/" + UUID.randomUUID(), "negative.example.cn",
                word + "园区动态" + UUID.randomUUID().toString().substring(0, 6), word + text, hoursAgo(hoursAgo), 10));
        return receipt.path("incidentIds").get(0).asString();
    }
}
