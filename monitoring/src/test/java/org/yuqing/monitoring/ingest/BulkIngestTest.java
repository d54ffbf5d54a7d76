package org.yuqing.monitoring.ingest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.yuqing.monitoring.MonitoringIntegrationTest;
import org.yuqing.monitoring.search.PostIndex;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

class BulkIngestTest extends MonitoringIntegrationTest {

    @Autowired
    PostIndex index;
    @Autowired
    ElasticsearchClient client;
    @Autowired
    IndexQueue queue;
    @Autowired
    PostIngest ingest;
    @Autowired
    PostIndexer indexer;

    private static final System.Logger LOG = System.getLogger(BulkIngestTest.class.getName());

    @Test
    void a_bulk_takes_in_the_good_lines_and_names_the_lines_it_rejected() throws Exception {
        String region = uniqueWord();
        UUID topic = topic(List.of(region), List.of("化工厂"), List.of("泄漏"), List.of());
        List<String> urls = List.of(url(), url(), url());
        String other = uniqueWord();
        String another = uniqueWord();
        watch(other);
        watch(another);
        Map<String, Object> missingText = aPost(url(), "x.example.cn", "t", "x", hoursAgo(1), 1);
        missingText.remove("text");
        String body = String.join("\n",
                line(aPost(urls.get(0), "a.example.cn", region + "化工厂泄漏", region + "化工厂发生泄漏", hoursAgo(2), 10)),
                line(aPost(urls.get(1), "b.example.cn", "别的", "无关的正文" + other, hoursAgo(2), 20)),
                "{\"url\": \"https://x.example.cn/broken\", \"text\": ",
                "",
                line(missingText),
                line(aPost(urls.get(2), "c.example.cn", "其他", "另一条正文" + another, hoursAgo(3), 30))) + "\n";

        MvcResult r = bulk(body);

        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        JsonNode receipt = body(r);
        assertThat(receipt.path("accepted").asInt()).isEqualTo(3);
        assertThat(receipt.path("rejected").asInt()).isEqualTo(2);
        JsonNode lines = receipt.path("lines");
        assertThat(lines.valueStream().map(l -> l.path("line").asInt()).toList()).containsExactly(1, 2, 3, 5, 6);
        assertThat(lines.get(2).path("error").asString()).isEqualTo("the line is not well-formed JSON");
        assertThat(lines.get(2).has("id")).isFalse();
        assertThat(lines.get(3).path("error").asString()).contains("text: is required");
        for (int i : new int[] {0, 1, 4}) {
            assertThat(lines.get(i).has("error")).isFalse();
            String id = lines.get(i).path("id").asString();
            assertThat(getJson("/api/monitoring/posts/" + id).path("url").asString()).isIn(urls);
        }
        assertThat(lines.get(0).path("id").asString())
                .isEqualTo(UUID.nameUUIDFromBytes(urls.get(0).getBytes(StandardCharsets.UTF_8)).toString());
        JsonNode incidents = getJson("/api/monitoring/incidents?topicId=" + topic);
        assertThat(incidents.size()).isEqualTo(1);
    }

    @Test
    void a_post_sent_twice_in_one_bulk_is_stored_as_its_last_line_has_it_with_both_snapshots() throws Exception {
        String url = url();
        String word = uniqueWord();
        watch(word);
        Map<String, Object> post = aPost(url, "x.example.cn", "t", "正文" + word, hoursAgo(1), 5);
        String first = line(post);
        post.put("metrics", Map.of("reads", 7));

        JsonNode lines = body(bulk(first + "\n" + line(post) + "\n")).path("lines");

        String id = lines.get(0).path("id").asString();
        assertThat(lines.get(1).path("id").asString()).isEqualTo(id);
        assertThat(getJson("/api/monitoring/posts/" + id).path("metrics").path("reads").asLong()).isEqualTo(7);
        assertThat(getJson("/api/monitoring/posts/" + id + "/snapshots").valueStream()
                .map(n -> n.path("reads").asLong()).toList()).containsExactly(5L, 7L);
    }

