package org.yuqing.monitoring.access;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yuqing.monitoring.MonitoringIntegrationTest;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * 属地管理, endpoint by endpoint: users of two sibling units, each holding every role so that only the unit scope
 * can refuse, and a user of their parent unit. East's objects are unknown ids to west (404), creating for east is
 * forbidden to west (403), west's lists and searches never hold east's objects, and the parent sees both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitIsolationTest extends MonitoringIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String east = "east-" + suffix;
    private final String west = "west-" + suffix;
    private final String parent = "parent-" + suffix;

    /** East's and west's objects: topic, source, post, incident, a file import and a re-index (of an empty month). */
    private record Objects(UUID topic, UUID source, UUID post, UUID incident, UUID upload, UUID reindex, String word) {
        List<String> ids() {
            return List.of(topic.toString(), source.toString(), post.toString(), incident.toString(), upload.toString(),
                    reindex.toString());
        }
    }

    private Objects eastOwn;
    private Objects westOwn;

    @BeforeAll
    void eachUnitCreatesItsObjects() throws Exception {
        eastOwn = create(east);
        westOwn = create(west);
    }

    private Objects create(String unit) throws Exception {
        String word = uniqueWord();
        UUID topic = id(call(HttpMethod.POST, "/api/monitoring/topics", user(unit), topicDraft(unit, word)), 201);
        UUID source = id(call(HttpMethod.POST, "/api/monitoring/sources", user(unit), sourceDraft(unit)), 201);
        JsonNode receipt = body(call(HttpMethod.POST, "/api/monitoring/posts", user(unit), post(word + "化工厂泄漏")), 201);
        assertThat(texts(receipt.path("matchedTopicIds"))).containsExactly(topic.toString());
        UUID upload = UUID.fromString(body(importFile(user(unit), post(word + "化工厂导入泄漏")), 202).path("id").asString());
        UUID reindex = id(call(HttpMethod.POST, "/api/monitoring/admin/reindex", user(unit),
                "{\"from\":\"2001-01\",\"to\":\"2001-01\"}"), 202);
        return new Objects(topic, source, UUID.fromString(receipt.path("id").asString()),
                UUID.fromString(receipt.path("incidentIds").get(0).asString()), upload, reindex, word);
    }

    @Test
    void every_endpoint_naming_an_object_of_east_answers_west_like_an_unknown_id_and_leaves_it_unchanged() throws Exception {
        List<String> leaks = new ArrayList<>();
        int tried = 0;
        for (Endpoint endpoint : Endpoint.all(mapping)) {
            if (!endpoint.hasVariable()) {
                continue;
            }
            UUID eastId = eastIdFor(endpoint);
            String body = endpoint.method() == HttpMethod.PUT ? draftFor(endpoint, west) : null;
            MockHttpServletResponse answer = call(endpoint.method(), endpoint.path(eastId), user(west), body);
            tried++;
            if (answer.getStatus() != 404) {
                leaks.add(endpoint + " answered " + answer.getStatus());
            } else if (answer.getContentAsString(StandardCharsets.UTF_8).contains(east)) {
                leaks.add(endpoint + " named east's unit");
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(tried).isGreaterThanOrEqualTo(10);
        // the refused writes changed nothing: east still has its topic and source as they were
        assertThat(body(call(HttpMethod.GET, "/api/monitoring/topics/" + eastOwn.topic(), user(east), null), 200)
                .path("unitId").asString()).isEqualTo(east);
        assertThat(body(call(HttpMethod.GET, "/api/monitoring/sources/" + eastOwn.source(), user(east), null), 200)
                .path("unitId").asString()).isEqualTo(east);
        // and every refusal is in the audit
        assertThat(jdbc.queryForObject("select count(*) from monitoring.audit_event where actor = ? and action = 'DENIED'",
                Integer.class, login(west))).isGreaterThanOrEqualTo(tried);
    }

    @Test
    void every_endpoint_without_an_object_in_its_path_keeps_east_out_of_wests_answers() throws Exception {
        List<String> unclassified = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.all(mapping)) {
            if (endpoint.hasVariable()) {
                continue;
            }
            switch (endpoint.toString()) {
                case "GET /api/monitoring/topics", "GET /api/monitoring/sources", "GET /api/monitoring/incidents" -> {
                    String westList = call(HttpMethod.GET, endpoint.pattern(), user(west), null).getContentAsString(StandardCharsets.UTF_8);
                    String eastList = call(HttpMethod.GET, endpoint.pattern(), user(east), null).getContentAsString(StandardCharsets.UTF_8);
                    assertThat(westList).as(endpoint.toString()).doesNotContain(eastOwn.ids()).doesNotContain(east);
                    assertThat(eastList).as(endpoint.toString()).containsAnyOf(eastOwn.ids().toArray(String[]::new));
                }
                case "GET /api/monitoring/posts/export" -> {
                    String westRows = call(HttpMethod.GET, endpoint.pattern(), user(west), null).getContentAsString(StandardCharsets.UTF_8);
                    String eastRows = call(HttpMethod.GET, endpoint.pattern(), user(east), null).getContentAsString(StandardCharsets.UTF_8);
                    assertThat(westRows).doesNotContain(eastOwn.post().toString()).contains(westOwn.post().toString());
                    assertThat(eastRows).contains(eastOwn.post().toString()).doesNotContain(westOwn.post().toString());
                }
                case "POST /api/monitoring/imports" -> {
                    // like bulk ingest: open to every unit, and the import's progress names nothing of east's
                    MockHttpServletResponse answer = importFile(user(west), post(eastOwn.word() + "化工厂第四次泄漏"));
                    assertThat(answer.getStatus()).isEqualTo(202);
                    assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(eastOwn.ids()).doesNotContain(east);
                }
                case "GET /api/monitoring/posts/search" -> {
                    String westHits = call(HttpMethod.GET, endpoint.pattern() + "?size=100&sort=time", user(west), null)
                            .getContentAsString(StandardCharsets.UTF_8);
                    assertThat(westHits).doesNotContain(eastOwn.post().toString()).contains(westOwn.post().toString());
                }
                case "POST /api/monitoring/topics" -> assertThat(call(HttpMethod.POST, endpoint.pattern(), user(west),
                        topicDraft(east, uniqueWord())).getStatus()).as(endpoint.toString()).isEqualTo(403);
                case "POST /api/monitoring/topics/test" -> {
                    // trying a draft on east's very words finds none of east's posts for west, all of them for east
                    String westTrial = call(HttpMethod.POST, endpoint.pattern() + "?days=30", user(west),
                            topicDraft(west, eastOwn.word())).getContentAsString(StandardCharsets.UTF_8);
                    String eastTrial = call(HttpMethod.POST, endpoint.pattern() + "?days=30", user(east),
                            topicDraft(east, eastOwn.word())).getContentAsString(StandardCharsets.UTF_8);
                    assertThat(westTrial).contains("\"total\":0").doesNotContain(eastOwn.ids()).doesNotContain(east);
                    assertThat(eastTrial).contains(eastOwn.post().toString());
                    assertThat(call(HttpMethod.POST, endpoint.pattern(), user(west), topicDraft(east, eastOwn.word()))
                            .getStatus()).as("a draft for east's unit").isEqualTo(403);
                }
                case "POST /api/monitoring/sources" -> assertThat(call(HttpMethod.POST, endpoint.pattern(), user(west),
                        sourceDraft(east)).getStatus()).as(endpoint.toString()).isEqualTo(403);
                case "POST /api/monitoring/posts" -> {
                    // ingest is open to every unit's crawler, but the answer names nothing of east's
                    JsonNode receipt = body(call(HttpMethod.POST, endpoint.pattern(), user(west),
                            post(eastOwn.word() + "化工厂再次泄漏")), 201);
                    assertThat(receipt.path("matchedTopicIds")).isEmpty();
                    assertThat(receipt.path("incidentIds")).isEmpty();
                }
                case "POST /api/monitoring/posts/bulk" -> {
                    MockHttpServletResponse answer = mvc.perform(request(HttpMethod.POST, endpoint.pattern())
                            .header(HttpHeaders.AUTHORIZATION, user(west))
                            .contentType(MediaType.parseMediaType("application/x-ndjson"))
                            .content(post(eastOwn.word() + "化工厂第三次泄漏") + "\n")).andReturn().getResponse();
                    assertThat(answer.getStatus()).isEqualTo(200);
                    assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(eastOwn.ids());
                }
                // neither is unit-scoped: the audit is for administrators, the feed for platform services
                case "GET /api/monitoring/audit", "GET /internal/events" -> {
                }
                // one lexicon for every unit: its words name no unit's objects; the change is tried in NegativeShareTest
                case "GET /api/monitoring/negative-words" -> assertThat(call(HttpMethod.GET, endpoint.pattern(), user(west), null)
                        .getContentAsString(StandardCharsets.UTF_8)).doesNotContain(eastOwn.ids()).doesNotContain(east);
                case "PUT /api/monitoring/negative-words" -> assertThat(call(HttpMethod.PUT, endpoint.pattern(), user(west), "{}")
                        .getStatus()).as("an empty lexicon is refused, whoever sends it").isEqualTo(400);
                case "POST /api/monitoring/admin/reindex" -> {
                    // a platform-wide administrators' job (it only recomputes derived fields): west's start and its
                    // progress name nothing of east's; a month no test publishes in keeps it short
                    MockHttpServletResponse answer = call(HttpMethod.POST, endpoint.pattern(), user(west),
                            "{\"from\":\"2001-01\",\"to\":\"2001-01\"}");
                    assertThat(answer.getStatus()).isEqualTo(202);
                    assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(eastOwn.ids()).doesNotContain(east);
                }
                default -> unclassified.add(endpoint.toString());
            }
        }
        assertThat(unclassified).as("endpoints this test does not know how to try as west: add them").isEmpty();
    }

    @Test
    void search_as_west_never_returns_easts_posts_even_for_easts_exact_words() throws Exception {
        JsonNode asWest = search(user(west), eastOwn.word() + " 化工厂");
        JsonNode asEast = search(user(east), eastOwn.word() + " 化工厂");
        JsonNode eastsTitleAsWest = search(user(west), eastOwn.word() + "化工厂泄漏");

        assertThat(asWest.path("total").asLong()).isZero();
        assertThat(asWest.path("hits")).isEmpty();
        assertThat(eastsTitleAsWest.path("total").asLong()).isZero();
        assertThat(asEast.path("hits").valueStream().map(h -> h.path("id").asString()).toList())
                .contains(eastOwn.post().toString());
    }

    @Test
    void a_post_matching_topics_of_both_units_shows_each_only_its_own_topic_and_incident() throws Exception {
        Objects eastSide = create(east);
        UUID westTopic = id(call(HttpMethod.POST, "/api/monitoring/topics", user(west),
                topicDraft(west, "西" + eastSide.word())), 201);
        String crawler = TestTokens.shared().user("crawler-" + suffix).roles(org.yuqing.security.Role.INGEST).bearer();

        JsonNode receipt = body(call(HttpMethod.POST, "/api/monitoring/posts", crawler,
                post("西" + eastSide.word() + "化工厂泄漏续报")), 201);
        assertThat(receipt.path("matchedTopicIds")).as("a crawler of no unit sees no topic").isEmpty();
        assertThat(receipt.path("incidentIds")).isEmpty();
        String postId = receipt.path("id").asString();

        JsonNode asWest = body(call(HttpMethod.GET, "/api/monitoring/posts/" + postId, user(west), null), 200);
        assertThat(texts(asWest.path("topicIds"))).containsExactly(westTopic.toString());
        assertThat(texts(asWest.path("unitIds"))).containsExactly(west);
        assertThat(asWest.path("incidentIds")).hasSize(1);
        assertThat(texts(asWest.path("incidentIds"))).doesNotContain(eastSide.incident().toString());
        JsonNode asEast = body(call(HttpMethod.GET, "/api/monitoring/posts/" + postId, user(east), null), 200);
        assertThat(texts(asEast.path("topicIds"))).containsExactly(eastSide.topic().toString());
        assertThat(texts(asEast.path("incidentIds"))).containsExactly(eastSide.incident().toString());
    }

    @Test
    void a_user_of_the_parent_unit_sees_the_objects_of_both_children() throws Exception {
        String parentUser = TestTokens.shared().user("parent-" + suffix).units(parent).scope(parent, east, west).bearer();

        for (Objects own : List.of(eastOwn, westOwn)) {
            assertThat(call(HttpMethod.GET, "/api/monitoring/topics/" + own.topic(), parentUser, null).getStatus()).isEqualTo(200);
            assertThat(call(HttpMethod.GET, "/api/monitoring/sources/" + own.source(), parentUser, null).getStatus()).isEqualTo(200);
            assertThat(call(HttpMethod.GET, "/api/monitoring/posts/" + own.post(), parentUser, null).getStatus()).isEqualTo(200);
            assertThat(call(HttpMethod.GET, "/api/monitoring/posts/" + own.post() + "/snapshots", parentUser, null).getStatus())
                    .isEqualTo(200);
            assertThat(call(HttpMethod.GET, "/api/monitoring/incidents/" + own.incident(), parentUser, null).getStatus())
                    .isEqualTo(200);
        }
        assertThat(call(HttpMethod.GET, "/api/monitoring/topics", parentUser, null).getContentAsString(StandardCharsets.UTF_8))
                .contains(eastOwn.topic().toString(), westOwn.topic().toString());
        assertThat(call(HttpMethod.GET, "/api/monitoring/sources", parentUser, null).getContentAsString(StandardCharsets.UTF_8))
                .contains(eastOwn.source().toString(), westOwn.source().toString());
        assertThat(call(HttpMethod.GET, "/api/monitoring/incidents?limit=500", parentUser, null)
                .getContentAsString(StandardCharsets.UTF_8)).contains(eastOwn.incident().toString(), westOwn.incident().toString());
        String hits = call(HttpMethod.GET, "/api/monitoring/posts/search?size=100&sort=time", parentUser, null)
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(hits).contains(eastOwn.post().toString(), westOwn.post().toString());
        assertThat(call(HttpMethod.GET, "/api/monitoring/posts/export", parentUser, null).getContentAsString(StandardCharsets.UTF_8))
                .contains(eastOwn.post().toString(), westOwn.post().toString());
        // and may create for a child unit
        assertThat(call(HttpMethod.POST, "/api/monitoring/topics", parentUser, topicDraft(east, uniqueWord())).getStatus())
                .isEqualTo(201);
    }

    @Test
    void incidents_of_another_unit_are_not_listed_even_when_asked_for_by_unit() throws Exception {
        JsonNode asWest = body(call(HttpMethod.GET, "/api/monitoring/incidents?unitId=" + east, user(west), null), 200);
        JsonNode asEast = body(call(HttpMethod.GET, "/api/monitoring/incidents?unitId=" + east, user(east), null), 200);

        assertThat(asWest).isEmpty();
        assertThat(asEast.valueStream().map(i -> i.path("id").asString()).toList()).contains(eastOwn.incident().toString());
    }

    private JsonNode search(String authorization, String q) throws Exception {
        return body(mvc.perform(get("/api/monitoring/posts/search").param("q", q)
                .header(HttpHeaders.AUTHORIZATION, authorization)).andReturn().getResponse(), 200);
    }

    private UUID eastIdFor(Endpoint endpoint) {
        String p = endpoint.pattern();
        if (p.startsWith("/api/monitoring/topics/")) {
            return eastOwn.topic();
        }
        if (p.startsWith("/api/monitoring/sources/")) {
            return eastOwn.source();
        }
        if (p.startsWith("/api/monitoring/posts/")) {
            return eastOwn.post();
        }
        if (p.startsWith("/api/monitoring/incidents/")) {
            return eastOwn.incident();
        }
        if (p.startsWith("/api/monitoring/imports/")) {
            return eastOwn.upload();
        }
        if (p.startsWith("/api/monitoring/admin/reindex/")) {
            return eastOwn.reindex();
        }
        throw new AssertionError(endpoint + " names an object this test does not know: add it");
    }

    private String draftFor(Endpoint endpoint, String unit) {
        if (endpoint.pattern().startsWith("/api/monitoring/topics/")) {
            return topicDraft(unit, uniqueWord());
        }
        if (endpoint.pattern().startsWith("/api/monitoring/sources/")) {
            return sourceDraft(unit);
        }
        throw new AssertionError(endpoint + " takes a body this test does not know: add it");
    }

    private String login(String unit) {
        return "user-of-" + unit;
    }

    /** A user of the unit holding every person's role, so that only the unit scope can refuse. */
    private String user(String unit) {
        return TestTokens.shared().user(login(unit)).units(unit).bearer();
    }

    private String topicDraft(String unit, String word) {
        return json.writeValueAsString(Map.of("name", "属地测试 " + word, "unitId", unit, "regionWords", List.of(word),
                "subjectWords", List.of("化工厂")));
    }

    private String sourceDraft(String unit) {
        return json.writeValueAsString(Map.of("name", "源 " + unit, "url", "http://127.0.0.1:9/" + UUID.randomUUID() + ".xml",
                "unitId", unit, "enabled", false));
    }

    private String post(String text) {
        return json.writeValueAsString(aPost("https://isolation.example.cn/" + UUID.randomUUID(), "isolation.example.cn",
                text, text, hoursAgo(1), 10));
    }

    /** Uploads a one-line JSONL file as an import. */
    private MockHttpServletResponse importFile(String authorization, String line) throws Exception {
        return mvc.perform(multipart("/api/monitoring/imports")
                .file(new MockMultipartFile("file", "posts.jsonl", "application/x-ndjson", line.getBytes(StandardCharsets.UTF_8)))
                .header(HttpHeaders.AUTHORIZATION, authorization)).andReturn().getResponse();
    }

    private MockHttpServletResponse call(HttpMethod method, String path, String authorization, String body) throws Exception {
        MockHttpServletRequestBuilder request = request(method, path).header(HttpHeaders.AUTHORIZATION, authorization);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private UUID id(MockHttpServletResponse response, int expectedStatus) throws Exception {
        return UUID.fromString(body(response, expectedStatus).path("id").asString());
    }

    private JsonNode body(MockHttpServletResponse response, int expectedStatus) throws Exception {
        String content = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(content).isEqualTo(expectedStatus);
        return json.readTree(content);
    }
}
