package org.yuqing.monitoring.search;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.yuqing.monitoring.MonitoringIntegrationTest;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** {@code POST /api/monitoring/topics/test}: a draft tried over the recent posts of the caller's unit scope. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopicTrialTest extends MonitoringIntegrationTest {

    private String word;
    private String explosion;
    private String drill;
    private String old;
    private String elsewhereWord;

    @BeforeAll
    void posts() throws Exception {
        word = uniqueWord();
        watch(word);
        explosion = submitted(aSitePost("a.example.cn", "NEWS", word + "化工厂发生爆炸", hoursAgo(1))).path("id").asString();
        drill = submitted(aSitePost("weibo.com", "WEIBO", word + "化工厂泄漏演练", hoursAgo(2))).path("id").asString();
        old = submitted(aSitePost("a.example.cn", "NEWS", word + "化工厂爆炸续报", Instant.now().minus(10, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS))).path("id").asString();
        // a post only a topic of another unit matched: the default user never sees it
        elsewhereWord = uniqueWord();
        String other = "elsewhere-" + UUID.randomUUID();
        String otherUser = TestTokens.shared().user("other").units(other).bearer();
        MvcResult topic = mvc.perform(post("/api/monitoring/topics").header(HttpHeaders.AUTHORIZATION, otherUser)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("name", "别处", "unitId", other,
                        "regionWords", List.of(elsewhereWord))))).andReturn();
        assertThat(topic.getResponse().getStatus()).isEqualTo(201);
        submitted(aSitePost("a.example.cn", "NEWS", elsewhereWord + "化工厂爆炸", hoursAgo(1)));
    }

    private Map<String, Object> aSitePost(String site, String mediaType, String text, Instant publishedAt) {
        Map<String, Object> post = aPost("https://" + site + "/" + UUID.randomUUID(), site, "", text, publishedAt, 5);
        post.put("mediaType", mediaType);
        return post;
    }

    private MvcResult trial(Map<String, Object> draft, String query) throws Exception {
        return mvc.perform(post("/api/monitoring/topics/test" + query).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(draft))).andReturn();
    }

    private JsonNode tried(Map<String, Object> draft, String query) throws Exception {
        MvcResult r = trial(draft, query);
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        return body(r);
    }

    private static List<String> ids(JsonNode answer) {
        return answer.path("hits").valueStream().map(h -> h.path("id").asString()).toList();
    }

    @Test
    void an_expression_draft_finds_the_matching_posts_of_the_last_seven_days_with_its_words_marked() throws Exception {
        JsonNode answer = tried(Map.of("name", "试查", "unitId", UNIT, "expression", word + " 化工厂 (爆炸 | 泄漏) -演练"), "");

        assertThat(answer.path("total").asLong()).isEqualTo(1);
        assertThat(answer.path("days").asInt()).isEqualTo(7);
        assertThat(ids(answer)).containsExactly(explosion);
        assertThat(answer.path("hits").get(0).path("highlights").valueStream().map(JsonNode::asString))
                .anyMatch(h -> h.contains("爆炸</em>") && h.contains("<em>"));
        assertThat(getJson("/api/monitoring/topics").toString()).as("nothing is saved").doesNotContain("试查");
    }

    @Test
    void more_days_reach_older_posts_newest_first() throws Exception {
        JsonNode answer = tried(Map.of("unitId", UNIT, "regionWords", List.of(word), "eventWords", List.of("爆炸")), "?days=30");

        assertThat(answer.path("total").asLong()).isEqualTo(2);
        assertThat(ids(answer)).containsExactly(explosion, old);
    }

    @Test
    void the_drafts_site_and_media_type_filters_hold() throws Exception {
        assertThat(ids(tried(Map.of("unitId", UNIT, "subjectWords", List.of(word), "mediaTypes", List.of("WEIBO")), "")))
                .containsExactly(drill);
        assertThat(ids(tried(Map.of("unitId", UNIT, "subjectWords", List.of(word), "sites", List.of("example.cn")), "")))
                .containsExactly(explosion);
    }

    @Test
    void posts_outside_the_callers_unit_scope_are_not_found() throws Exception {
        JsonNode answer = tried(Map.of("unitId", UNIT, "expression", elsewhereWord + " 化工厂"), "?days=30");

        assertThat(answer.path("total").asLong()).isZero();
        assertThat(answer.path("hits")).isEmpty();
    }

    @Test
    void an_invalid_draft_window_expression_or_unit_is_refused_like_a_create() throws Exception {
        assertThat(trial(Map.of("unitId", UNIT, "subjectWords", List.of(word)), "?days=0").getResponse().getStatus())
                .isEqualTo(400);
        assertThat(trial(Map.of("unitId", UNIT, "subjectWords", List.of(word)), "?days=x").getResponse().getStatus())
                .isEqualTo(400);
        assertThat(trial(Map.of("unitId", UNIT), "").getResponse().getStatus()).isEqualTo(400);
        MvcResult invalid = trial(Map.of("unitId", UNIT, "expression", word + " AND"), "");
        assertThat(invalid.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(invalid).path("position").asInt()).isEqualTo(word.length() + 4);
        assertThat(trial(Map.of("unitId", "elsewhere", "subjectWords", List.of(word)), "").getResponse().getStatus())
                .isEqualTo(403);
    }
}
