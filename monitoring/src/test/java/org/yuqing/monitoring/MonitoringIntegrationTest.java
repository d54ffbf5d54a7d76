package org.yuqing.monitoring;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yuqing.platform.stack.ElasticsearchNode;
import org.yuqing.platform.stack.StackTestProperties;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Base of the tests that run the whole service against the shared local stack (real PostgreSQL
 * and Elasticsearch). Every subclass shares one application context; the tests share the database
 * and the index alias, so each owns its data: topics with words no other test uses, unique URLs.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(DefaultTestToken.class)
public abstract class MonitoringIntegrationTest {

    /** The unit the tests' default user belongs to and their topics and sources are created for. */
    protected static final String UNIT = DefaultTestToken.UNIT;

    /** Index prefix of this test JVM, so parallel builds and the running service never meet. */
    protected static final String INDEX_PREFIX = "mt" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry r) {
        StackTestProperties.postgres(r);
        TestTokens.shared().register(r);
        r.add("yuqing.elasticsearch.uri", () -> ElasticsearchNode.shared().httpUri().toString());
        r.add("yuqing.monitoring.index-prefix", () -> INDEX_PREFIX);
        // Feed tests poll explicitly; a background poll would race them.
        r.add("yuqing.monitoring.sources.polling-enabled", () -> "false");
    }

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected JdbcTemplate jdbc;

    /** A word no other test uses, so topics built on it match only this test's posts. */
    protected static String uniqueWord() {
        return "区" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    protected static Instant hoursAgo(long hours) {
        return Instant.now().minus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Creates a topic of unit {@code district}; returns its id. */
    protected UUID topic(List<String> region, List<String> subject, List<String> event, List<String> exclude) throws Exception {
        Map<String, Object> body = Map.of("name", "化工厂事故 " + UUID.randomUUID(), "unitId", UNIT,
                "regionWords", region, "subjectWords", subject, "eventWords", event, "excludeWords", exclude);
        MvcResult r = mvc.perform(post("/api/monitoring/topics").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn();
        if (r.getResponse().getStatus() != 201) {
            throw new AssertionError("topic not created: " + r.getResponse().getContentAsString());
        }
        return UUID.fromString(body(r).path("id").asString());
    }

    /**
     * Creates a topic of unit {@code district} on the word alone, so the posts containing it belong to that unit
     * and its users find and read them (a post that matched no topic is visible to nobody).
     */
    protected UUID watch(String word) throws Exception {
        return topic(List.of(word), List.of(), List.of(), List.of());
    }

    /** A post body; change fields with {@link Map#put}. */
    protected static Map<String, Object> aPost(String url, String site, String title, String text, Instant publishedAt,
                                              long reads) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("site", site);
        body.put("mediaType", "NEWS");
        body.put("author", "记者");
        body.put("title", title);
        body.put("text", text);
        body.put("publishedAt", publishedAt.toString());
        body.put("metrics", Map.of("reads", reads, "comments", 2, "reposts", 3, "likes", 4));
        return body;
    }

    protected MvcResult submit(Map<String, Object> post) throws Exception {
        return mvc.perform(post("/api/monitoring/posts").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(post))).andReturn();
    }

    /** Submits a post expecting 201; returns the receipt. */
    protected JsonNode submitted(Map<String, Object> post) throws Exception {
        MvcResult r = submit(post);
        if (r.getResponse().getStatus() != 201) {
            throw new AssertionError("post not accepted: " + r.getResponse().getStatus() + " " + r.getResponse().getContentAsString());
        }
        return body(r);
    }

    protected JsonNode getJson(String path) throws Exception {
        return body(mvc.perform(get(path)).andReturn());
    }

    protected JsonNode body(MvcResult r) throws Exception {
        return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    protected static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
