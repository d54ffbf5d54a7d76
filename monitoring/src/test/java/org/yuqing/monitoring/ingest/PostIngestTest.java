package org.yuqing.monitoring.ingest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.yuqing.monitoring.MonitoringIntegrationTest;
import org.yuqing.monitoring.search.PostIndex;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

class PostIngestTest extends MonitoringIntegrationTest {

    @Autowired
    PostIndex index;

    @Test
    void a_post_with_an_exclusion_word_matches_nothing_but_is_stored() throws Exception {
        String region = uniqueWord();
        topic(List.of(region), List.of("化工厂"), List.of("爆炸", "泄漏"), List.of("演练"));
        String url = "https://gov.example.cn/news/" + UUID.randomUUID();

        JsonNode receipt = submitted(aPost(url, "gov.example.cn", region + "化工厂举行爆炸应急演练",
                region + "化工厂今天举行泄漏和爆炸应急演练。", hoursAgo(1), 10));

        assertThat(receipt.path("matchedTopicIds")).isEmpty();
        assertThat(receipt.path("incidentIds")).isEmpty();
        UUID id = UUID.fromString(receipt.path("id").asString());
        assertThat(index.find(id)).hasValueSatisfying(stored -> {
            assertThat(stored.url()).isEqualTo(url);
            assertThat(stored.unitIds()).isEmpty();
        });
        // matched by no topic, it belongs to no unit, so no user reads it
        assertThat(mvc.perform(get("/api/monitoring/posts/" + id)).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void the_post_id_is_the_name_based_uuid_of_its_url_and_a_resubmission_updates_the_stored_post() throws Exception {
        String url = "https://weibo.example.cn/u/1/" + UUID.randomUUID();
        String word = uniqueWord();
        watch(word);
        Map<String, Object> post = aPost(url, "Weibo.Example.CN", "标题", "正文" + word, hoursAgo(1), 10);
        post.put("mediaType", "weibo");
        JsonNode first = submitted(post);
        post.put("metrics", Map.of("reads", 99, "likes", 5));
        JsonNode second = submitted(post);

        UUID expected = UUID.nameUUIDFromBytes(url.getBytes(StandardCharsets.UTF_8));
        assertThat(first.path("id").asString()).isEqualTo(expected.toString());
        assertThat(second.path("id").asString()).isEqualTo(expected.toString());
        JsonNode stored = getJson("/api/monitoring/posts/" + expected);
        assertThat(stored.path("site").asString()).isEqualTo("weibo.example.cn");
        assertThat(stored.path("mediaType").asString()).isEqualTo("WEIBO");
        assertThat(stored.path("metrics").path("reads").asLong()).isEqualTo(99);
        assertThat(stored.path("metrics").path("comments").asLong()).isZero();
        assertThat(stored.path("metrics").path("likes").asLong()).isEqualTo(5);
    }

    @Test
    void malformed_json_is_a_400_problem() throws Exception {
        MvcResult r = mvc.perform(post("/api/monitoring/posts").contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\": \"https://x.example.cn/1\", \"text\": ")).andReturn();

        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(MediaType.parseMediaType(r.getResponse().getContentType())).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(r).path("detail").asString()).isEqualTo("The request body is not well-formed JSON");
        assertThat(r.getResponse().getContentAsString()).doesNotContain("Exception");
    }

    @Test
    void a_value_of_the_wrong_type_is_a_400_problem_naming_the_field() throws Exception {
        Map<String, Object> post = aPost("https://x.example.cn/" + UUID.randomUUID(), "x.example.cn", "t", "text", hoursAgo(1), 1);
        post.put("publishedAt", "yesterday");
        MvcResult r = submit(post);

        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(MediaType.parseMediaType(r.getResponse().getContentType())).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(r).path("detail").asString()).contains("'publishedAt'");
    }

    @Test
    void missing_and_invalid_fields_are_a_400_problem_listing_each() throws Exception {
        MvcResult r = submit(Map.of("url", "ftp://x.example.cn/1", "mediaType", "TV",
                "metrics", Map.of("reads", -1)));

        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(MediaType.parseMediaType(r.getResponse().getContentType())).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(r).path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactly("url", "site", "mediaType", "text", "publishedAt", "metrics.reads");
    }

    @Test
    void an_unknown_post_is_a_404_problem() throws Exception {
        MvcResult r = mvc.perform(get("/api/monitoring/posts/" + UUID.randomUUID())).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(404);
        assertThat(MediaType.parseMediaType(r.getResponse().getContentType())).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
