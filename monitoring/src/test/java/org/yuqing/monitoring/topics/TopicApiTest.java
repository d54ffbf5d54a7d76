package org.yuqing.monitoring.topics;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.yuqing.monitoring.MonitoringIntegrationTest;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

class TopicApiTest extends MonitoringIntegrationTest {

    @Test
    void a_created_topic_is_answered_201_and_can_be_read_back_and_listed() throws Exception {
        String region = uniqueWord();
        MvcResult created = mvc.perform(post("/api/monitoring/topics").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.shared().user("monitor1").units(UNIT).bearer())
                .content(json.writeValueAsString(Map.of("name", "化工厂事故", "unitId", "district",
                        "regionWords", List.of(region), "subjectWords", List.of("化工厂", " 化工厂 "),
                        "eventWords", List.of("爆炸", "泄漏")))))
                .andReturn();

        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        JsonNode topic = body(created);
        String id = topic.path("id").asString();
        assertThat(created.getResponse().getHeader("Location")).endsWith("/api/monitoring/topics/" + id);
        assertThat(texts(topic.path("subjectWords"))).containsExactly("化工厂");
        assertThat(topic.path("excludeWords")).isEmpty();
        assertThat(topic.path("createdBy").asString()).isEqualTo("monitor1");

        assertThat(getJson("/api/monitoring/topics/" + id)).isEqualTo(topic);
        assertThat(getJson("/api/monitoring/topics").valueStream().map(t -> t.path("id").asString())).contains(id);
    }

    @Test
    void a_topic_without_name_unit_or_words_is_a_400_problem() throws Exception {
        MvcResult r = mvc.perform(post("/api/monitoring/topics").contentType(MediaType.APPLICATION_JSON)
                .content("{\"excludeWords\": [\"演练\"]}")).andReturn();

        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(MediaType.parseMediaType(r.getResponse().getContentType())).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(r).path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactly("name", "unitId", "regionWords/subjectWords/eventWords");
    }

    @Test
    void an_unknown_topic_is_a_404_problem() throws Exception {
        MvcResult r = mvc.perform(get("/api/monitoring/topics/" + UUID.randomUUID())).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(404);
        assertThat(MediaType.parseMediaType(r.getResponse().getContentType())).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void posts_are_matched_against_a_changed_topic_as_soon_as_the_change_is_answered() throws Exception {
        String region = uniqueWord();
        UUID id = topic(List.of(region), List.of("水厂"), List.of("停水"), List.of());
        String text = region + "水厂管道破裂";
        assertThat(submitted(aPost("https://a.example.cn/" + UUID.randomUUID(), "a.example.cn", "", text, hoursAgo(1), 0))
                .path("matchedTopicIds")).isEmpty();

        MvcResult updated = mvc.perform(put("/api/monitoring/topics/" + id).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("name", "水厂", "unitId", "district",
                        "regionWords", List.of(region), "subjectWords", List.of("水厂"), "eventWords", List.of("停水", "破裂")))))
                .andReturn();
        assertThat(updated.getResponse().getStatus()).isEqualTo(200);

        assertThat(texts(submitted(aPost("https://a.example.cn/" + UUID.randomUUID(), "a.example.cn", "", text, hoursAgo(1), 0))
                .path("matchedTopicIds"))).containsExactly(id.toString());
    }

    private MvcResult create(Map<String, Object> draft) throws Exception {
        return mvc.perform(post("/api/monitoring/topics").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(draft))).andReturn();
    }

    private List<String> matched(String site, String mediaType, String text) throws Exception {
        Map<String, Object> p = aPost("https://" + site + "/" + UUID.randomUUID(), site, "", text, hoursAgo(1), 0);
        p.put("mediaType", mediaType);
        return texts(submitted(p).path("matchedTopicIds"));
    }

    @Test
    void an_expression_topic_with_filters_matches_posts_of_its_sites_and_media_types_until_it_is_disabled() throws Exception {
        String word = uniqueWord();
        Map<String, Object> draft = new java.util.HashMap<>(Map.of("name", "高级表达式", "unitId", UNIT,
                "expression", word + " （化工厂｜化工廠）＋(爆炸 OR 泄漏) -演练",
                "sites", List.of("Weibo.com"), "mediaTypes", List.of("weibo", "VIDEO")));
        MvcResult created = create(draft);
        assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
        JsonNode topic = body(created);
        String id = topic.path("id").asString();
        assertThat(topic.path("expression").asString()).isEqualTo(word + " （化工厂｜化工廠）＋(爆炸 OR 泄漏) -演练");
        assertThat(texts(topic.path("sites"))).containsExactly("weibo.com");
        assertThat(texts(topic.path("mediaTypes"))).containsExactly("WEIBO", "VIDEO");
        assertThat(topic.path("enabled").asBoolean()).isTrue();
        assertThat(getJson("/api/monitoring/topics/" + id)).isEqualTo(topic);

        assertThat(matched("m.weibo.com", "WEIBO", word + "化工廠發生爆炸")).containsExactly(id);
        assertThat(matched("weibo.com", "NEWS", word + "化工厂发生爆炸")).as("another media type").isEmpty();
        assertThat(matched("news.example.cn", "WEIBO", word + "化工厂发生爆炸")).as("another site").isEmpty();
        assertThat(matched("weibo.com", "VIDEO", word + "化工厂爆炸演练")).as("the NOT term").isEmpty();

        draft.put("enabled", false);
        MvcResult disabled = mvc.perform(put("/api/monitoring/topics/" + id).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(draft))).andReturn();
        assertThat(disabled.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(disabled).path("enabled").asBoolean()).isFalse();
        assertThat(matched("weibo.com", "WEIBO", word + "化工厂发生爆炸")).as("disabled").isEmpty();
    }

    @Test
    void an_invalid_expression_is_a_422_problem_pointing_at_the_position() throws Exception {
        MvcResult r = create(Map.of("name", "坏表达式", "unitId", UNIT, "expression", "化工厂 + (爆炸 | 泄漏"));

        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        assertThat(MediaType.parseMediaType(r.getResponse().getContentType())).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = body(r);
        assertThat(problem.path("position").asInt()).isEqualTo(14);
        assertThat(problem.path("expected").asString()).isEqualTo("右括号");
        assertThat(problem.path("detail").asString()).startsWith("第 15 个字符处缺少右括号");
    }

    @Test
    void words_together_with_an_expression_are_a_400_problem() throws Exception {
        MvcResult r = create(Map.of("name", "两者", "unitId", UNIT, "subjectWords", List.of("化工厂"), "expression", "爆炸"));

        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(r).path("errors").get(0).path("field").asString()).isEqualTo("expression");
    }
}
