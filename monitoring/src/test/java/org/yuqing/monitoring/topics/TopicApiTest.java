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
}
