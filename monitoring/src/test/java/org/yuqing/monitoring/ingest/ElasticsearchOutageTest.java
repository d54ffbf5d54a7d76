package org.yuqing.monitoring.ingest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yuqing.platform.stack.ElasticsearchNode;
import org.yuqing.platform.stack.StackDirectories;
import org.yuqing.platform.stack.StackTestProperties;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Elasticsearch stopped during ingest (可靠入库): the service runs against an Elasticsearch node of this test's own,
 * which the test stops and starts again. While it is down, single and bulk ingest still accept posts (202 / searchable
 * false) — never 200 and lost — and search refuses with 503 and Retry-After; once the node is back the scheduled
 * indexer stores every accepted post, each exactly once and in its latest state.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ElasticsearchOutageTest {

    private static final String UNIT = "outage-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String PREFIX = "outage" + UUID.randomUUID().toString().substring(0, 8);
    private static ElasticsearchNode.Settings settings;
    private static ElasticsearchNode node;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry r) {
        StackTestProperties.postgres(r);
        TestTokens.shared().register(r);
        r.add("yuqing.elasticsearch.uri", () -> startedNode().httpUri().toString());
        r.add("yuqing.monitoring.index-prefix", () -> PREFIX);
        r.add("yuqing.monitoring.sources.polling-enabled", () -> "false");
        r.add("yuqing.monitoring.indexer.every", () -> "PT1S");
    }

    /** This test's own node, on a fixed port so the service finds it again after the restart. */
    private static synchronized ElasticsearchNode startedNode() {
        if (node == null) {
            try {
                Path dir = Files.createTempDirectory(StackDirectories.scratchRoot(), "monitoring-outage-");
                int port;
                try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    port = free.getLocalPort();
                }
                settings = ElasticsearchNode.Settings.of(StackDirectories.scratchRoot().resolve("dist"), dir)
                        .withPorts(port, 0).withHeap("512m");
                node = ElasticsearchNode.start(settings);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return node;
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
            StackDirectories.deleteRecursively(settings.nodeDirectory());
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PostIndexer indexer;

    @Test
    void posts_accepted_while_elasticsearch_is_stopped_are_all_searchable_once_after_it_is_back() throws Exception {
        String word = "断" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        JsonNode topic = body(call(post("/api/monitoring/topics").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("name", "停机测试 " + word, "unitId", UNIT,
                        "regionWords", List.of(word))))), 201);
        String topicId = topic.path("id").asString();
        Set<String> expected = new HashSet<>();
        JsonNode before = body(call(submit(aPost(word, "before", 10))), 201);
        assertThat(before.path("searchable").asBoolean()).isTrue();
        expected.add(before.path("id").asString());

        node.close();

        MockHttpServletResponse single = call(submit(aPost(word, "single", 20)));
        JsonNode singleReceipt = body(single, 202);
        assertThat(singleReceipt.path("searchable").asBoolean()).isFalse();
        assertThat(texts(singleReceipt.path("matchedTopicIds"))).containsExactly(topicId);
        assertThat(single.getHeader(HttpHeaders.LOCATION)).endsWith("/api/monitoring/posts/" + singleReceipt.path("id").asString());
        expected.add(singleReceipt.path("id").asString());

        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            ndjson.append(json.writeValueAsString(aPost(word, "bulk-" + i, 30 + i))).append('\n');
        }
        // the single post again with higher figures: stored once, in its latest state
        ndjson.append(json.writeValueAsString(aPost(word, "single", 999))).append('\n');
        JsonNode bulk = body(call(post("/api/monitoring/posts/bulk")
                .contentType(MediaType.parseMediaType("application/x-ndjson")).content(ndjson.toString())), 200);
        assertThat(bulk.path("accepted").asInt()).isEqualTo(6);
        assertThat(bulk.path("rejected").asInt()).isZero();
        assertThat(bulk.path("searchable").asBoolean()).isFalse();
        bulk.path("lines").forEach(line -> expected.add(line.path("id").asString()));
        assertThat(expected).hasSize(7);
        assertThat(queued(expected)).as("accepted posts wait durably in PostgreSQL").isEqualTo(6);

        MockHttpServletResponse refused = call(get("/api/monitoring/posts/search").param("q", word));
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
        assertThat(refused.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);

        node = ElasticsearchNode.start(settings);

        // nobody calls the indexer: its schedule stores the queue once Elasticsearch answers again
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (queued(expected) > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        assertThat(queued(expected)).as("posts still queued after the restart").isZero();

        JsonNode found = body(call(get("/api/monitoring/posts/search").param("q", word).param("size", "100")), 200);
        List<String> ids = new ArrayList<>();
        found.path("hits").forEach(h -> ids.add(h.path("id").asString()));
        assertThat(found.path("total").asLong()).isEqualTo(7);
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        JsonNode latest = body(call(get("/api/monitoring/posts/" + singleReceipt.path("id").asString())), 200);
        assertThat(latest.path("metrics").path("reads").asLong()).isEqualTo(999);
        // the incident counted every post once
        JsonNode incident = body(call(get("/api/monitoring/incidents/" + singleReceipt.path("incidentIds").get(0).asString())), 200);
        assertThat(incident.path("metrics").path("volume").asLong()).isEqualTo(7);
    }

    private int queued(Set<String> ids) {
        return jdbc.queryForObject("select count(*) from monitoring.post_index_queue where post_id::text = any(?)",
                Integer.class, (Object) ids.toArray(String[]::new));
    }

    private static Map<String, Object> aPost(String word, String name, long reads) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", "https://outage.example.cn/" + word + "/" + name);
        body.put("site", "outage.example.cn");
        body.put("mediaType", "NEWS");
        body.put("title", word + " 化工厂停机期间报道 " + name);
        body.put("text", word + " 化工厂附近发生泄漏，记者报道 " + name);
        body.put("publishedAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("metrics", Map.of("reads", reads, "comments", 1, "reposts", 1, "likes", 1));
        return body;
    }

    private MockHttpServletRequestBuilder submit(Map<String, Object> post) {
        return post("/api/monitoring/posts").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(post));
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION,
                TestTokens.shared().user("outage-tester").units(UNIT).bearer())).andReturn().getResponse();
    }

    private JsonNode body(MockHttpServletResponse response, int status) throws Exception {
        String content = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(content).isEqualTo(status);
        return json.readTree(content);
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
