package org.yuqing.monitoring.jobs;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.yuqing.monitoring.MonitoringIntegrationTest;
import org.yuqing.monitoring.ingest.PostIngest;
import org.yuqing.monitoring.search.PostDocument;
import org.yuqing.monitoring.search.PostIndex;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The administrators' re-index: a post stored before unit scoping (no topics, no units in its document) is invisible in
 * search; re-indexing its month gives it the topics it matches and their units, and its unit finds it.
 */
class ReindexTest extends MonitoringIntegrationTest {

    @Autowired
    PostIndex index;

    @Test
    void re_indexing_a_month_makes_posts_stored_before_unit_scoping_visible_to_their_topics_units() throws Exception {
        String word = uniqueWord();
        UUID topic = watch(word);
        String url = "https://legacy.example.cn/" + UUID.randomUUID();
        UUID id = PostIngest.postId(url);
        // written the way an old release stored it: no topics, no incidents, no units
        index.indexAll(List.of(new PostDocument(id, null, null, url, "legacy.example.cn", "NEWS", null,
                word + "旧版本写入的帖子", word + "旧版本写入的正文", Instant.parse("2019-03-05T08:00:00Z"),
                Instant.parse("2019-03-05T09:00:00Z"), new PostDocument.Metrics(7, 1, 1, 1), List.of(), List.of(), List.of())));
        assertThat(search(word).path("total").asLong()).isZero();

        MockHttpServletResponse started = mvc.perform(post("/api/monitoring/admin/reindex").contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\":\"2019-03\",\"to\":\"2019-03\"}")).andReturn().getResponse();
        assertThat(started.getStatus()).as(started.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(202);
        String location = started.getHeader(HttpHeaders.LOCATION);
        String path = location.substring(location.indexOf("/api/"));
        JsonNode status = getJson(path);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!status.path("finishedAt").isString() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            status = getJson(path);
        }

        assertThat(status.path("state").asString()).isEqualTo("DONE");
        assertThat(status.path("kind").asString()).isEqualTo("REINDEX");
        assertThat(status.path("monthFrom").asString()).isEqualTo("2019-03");
        assertThat(status.path("processed").asLong()).isEqualTo(status.path("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(status.path("matched").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode found = search(word);
        assertThat(found.path("total").asLong()).isEqualTo(1);
        JsonNode post = getJson("/api/monitoring/posts/" + id);
        assertThat(texts(post.path("topicIds"))).containsExactly(topic.toString());
        assertThat(texts(post.path("unitIds"))).containsExactly(UNIT);
        assertThat(jdbc.queryForObject("select count(*) from monitoring.audit_event where action = 'CONFIG_CHANGE'"
                + " and target = 'posts 2019-03..2019-03'", Integer.class)).isGreaterThanOrEqualTo(1);
        // another administrator's re-index is an unknown id
        assertThat(mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION,
                TestTokens.shared().user("other-admin").units(UNIT).bearer())).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void a_re_index_needs_a_valid_range_of_months() throws Exception {
        for (String body : List.of("{}", "{\"from\":\"2019-03\"}", "{\"from\":\"2019-13\",\"to\":\"2019-12\"}",
                "{\"from\":\"2019-05\",\"to\":\"2019-03\"}")) {
            MockHttpServletResponse answer = mvc.perform(post("/api/monitoring/admin/reindex")
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
            assertThat(answer.getStatus()).as(body).isEqualTo(400);
            assertThat(answer.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
    }

    private JsonNode search(String word) throws Exception {
        return body(mvc.perform(get("/api/monitoring/posts/search").param("q", word).param("size", "50")).andReturn());
    }
}
