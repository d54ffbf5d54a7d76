package org.yuqing.monitoring.search;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.yuqing.monitoring.MonitoringIntegrationTest;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Search filters, sorts, facets and deep paging over four posts of one topic. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostSearchFacetsTest extends MonitoringIntegrationTest {

    private String word;
    private UUID topic;
    private String news;
    private String mainstream;
    private String weibo;
    private String forum;
    private String incident;

    @BeforeAll
    void fourPosts() throws Exception {
        word = uniqueWord();
        topic = watch(word);
        // Beijing time: news and mainstream on 1 March 10:00 and 11:30, the forum post on 1 March 01:00, weibo on 2 March
        JsonNode first = submitted(post("a.example.cn", "NEWS", "2026-03-01T02:00:00Z", 10));
        news = first.path("id").asString();
        incident = first.path("incidentIds").get(0).asString();
        mainstream = submitted(post("society.people.com.cn", "NEWS", "2026-03-01T03:30:00Z", 1000)).path("id").asString();
        weibo = submitted(post("weibo.example.cn", "WEIBO", "2026-03-02T05:00:00Z", 50)).path("id").asString();
        forum = submitted(post("b.example.cn", "FORUM", "2026-02-28T17:00:00Z", 5)).path("id").asString();
    }

    private Map<String, Object> post(String site, String mediaType, String publishedAt, long reads) {
        Map<String, Object> post = aPost("https://" + site + "/" + UUID.randomUUID(), site, word + "通报",
                word + "正文" + UUID.randomUUID(), Instant.parse(publishedAt), reads);
        post.put("mediaType", mediaType);
        return post;
    }

    @Test
    void each_filter_keeps_only_the_posts_it_names() throws Exception {
        assertThat(ids(search("sort", "time"))).containsExactly(weibo, mainstream, news, forum);
        assertThat(ids(search("since", "2026-03-01T00:00:00Z", "until", "2026-03-02T00:00:00Z"))).containsExactlyInAnyOrder(news, mainstream);
        assertThat(ids(search("site", "a.example.cn,b.example.cn"))).containsExactlyInAnyOrder(news, forum);
        assertThat(ids(search("mediaType", "weibo", "mediaType", "FORUM"))).containsExactlyInAnyOrder(weibo, forum);
        assertThat(ids(search("mainstream", "true"))).containsExactly(mainstream);
        assertThat(ids(search("mainstream", "false"))).containsExactlyInAnyOrder(news, weibo, forum);
        assertThat(ids(search("topicId", topic.toString()))).hasSize(4);
        assertThat(ids(search("topicId", UUID.randomUUID().toString()))).isEmpty();
        assertThat(ids(search("incidentId", incident, "mediaType", "NEWS"))).containsExactlyInAnyOrder(news, mainstream);
    }

    @Test
    void sorting_by_heat_puts_the_most_read_first() throws Exception {
        assertThat(ids(search("sort", "heat"))).containsExactly(mainstream, weibo, news, forum);
    }

    @Test
    void the_facets_count_posts_per_beijing_day_or_hour_per_site_and_per_media_type() throws Exception {
        JsonNode byDay = search("interval", "day", "size", "1").path("aggregations");
        JsonNode byHour = search("interval", "hour").path("aggregations");

        assertThat(byDay.path("interval").asString()).isEqualTo("DAY");
        assertThat(buckets(byDay.path("volume"))).containsExactly("2026-02-28T16:00:00Z=3", "2026-03-01T16:00:00Z=1");
        assertThat(buckets(byDay.path("sites"))).containsExactlyInAnyOrder("a.example.cn=1", "society.people.com.cn=1",
                "weibo.example.cn=1", "b.example.cn=1");
        assertThat(buckets(byDay.path("mediaTypes"))).containsExactly("NEWS=2", "FORUM=1", "WEIBO=1");
        assertThat(buckets(byHour.path("volume"))).containsExactly("2026-02-28T17:00:00Z=1", "2026-03-01T02:00:00Z=1",
                "2026-03-01T03:00:00Z=1", "2026-03-02T05:00:00Z=1");
    }

    @Test
    void the_facets_count_mainstream_and_other_outlets_and_the_callers_topics_by_name() throws Exception {
        JsonNode facets = search("size", "1").path("aggregations");

        assertThat(buckets(facets.path("mainstream"))).containsExactly("true=1", "false=3");
        assertThat(facets.path("topics")).hasSize(1);
        JsonNode bucket = facets.path("topics").get(0);
        assertThat(bucket.path("id").asString()).isEqualTo(topic.toString());
        assertThat(bucket.path("name").asString()).startsWith("化工厂事故 ");
        assertThat(bucket.path("count").asLong()).isEqualTo(4);
        JsonNode mainstreamOnly = search("mainstream", "true").path("aggregations");
        assertThat(buckets(mainstreamOnly.path("mainstream"))).containsExactly("true=1", "false=0");
    }

    @Test
    void the_topic_facet_leaves_out_topics_of_other_units_that_the_posts_also_matched() throws Exception {
        String shared = uniqueWord();
        UUID own = watch(shared);
        String other = "facet-other-" + UUID.randomUUID();
        String otherUser = org.yuqing.security.TestTokens.shared().user("facet-other").units(other).bearer();
        MvcResult created = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/monitoring/topics").header(org.springframework.http.HttpHeaders.AUTHORIZATION, otherUser)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("name", "别处主题",
                        "unitId", other, "regionWords", List.of(shared))))).andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        String otherTopic = body(created).path("id").asString();
        submitted(aPost("https://c.example.cn/" + UUID.randomUUID(), "c.example.cn", shared, shared + "续报",
                Instant.parse("2026-03-03T05:00:00Z"), 1));

        JsonNode facets = body(mvc.perform(get("/api/monitoring/posts/search").param("q", shared)).andReturn())
                .path("aggregations");

        assertThat(facets.path("topics").valueStream().map(b -> b.path("id").asString()).toList())
                .containsExactly(own.toString()).doesNotContain(otherTopic);
    }

    @Test
    void the_next_cursor_pages_through_every_hit_once_and_later_pages_carry_no_facets() throws Exception {
        List<String> seen = new ArrayList<>();
        JsonNode page = search("sort", "heat", "size", "1");
        assertThat(page.has("aggregations")).isTrue();
        while (page.has("next")) {
            seen.addAll(ids(page));
            page = search("sort", "heat", "size", "1", "after", page.path("next").asString());
            assertThat(page.has("aggregations")).isFalse();
            assertThat(page.path("total").asLong()).isEqualTo(4);
        }
        seen.addAll(ids(page));

        assertThat(seen).containsExactly(mainstream, weibo, news, forum);
    }

    @Test
    void a_cursor_of_another_order_or_a_malformed_one_and_invalid_filters_are_400_problems() throws Exception {
        String timeCursor = search("sort", "time", "size", "1").path("next").asString();
        List<String[]> invalid = List.of(
                new String[] {"sort", "heat", "after", timeCursor},
                new String[] {"after", "not-a-cursor"},
                new String[] {"after", timeCursor, "from", "5", "sort", "time"},
                new String[] {"mediaType", "PAPER"},
                new String[] {"topicId", "x"},
                new String[] {"since", "yesterday"},
                new String[] {"since", "2026-03-02T00:00:00Z", "until", "2026-03-01T00:00:00Z"},
                new String[] {"mainstream", "maybe"},
                new String[] {"interval", "week"},
                new String[] {"sort", "loudness"});
        for (String[] params : invalid) {
            MvcResult r = mvc.perform(get("/api/monitoring/posts/search").queryParams(params(params))).andReturn();
            assertThat(r.getResponse().getStatus()).as(String.join(" ", params)).isEqualTo(400);
            assertThat(MediaType.parseMediaType(r.getResponse().getContentType())).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    private JsonNode search(String... params) throws Exception {
        MvcResult r = mvc.perform(get("/api/monitoring/posts/search").param("q", word).queryParams(params(params))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        return body(r);
    }

    private static org.springframework.util.MultiValueMap<String, String> params(String... pairs) {
        var map = new org.springframework.util.LinkedMultiValueMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.add(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static List<String> ids(JsonNode result) {
        return result.path("hits").valueStream().map(h -> h.path("id").asString()).toList();
    }

    private static List<String> buckets(JsonNode buckets) {
        return buckets.valueStream().map(b -> b.path("key").asString() + "=" + b.path("count").asLong()).toList();
    }
}
