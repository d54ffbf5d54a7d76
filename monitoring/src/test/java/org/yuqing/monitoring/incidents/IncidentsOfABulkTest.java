package org.yuqing.monitoring.incidents;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.yuqing.monitoring.MonitoringIntegrationTest;
import org.yuqing.monitoring.matching.MatchedTopic;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Incidents of the posts of a bulk, recorded a chunk at a time ({@link Incidents#recordAll}): the chunk's posts see each
 * other's incidents, each incident's event comes once per chunk, and concurrent bulks crossing topics never deadlock.
 */
class IncidentsOfABulkTest extends MonitoringIntegrationTest {

    record OutboxRow(String type, JsonNode payload) {
    }

    @Autowired
    Incidents incidents;

    @Test
    void fifty_posts_of_one_topic_in_one_bulk_open_one_incident_announced_once_with_all_fifty() throws Exception {
        String word = uniqueWord();
        UUID topic = watch(word);
        // from the middle outwards, 200 minutes apart: the first and last posts are 80 h from the first one, beyond the
        // 72 h window, so they join only because the posts before them in the chunk widened the incident's span
        Instant middle = hoursAgo(90);
        List<Instant> times = new ArrayList<>(List.of(middle));
        for (int i = 1; times.size() < 50; i++) {
            times.add(middle.plus(Duration.ofMinutes(200L * i)));
            times.add(middle.minus(Duration.ofMinutes(200L * i)));
        }
        times = times.subList(0, 50);
        List<Map<String, Object>> posts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            posts.add(aPost(url(), "s" + i + ".example.cn", "报道" + i + " " + UUID.randomUUID(),
                    unrelatedText(word), times.get(i), 10));
        }

        JsonNode receipt = body(bulk(posts));

        assertThat(receipt.path("accepted").asInt()).isEqualTo(50);
        JsonNode list = getJson("/api/monitoring/incidents?topicId=" + topic);
        assertThat(list.size()).isEqualTo(1);
        String incident = list.get(0).path("id").asString();
        Instant first = Collections.min(times);
        Instant last = Collections.max(times);
        JsonNode view = getJson("/api/monitoring/incidents/" + incident);
        assertThat(view.path("metrics").path("volume").asLong()).isEqualTo(50);
        assertThat(view.path("metrics").path("reads").asLong()).isEqualTo(500);
        assertThat(view.path("metrics").path("distinctSites").asInt()).isEqualTo(50);
        assertThat(Instant.parse(view.path("firstSeenAt").asString())).isEqualTo(first);
        assertThat(Instant.parse(view.path("lastSeenAt").asString())).isEqualTo(last);
        List<OutboxRow> events = outbox(incident);
        assertThat(events).extracting(OutboxRow::type).containsExactly("IncidentDetected");
        JsonNode detected = events.getFirst().payload();
        assertThat(detected.path("topicId").asString()).isEqualTo(topic.toString());
        assertThat(detected.path("unitId").asString()).isEqualTo(UNIT);
        assertThat(detected.path("title").asString()).isEqualTo(posts.getFirst().get("title"));
        assertThat(Instant.parse(detected.path("firstSeenAt").asString())).isEqualTo(first);
        assertThat(detected.path("metrics").path("volume").asLong()).isEqualTo(50);
        for (int line : new int[] {0, 49}) {
            String id = receipt.path("lines").get(line).path("id").asString();
            assertThat(texts(getJson("/api/monitoring/posts/" + id).path("incidentIds"))).containsExactly(incident);
        }
    }

    @Test
    void a_second_bulk_adding_posts_publishes_one_metrics_change_and_sending_it_again_publishes_none() throws Exception {
        String word = uniqueWord();
        UUID topic = watch(word);
        List<Map<String, Object>> opening = posts(word, 20);
        List<Map<String, Object>> adding = posts(word, 10);

        bulk(opening);
        String incident = getJson("/api/monitoring/incidents?topicId=" + topic).get(0).path("id").asString();
        bulk(adding);
        JsonNode again = body(bulk(adding));

        assertThat(again.path("accepted").asInt()).isEqualTo(10);
        assertThat(getJson("/api/monitoring/incidents?topicId=" + topic).size()).isEqualTo(1);
        assertThat(getJson("/api/monitoring/incidents/" + incident).path("metrics").path("volume").asLong()).isEqualTo(30);
        List<OutboxRow> events = outbox(incident);
        assertThat(events).extracting(OutboxRow::type).containsExactly("IncidentDetected", "IncidentMetricsChanged");
        assertThat(events.get(0).payload().path("metrics").path("volume").asLong()).isEqualTo(20);
        assertThat(events.get(1).payload().path("metrics").path("volume").asLong()).isEqualTo(30);
        assertThat(events.get(1).payload().path("unitId").asString()).isEqualTo(UNIT);
    }

    @Test
    void posts_sent_again_at_other_times_move_the_incidents_first_and_last_seen_both_ways() throws Exception {
        String word = uniqueWord();
        UUID topic = watch(word);
        List<Map<String, Object>> posts = new ArrayList<>();
        for (int hours : new int[] {30, 20, 10}) {
            posts.add(aPost(url(), "x.example.cn", "报道" + UUID.randomUUID(), unrelatedText(word), hoursAgo(hours), 1));
        }
        bulk(posts);
        String incident = getJson("/api/monitoring/incidents?topicId=" + topic).get(0).path("id").asString();
        Instant second = Instant.parse((String) posts.get(1).get("publishedAt"));

        // the oldest post was misdated: it came out after the second; and the newest before it
        posts.get(0).put("publishedAt", second.plus(Duration.ofHours(5)).toString());
        posts.get(2).put("publishedAt", second.plus(Duration.ofHours(1)).toString());
        bulk(List.of(posts.get(0), posts.get(2)));

        JsonNode view = getJson("/api/monitoring/incidents/" + incident);
        assertThat(view.path("metrics").path("volume").asLong()).isEqualTo(3);
        assertThat(Instant.parse(view.path("firstSeenAt").asString())).isEqualTo(second);
        assertThat(Instant.parse(view.path("lastSeenAt").asString())).isEqualTo(second.plus(Duration.ofHours(5)));
    }

    @Test
    void a_near_duplicate_later_in_the_same_bulk_joins_the_incident_its_original_opened_earlier_in_it() throws Exception {
        String region = uniqueWord();
        UUID topic = watch(region);
        Map<String, Object> original = aPost(url(), "news.example.cn", region + "化工厂氯气泄漏", report(), hoursAgo(240), 100);
        // ten days later, beyond the window: only the fingerprint of the original, recorded just before, can join them
        Map<String, Object> repost = aPost(url(), "bbs.example.cn", "转：" + region + "突发！",
                report().replace("三个小区", "3个小区"), hoursAgo(1), 10);

        bulk(List.of(original, repost));

        JsonNode list = getJson("/api/monitoring/incidents?topicId=" + topic);
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).path("duplicates").asInt()).isEqualTo(1);
        assertThat(list.get(0).path("metrics").path("volume").asLong()).isEqualTo(2);
        assertThat(list.get(0).path("metrics").path("maxSitesPerStatement").asInt()).isEqualTo(2);
    }

    @Test
    void two_bulks_crossing_the_same_topics_at_once_both_succeed_and_every_post_is_counted() throws Exception {
        String wordA = uniqueWord();
        String wordB = uniqueWord();
        UUID topicA = watch(wordA);
        UUID topicB = watch(wordB);
        int rounds = 8;
        int each = 5;
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // thread 1 sends posts of A then of B, thread 2 of B then of A, round after round, starting together
            Future<List<Integer>> first = threads.submit(() -> crossing(together, rounds, wordA, wordB, each));
            Future<List<Integer>> second = threads.submit(() -> crossing(together, rounds, wordB, wordA, each));

            assertThat(first.get(5, TimeUnit.MINUTES)).hasSize(rounds).containsOnly(200);
            assertThat(second.get(5, TimeUnit.MINUTES)).hasSize(rounds).containsOnly(200);
        } finally {
            threads.shutdownNow();
        }

        for (UUID topic : List.of(topicA, topicB)) {
            JsonNode list = getJson("/api/monitoring/incidents?topicId=" + topic);
            assertThat(list.size()).as("incidents of topic %s", topic).isEqualTo(1);
            assertThat(list.get(0).path("metrics").path("volume").asLong()).isEqualTo(2L * rounds * each);
            // one event per bulk: the first opened the incident, each of the others added to it
            List<String> types = outbox(list.get(0).path("id").asString()).stream().map(OutboxRow::type).toList();
            assertThat(types).hasSize(2 * rounds);
            assertThat(types.getFirst()).isEqualTo("IncidentDetected");
            assertThat(types.subList(1, types.size())).containsOnly("IncidentMetricsChanged");
        }
    }

    @Test
    void record_all_wants_one_list_of_matches_per_post() {
        PostFacts post = new PostFacts(UUID.randomUUID(), "x.example.cn", "t", "正文", Instant.now(), 0, 0, 0, 0);

        assertThatThrownBy(() -> incidents.recordAll(List.of(post), List.<List<MatchedTopic>>of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(incidents.recordAll(List.of(), List.of())).isEmpty();
    }

    /** Sends {@code rounds} bulks of posts of {@code firstWord} then of {@code secondWord}; returns their statuses. */
    private List<Integer> crossing(CyclicBarrier together, int rounds, String firstWord, String secondWord, int each)
            throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<Map<String, Object>> posts = new ArrayList<>(posts(firstWord, each));
            posts.addAll(posts(secondWord, each));
            together.await(1, TimeUnit.MINUTES);
            MvcResult r = mvc.perform(post("/api/monitoring/posts/bulk").contentType("application/x-ndjson")
                    .content(ndjson(posts).getBytes(StandardCharsets.UTF_8))).andReturn();
            statuses.add(r.getResponse().getStatus());
            if (r.getResponse().getStatus() == 200) {
                assertThat(body(r).path("accepted").asInt()).isEqualTo(2 * each);
            }
        }
        return statuses;
    }

    /** {@code n} posts containing the word, of distinct sites and texts, published within the last ten hours. */
    private static List<Map<String, Object>> posts(String word, int n) {
        List<Map<String, Object>> posts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            posts.add(aPost(url(), "s" + i + ".example.cn", "报道" + UUID.randomUUID(), unrelatedText(word),
                    hoursAgo(1 + i % 10), 1));
        }
        return posts;
    }

    /** A text of the word and random characters, so that no two such texts are near-duplicates. */
    private static String unrelatedText(String word) {
        StringBuilder text = new StringBuilder(word).append("：");
        Random random = new Random();
        for (int i = 0; i < 60; i++) {
            text.append((char) ('\u4e00' + random.nextInt(0x5000)));
        }
        return text.toString();
    }

    /** A report long enough for a stable fingerprint (the text of {@link NearDuplicateTest}). */
    private static String report() {
        return "东区化工厂发生氯气泄漏，周边三个小区的居民被紧急疏散。区应急管理局表示，泄漏已于中午前得到控制，"
                + "事故原因正在调查，暂无人员伤亡报告。环保部门在厂区周边设立了四个空气监测点，目前各项指标均已恢复正常。"
                + "据了解，该化工厂主要生产氯碱类产品，建厂已有二十余年，去年曾因安全隐患被责令停产整改三个月。"
                + "附近居民反映，事发时闻到明显刺激性气味，部分老人和儿童出现咳嗽、流泪等症状，已被送往区人民医院检查。";
    }

    /** Sends the posts as one bulk, answering once they are searchable; expects 200. */
    private MvcResult bulk(List<Map<String, Object>> posts) throws Exception {
        MvcResult r = mvc.perform(post("/api/monitoring/posts/bulk?refresh=wait_for").contentType("application/x-ndjson")
                .content(ndjson(posts).getBytes(StandardCharsets.UTF_8))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        return r;
    }

    private String ndjson(List<Map<String, Object>> posts) {
        StringBuilder body = new StringBuilder();
        posts.forEach(p -> body.append(json.writeValueAsString(p)).append('\n'));
        return body.toString();
    }

    private static String url() {
        return "https://chunk.example.cn/p/" + UUID.randomUUID();
    }

    private List<OutboxRow> outbox(String incidentId) {
        return jdbc.query("select event_type, payload::text from monitoring.outbox where aggregate_id = ? order by position",
                (rs, i) -> new OutboxRow(rs.getString(1), json.readTree(rs.getString(2))), incidentId);
    }
}
