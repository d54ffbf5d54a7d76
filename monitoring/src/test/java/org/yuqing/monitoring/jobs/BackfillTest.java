package org.yuqing.monitoring.jobs;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.yuqing.monitoring.MonitoringIntegrationTest;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A topic created after its posts were collected, run over history: the posts join its incidents exactly as live
 * matches would (clustered by the incident window, with their events), its unit finds them in search, the job reports
 * its progress, and a second run changes nothing.
 */
class BackfillTest extends MonitoringIntegrationTest {

    @Test
    void a_backfill_clusters_the_history_into_incidents_like_live_matching_and_is_idempotent() throws Exception {
        String word = uniqueWord();
        List<String> postIds = new ArrayList<>();
        postIds.add(submitted(aPost(url(), "www.thepaper.cn", word + "化工园区传出异味", word + "居民反映化工园区附近传出刺鼻异味。",
                hoursAgo(30), 100)).path("id").asString());
        postIds.add(submitted(aPost(url(), "news.cn", word + "环保部门赶到现场监测", word + "环保部门已到场取样，空气质量监测数据稍后公布。",
                hoursAgo(20), 200)).path("id").asString());
        // ten days earlier: outside the 72 h window, so an incident of its own
        postIds.add(submitted(aPost(url(), "bbs.example.cn", word + "十天前的旧帖", word + "有网友十天前就发帖说过河道颜色异常，当时无人回应。",
                hoursAgo(240), 5)).path("id").asString());
        submitted(aPost(url(), "bbs.example.cn", "无关的帖子", "这条帖子不含主题词。", hoursAgo(10), 1));
        UUID topic = watch(word);
        assertThat(search(word).path("total").asLong()).as("posts that matched no topic are visible to nobody").isZero();

        JsonNode first = runBackfill(topic);

        assertThat(first.path("state").asString()).isEqualTo("DONE");
        assertThat(first.path("total").asLong()).isEqualTo(3);
        assertThat(first.path("processed").asLong()).isEqualTo(3);
        assertThat(first.path("matched").asLong()).isEqualTo(3);
        assertThat(first.path("errors").asLong()).isZero();
        assertThat(first.path("topicId").asString()).isEqualTo(topic.toString());
        JsonNode incidents = getJson("/api/monitoring/incidents?topicId=" + topic);
        assertThat(incidents).hasSize(2);
        List<Long> volumes = incidents.valueStream().map(i -> i.path("metrics").path("volume").asLong()).sorted().toList();
        assertThat(volumes).containsExactly(1L, 2L);
        JsonNode found = search(word);
        assertThat(found.path("total").asLong()).isEqualTo(3);
        assertThat(found.path("hits").valueStream().map(h -> h.path("id").asString()).toList())
                .containsExactlyInAnyOrderElementsOf(postIds);
        JsonNode post = getJson("/api/monitoring/posts/" + postIds.getFirst());
        assertThat(texts(post.path("topicIds"))).containsExactly(topic.toString());
        assertThat(texts(post.path("unitIds"))).containsExactly(UNIT);
        List<String> incidentIds = incidents.valueStream().map(i -> i.path("id").asString()).toList();
        assertThat(events("IncidentDetected", incidentIds)).isEqualTo(2);
        assertThat(events("IncidentMetricsChanged", incidentIds)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from monitoring.audit_event where action = 'CONFIG_CHANGE'"
                + " and target = ? and detail like 'backfill %'", Integer.class, "topic " + topic)).isEqualTo(1);

        JsonNode second = runBackfill(topic);

        assertThat(second.path("state").asString()).isEqualTo("DONE");
        assertThat(second.path("matched").asLong()).isEqualTo(3);
        JsonNode again = getJson("/api/monitoring/incidents?topicId=" + topic);
        assertThat(again.valueStream().map(i -> i.path("id").asString()).toList()).containsExactlyInAnyOrderElementsOf(incidentIds);
        assertThat(again.valueStream().map(i -> i.path("metrics").path("volume").asLong()).sorted().toList()).containsExactly(1L, 2L);
        assertThat(events("IncidentDetected", incidentIds)).isEqualTo(2);
        assertThat(events("IncidentMetricsChanged", incidentIds)).isEqualTo(1);
        assertThat(search(word).path("total").asLong()).isEqualTo(3);
    }

    @Test
    void a_backfill_records_the_figures_recorded_last_not_older_ones_of_the_document_it_read() throws Exception {
        String word = uniqueWord();
        String id = submitted(aPost(url(), "www.thepaper.cn", word + "园区异味", word + "居民反映园区附近有异味。",
                hoursAgo(5), 100)).path("id").asString();
        // a later submission of the post recorded in PostgreSQL whose document is still on its way to Elasticsearch
        // (a bulk stores a chunk after recording it): the search index still holds 100 reads
        jdbc.update("insert into monitoring.post_snapshot (post_id, at, reads, comments, reposts, likes) "
                + "values (?::uuid, now(), 900, 40, 12, 3)", id);
        UUID topic = watch(word);

        assertThat(runBackfill(topic).path("state").asString()).isEqualTo("DONE");

        JsonNode incident = getJson("/api/monitoring/incidents?topicId=" + topic).get(0);
        assertThat(incident.path("metrics").path("reads").asLong()).isEqualTo(900);
        assertThat(incident.path("metrics").path("comments").asLong()).isEqualTo(40);
        assertThat(getJson("/api/monitoring/posts/" + id).path("metrics").path("reads").asLong()).isEqualTo(900);
    }

    @Test
    void a_backfill_of_a_topic_outside_the_callers_scope_or_of_another_topic_is_an_unknown_id() throws Exception {
        UUID topic = watch(uniqueWord());
        UUID other = watch(uniqueWord());
        String job = runBackfill(topic).path("id").asString();
        String stranger = TestTokens.shared().user("stranger").roles(Role.MONITOR).units("elsewhere-" + UUID.randomUUID()).bearer();

        assertThat(mvc.perform(post("/api/monitoring/topics/" + topic + "/backfill").header(HttpHeaders.AUTHORIZATION, stranger))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/monitoring/topics/" + topic + "/backfills/" + job).header(HttpHeaders.AUTHORIZATION, stranger))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/monitoring/topics/" + other + "/backfills/" + job)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(post("/api/monitoring/topics/" + UUID.randomUUID() + "/backfill")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    /** Starts a backfill and follows its progress address until it finishes; returns its last progress. */
    private JsonNode runBackfill(UUID topic) throws Exception {
        MockHttpServletResponse started = mvc.perform(post("/api/monitoring/topics/" + topic + "/backfill")).andReturn().getResponse();
        assertThat(started.getStatus()).as(started.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(202);
        String location = started.getHeader(HttpHeaders.LOCATION);
        assertThat(location).contains("/api/monitoring/topics/" + topic + "/backfills/");
        String path = location.substring(location.indexOf("/api/"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode status = getJson(path);
        while (!status.path("finishedAt").isString() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            status = getJson(path);
        }
        return status;
    }

    private int events(String type, List<String> incidentIds) {
        return jdbc.queryForObject("select count(*) from monitoring.outbox where event_type = ? and aggregate_id = any(?)",
                Integer.class, type, incidentIds.toArray(String[]::new));
    }

    private JsonNode search(String word) throws Exception {
        return body(mvc.perform(get("/api/monitoring/posts/search").param("q", word).param("size", "50")).andReturn());
    }

    private static String url() {
        return "https://backfill.example.cn/" + UUID.randomUUID();
    }

}