    @Test
    void a_value_of_the_wrong_type_is_rejected_naming_the_field() throws Exception {
        Map<String, Object> post = aPost(url(), "x.example.cn", "t", "text", hoursAgo(1), 1);
        post.put("publishedAt", "yesterday");

        JsonNode lines = body(bulk(line(post) + "\n[1, 2]\nnull\n")).path("lines");

        assertThat(lines.get(0).path("error").asString()).contains("'publishedAt'");
        assertThat(lines.get(1).path("error").asString()).isEqualTo("a line must be a JSON object of a post");
        assertThat(lines.get(2).path("error").asString()).isEqualTo("a line must be a JSON object of a post");
    }

    @Test
    void a_line_not_in_utf8_is_rejected_as_such_and_lines_ended_by_crlf_are_taken() throws Exception {
        String word = uniqueWord();
        watch(word);
        String gbkUrl = url();
        String goodUrl = url();
        byte[] gbk = line(aPost(gbkUrl, "x.example.cn", "标题", "正文" + word, hoursAgo(1), 1)).getBytes("GBK");
        byte[] good = line(aPost(goodUrl, "x.example.cn", "标题", "正文" + word, hoursAgo(1), 2)).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(gbk);
        body.write("\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        body.write(good);
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));

        MvcResult r = mvc.perform(post("/api/monitoring/posts/bulk?refresh=wait_for").contentType("application/x-ndjson")
                .content(body.toByteArray())).andReturn();

        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        JsonNode lines = body(r).path("lines");
        assertThat(lines.size()).isEqualTo(2);
        assertThat(lines.get(0).path("line").asInt()).isEqualTo(1);
        assertThat(lines.get(0).path("error").asString()).isEqualTo("the line is not UTF-8 text; send the body in UTF-8");
        assertThat(lines.get(1).path("line").asInt()).isEqualTo(3);
        assertThat(getJson("/api/monitoring/posts/" + lines.get(1).path("id").asString()).path("text").asString())
                .isEqualTo("正文" + word);
        assertThat(index.find(UUID.nameUUIDFromBytes(gbkUrl.getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void a_body_larger_than_allowed_is_a_413_problem_and_takes_in_nothing() {
        String url = url();
        BulkIngest small = new BulkIngest(ingest, indexer, json, 10, DataSize.ofBytes(600));
        String first = line(aPost(url, "x.example.cn", "t", "text", hoursAgo(1), 1));
        String body = first + "\n" + "{\"text\": \"" + "长".repeat(300) + "\"}\n";

        ThrowingCallable submit = () -> small.submit(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(first.length()).isLessThan(600);
        assertThatThrownBy(submit).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(413);
            assertThat(e.getBody().getType()).isEqualTo(BulkIngest.BODY_TOO_LARGE);
            assertThat(e.getBody().getProperties()).containsEntry("maxBytes", 600);
        });
        small.close();
        assertThat(index.find(UUID.nameUUIDFromBytes(url.getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void an_empty_bulk_is_a_400_problem() throws Exception {
        MvcResult r = bulk("\n  \n");

        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(MediaType.parseMediaType(r.getResponse().getContentType())).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(r).path("errors").get(0).path("field").asString()).isEqualTo("body");
    }

    @Test
    void a_bulk_of_more_lines_than_allowed_is_a_413_problem_and_takes_in_nothing() throws Exception {
        StringBuilder body = new StringBuilder();
        String firstUrl = url();
        body.append(line(aPost(firstUrl, "x.example.cn", "t", "text", hoursAgo(1), 1))).append('\n');
        for (int i = 1; i <= 10_000; i++) {
            body.append("{}\n");
        }

        MvcResult r = bulk(body.toString());

        assertThat(r.getResponse().getStatus()).isEqualTo(413);
        assertThat(MediaType.parseMediaType(r.getResponse().getContentType())).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(r).path("maxLines").asInt()).isEqualTo(10_000);
        UUID first = UUID.nameUUIDFromBytes(firstUrl.getBytes(StandardCharsets.UTF_8));
        assertThat(index.find(first)).isEmpty();
    }

    @Test
    void exactly_the_allowed_number_of_lines_is_taken() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            body.append("{}\n");
        }

        JsonNode receipt = body(bulk(body.toString()));

        assertThat(receipt.path("rejected").asInt()).isEqualTo(10_000);
    }

    @Test
    void a_bulk_of_five_thousand_small_posts_is_taken_in_and_its_throughput_reported() throws Exception {
        String word = uniqueWord();
        StringBuilder body = new StringBuilder();
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            String url = url();
            urls.add(url);
            body.append(line(aPost(url, "bulk.example.cn", "短帖" + i, word + " 第" + i + "条短帖正文", hoursAgo(1 + i % 48), i)))
                    .append('\n');
        }

        long started = System.nanoTime();
        JsonNode receipt = body(bulkWithoutWaiting(body.toString()));
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(receipt.path("accepted").asInt()).isEqualTo(5_000);
        assertThat(receipt.path("searchable").asBoolean()).isTrue();
        LOG.log(System.Logger.Level.INFO, String.format("bulk ingest: 5000 posts in %.2f s = %.0f posts/s", seconds, 5_000 / seconds));
        // they match no topic (5,000 incident updates would measure clustering, not ingest), so they are visible
        // to no user: count them in the post store itself, after the refresh the bulk did not wait for
        client.indices().refresh(r -> r.index(index.alias()));
        long found = client.count(c -> c.index(index.alias())
                .query(q -> q.matchPhrase(p -> p.field("text").query(word)))).count();
        assertThat(found).isEqualTo(5_000);
    }

    @Test
    void a_bulk_answers_once_elasticsearch_has_the_posts_and_they_are_searchable_after_its_next_refresh() throws Exception {
        String word = uniqueWord();
        watch(word);
        String url = url();

        JsonNode receipt = body(bulkWithoutWaiting(line(aPost(url, "x.example.cn", "t", "正文" + word, hoursAgo(1), 3)) + "\n"));

        assertThat(receipt.path("accepted").asInt()).isEqualTo(1);
        assertThat(receipt.path("searchable").asBoolean()).isTrue();
        String id = receipt.path("lines").get(0).path("id").asString();
        assertThat(queue.find(UUID.fromString(id))).as("nothing stays queued").isEmpty();
        client.indices().refresh(r -> r.index(index.alias()));
        assertThat(getJson("/api/monitoring/posts/" + id).path("url").asString()).isEqualTo(url);
    }

    @Test
    void a_post_whose_month_changes_between_two_quick_bulks_is_left_only_in_its_new_month() throws Exception {
        String url = url();
        UUID id = UUID.nameUUIDFromBytes(url.getBytes(StandardCharsets.UTF_8));
        Instant march = Instant.parse("2026-03-15T08:00:00Z");
        Instant april = Instant.parse("2026-04-15T08:00:00Z");

        // the second bulk follows at once: the March copy is not refreshed yet when the April one is written
        bulkWithoutWaiting(line(aPost(url, "x.example.cn", "t", "正文", march, 1)) + "\n");
        bulkWithoutWaiting(line(aPost(url, "x.example.cn", "t", "正文", april, 2)) + "\n");

        client.indices().refresh(r -> r.index(index.alias()));
        List<String> stored = client.search(s -> s.index(index.alias()).query(q -> q.ids(i -> i.values(id.toString()))),
                Void.class).hits().hits().stream().map(h -> h.index()).toList();
        assertThat(stored).containsExactly(index.indexFor(april));
    }

    @Test
    void a_post_sent_again_in_the_same_month_is_updated_in_place() throws Exception {
        String url = url();
        UUID id = UUID.nameUUIDFromBytes(url.getBytes(StandardCharsets.UTF_8));
        Instant published = Instant.parse("2026-05-10T08:00:00Z");

        bulkWithoutWaiting(line(aPost(url, "x.example.cn", "t", "正文", published, 1)) + "\n");
        bulkWithoutWaiting(line(aPost(url, "x.example.cn", "t", "正文", published.plusSeconds(60), 9)) + "\n");

        client.indices().refresh(r -> r.index(index.alias()));
        var hits = client.search(s -> s.index(index.alias()).query(q -> q.ids(i -> i.values(id.toString()))),
                Map.class).hits().hits();
        assertThat(hits).hasSize(1);
        assertThat(hits.getFirst().index()).isEqualTo(index.indexFor(published));
        assertThat(((Map<?, ?>) hits.getFirst().source().get("metrics")).get("reads")).isEqualTo(9);
    }

    @Test
    void posts_of_one_bulk_known_by_source_and_external_id_keep_the_id_of_their_first_submission() throws Exception {
        String source = "src-" + UUID.randomUUID();
        // posts matching no topic, so that one transaction records the three (and no unit may read them: the
        // snapshots are read from the service itself)
        Map<String, Object> first = aPost(url(), "x.example.cn", "t", "正文", hoursAgo(1), 1);
        first.put("sourceId", source);
        first.put("externalId", "7");
        Map<String, Object> moved = aPost(url(), "x.example.cn", "t", "正文", hoursAgo(1), 2);
        moved.put("sourceId", source);
        moved.put("externalId", "7");
        Map<String, Object> other = aPost(url(), "x.example.cn", "t", "正文", hoursAgo(1), 3);
        other.put("sourceId", source);
        other.put("externalId", "8");

        JsonNode lines = body(bulk(line(first) + "\n" + line(moved) + "\n" + line(other) + "\n")).path("lines");
        JsonNode again = body(bulk(line(moved) + "\n")).path("lines");

        String id = UUID.nameUUIDFromBytes(((String) first.get("url")).getBytes(StandardCharsets.UTF_8)).toString();
        assertThat(lines.get(0).path("id").asString()).isEqualTo(id);
        assertThat(lines.get(1).path("id").asString()).isEqualTo(id);
        assertThat(again.get(0).path("id").asString()).isEqualTo(id);
        assertThat(lines.get(2).path("id").asString()).isEqualTo(
                UUID.nameUUIDFromBytes(((String) other.get("url")).getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(ingest.snapshots(UUID.fromString(id)).stream().map(MetricSnapshot::reads).toList())
                .containsExactly(1L, 2L);
    }

    @Test
    void a_post_that_matched_a_topic_once_stays_in_its_incident_and_unit_when_sent_again_matching_nothing() throws Exception {
        String word = uniqueWord();
        watch(word);
        String url = url();
        String id = body(bulk(line(aPost(url, "x.example.cn", "t", "正文" + word, hoursAgo(1), 1)) + "\n"))
                .path("lines").get(0).path("id").asString();
        JsonNode incidents = getJson("/api/monitoring/posts/" + id).path("incidentIds");
        assertThat(incidents).hasSize(1);

        bulk(line(aPost(url, "x.example.cn", "t", "已经不含那个词的正文", hoursAgo(1), 2)) + "\n");

        JsonNode stored = getJson("/api/monitoring/posts/" + id);
        assertThat(stored.path("metrics").path("reads").asLong()).isEqualTo(2);
        assertThat(stored.path("incidentIds")).isEqualTo(incidents);
    }

    @Test
    void an_unknown_refresh_choice_is_a_400_problem() throws Exception {
        MvcResult r = mvc.perform(post("/api/monitoring/posts/bulk?refresh=true").contentType("application/x-ndjson")
                .content(line(aPost(url(), "x.example.cn", "t", "text", hoursAgo(1), 1)).getBytes(StandardCharsets.UTF_8)))
                .andReturn();

        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(r).path("errors").get(0).path("field").asString()).isEqualTo("refresh");
    }

    /** A bulk that answers once its posts are searchable, for the tests that read them at once. */
    private MvcResult bulk(String body) throws Exception {
        return mvc.perform(post("/api/monitoring/posts/bulk?refresh=wait_for").contentType("application/x-ndjson")
                .content(body.getBytes(StandardCharsets.UTF_8))).andReturn();
    }

    private MvcResult bulkWithoutWaiting(String body) throws Exception {
        return mvc.perform(post("/api/monitoring/posts/bulk").contentType("application/x-ndjson")
                .content(body.getBytes(StandardCharsets.UTF_8))).andReturn();
    }

    private String line(Map<String, Object> post) {
        return json.writeValueAsString(post);
    }

    private static String url() {
        return "https://bulk.example.cn/p/" + UUID.randomUUID();
    }
}
