package org.yuqing.monitoring.ingest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.yuqing.monitoring.MonitoringIntegrationTest;
import org.yuqing.monitoring.search.PostIndex;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class PostHistoryTest extends MonitoringIntegrationTest {

    @Autowired
    PostIndex index;

    @Test
    void a_resent_post_adds_a_snapshot_only_when_its_metrics_change() throws Exception {
        String word = uniqueWord();
        watch(word);
        Map<String, Object> post = aPost(url(), "x.example.cn", "标题", "正文" + word, hoursAgo(1), 100);
        String id = submitted(post).path("id").asString();
        submitted(post);
        post.put("metrics", Map.of("reads", 250, "comments", 2, "reposts", 3, "likes", 4));
        submitted(post);
        submitted(post);
        post.put("metrics", Map.of("reads", 250, "comments", 9, "reposts", 3, "likes", 4));
        submitted(post);

        JsonNode snapshots = getJson("/api/monitoring/posts/" + id + "/snapshots");

        assertThat(snapshots.valueStream().map(s -> s.path("reads").asLong() + "/" + s.path("comments").asLong()).toList())
                .containsExactly("100/2", "250/2", "250/9");
        assertThat(snapshots.get(0).path("likes").asLong()).isEqualTo(4);
        assertThat(snapshots.get(0).path("at").asString()).isLessThanOrEqualTo(snapshots.get(1).path("at").asString());
        assertThat(snapshots.get(1).path("at").asString()).isLessThanOrEqualTo(snapshots.get(2).path("at").asString());
    }

    @Test
    void the_same_source_and_external_id_with_a_changed_url_updates_the_same_post() throws Exception {
        String source = "src-" + UUID.randomUUID();
        String firstUrl = url();
        String word = uniqueWord();
        watch(word);
        Map<String, Object> post = aPost(firstUrl, "x.example.cn", "标题", "正文" + word, hoursAgo(1), 10);
        post.put("sourceId", source);
        post.put("externalId", "42");
        String first = submitted(post).path("id").asString();
        String movedUrl = url();
        post.put("url", movedUrl);
        post.put("metrics", Map.of("reads", 11));
        String second = submitted(post).path("id").asString();

        assertThat(second).isEqualTo(first)
                .isEqualTo(UUID.nameUUIDFromBytes(firstUrl.getBytes(StandardCharsets.UTF_8)).toString());
        JsonNode stored = getJson("/api/monitoring/posts/" + first);
        assertThat(stored.path("url").asString()).isEqualTo(movedUrl);
        assertThat(stored.path("metrics").path("reads").asLong()).isEqualTo(11);
        assertThat(getJson("/api/monitoring/posts/" + first + "/snapshots").size()).isEqualTo(2);
        UUID byMovedUrl = UUID.nameUUIDFromBytes(movedUrl.getBytes(StandardCharsets.UTF_8));
        assertThat(index.find(byMovedUrl)).isEmpty();
        assertThat(mvc.perform(get("/api/monitoring/posts/" + byMovedUrl)).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void another_external_id_of_the_same_source_is_another_post_and_without_one_the_url_decides() throws Exception {
        String source = "src-" + UUID.randomUUID();
        String url = url();
        Map<String, Object> post = aPost(url, "x.example.cn", "标题", "正文" + uniqueWord(), hoursAgo(1), 10);
        post.put("sourceId", source);
        post.put("externalId", "1");
        String first = submitted(post).path("id").asString();
        post.put("externalId", "2");
        post.put("url", url());
        String other = submitted(post).path("id").asString();
        post.remove("externalId");
        post.put("url", url);
        String byUrl = submitted(post).path("id").asString();

        assertThat(other).isNotEqualTo(first);
        assertThat(byUrl).isEqualTo(first);
    }

    @Test
    void the_snapshots_of_an_unknown_post_are_a_404_problem() throws Exception {
        MvcResult r = mvc.perform(get("/api/monitoring/posts/" + UUID.randomUUID() + "/snapshots")).andReturn();

        assertThat(r.getResponse().getStatus()).isEqualTo(404);
        assertThat(MediaType.parseMediaType(r.getResponse().getContentType())).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static String url() {
        return "https://history.example.cn/p/" + UUID.randomUUID();
    }
}
