package org.yuqing.monitoring.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.yuqing.monitoring.MonitoringIntegrationTest;
import org.yuqing.monitoring.topics.Topic;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class PostSearchTest extends MonitoringIntegrationTest {

    @Autowired
    ElasticsearchClient client;
    @Autowired
    PostIndex index;

    @Test
    void keyword_search_finds_the_post_and_marks_the_phrase() throws Exception {
        String word = uniqueWord();
        watch(word);
        String id = submitted(aPost("https://news.example.cn/s/" + UUID.randomUUID(), "news.example.cn",
                word + "通报", "据悉，" + word + "某化工厂发生爆炸，<b>无人</b>伤亡。", hoursAgo(2), 0)).path("id").asString();

        JsonNode result = search(word + " 工厂发生爆炸");

        assertThat(result.path("total").asLong()).isEqualTo(1);
        JsonNode hit = result.path("hits").get(0);
        assertThat(hit.path("id").asString()).isEqualTo(id);
        assertThat(hit.path("site").asString()).isEqualTo("news.example.cn");
        assertThat(hit.path("mediaType").asString()).isEqualTo("NEWS");
        List<String> highlights = texts(hit.path("highlights"));
        assertThat(highlights).anySatisfy(h -> assertThat(h).contains("<em>工厂发生爆炸</em>"));
        // highlights are HTML-escaped apart from the marks
        assertThat(highlights).anySatisfy(h -> assertThat(h).contains("&lt;b&gt;"));
    }

    @Test
    void an_exact_phrase_that_is_not_a_substring_does_not_match() throws Exception {
        String word = uniqueWord();
        watch(word);
        submitted(aPost("https://news.example.cn/s/" + UUID.randomUUID(), "news.example.cn",
                "", word + "工厂发生爆炸", hoursAgo(2), 0));

        assertThat(search(word + " 工厂发生爆炸").path("total").asLong()).isEqualTo(1);
        assertThat(search(word + " 工厂爆炸").path("total").asLong()).isZero();
    }

    @Test
    void sorting_by_time_puts_the_newest_first_and_pages_through_the_hits() throws Exception {
        String word = uniqueWord();
        watch(word);
        String older = submitted(aPost("https://a.example.cn/" + UUID.randomUUID(), "a.example.cn", word, word + "旧闻",
                hoursAgo(30), 0)).path("id").asString();
        String newer = submitted(aPost("https://a.example.cn/" + UUID.randomUUID(), "a.example.cn", word, word + "新闻",
                hoursAgo(1), 0)).path("id").asString();

        JsonNode first = body(mvc.perform(get("/api/monitoring/posts/search")
                .param("q", word).param("sort", "time").param("size", "1")).andReturn());
        JsonNode second = body(mvc.perform(get("/api/monitoring/posts/search")
                .param("q", word).param("sort", "time").param("size", "1").param("from", "1")).andReturn());

        assertThat(first.path("total").asLong()).isEqualTo(2);
        assertThat(first.path("hits").get(0).path("id").asString()).isEqualTo(newer);
        assertThat(second.path("hits").get(0).path("id").asString()).isEqualTo(older);
    }

    @Test
    void a_post_resubmitted_with_another_month_moves_to_that_months_index() throws Exception {
        String word = uniqueWord();
        watch(word);
        Map<String, Object> post = aPost("https://a.example.cn/" + UUID.randomUUID(), "a.example.cn", word, word + "更正发布时间",
                Instant.parse("2026-01-15T08:00:00Z"), 0);
        String id = submitted(post).path("id").asString();
        post.put("publishedAt", "2026-02-15T08:00:00Z");
        submitted(post);

        JsonNode result = search(word);
        assertThat(result.path("total").asLong()).isEqualTo(1);
        assertThat(result.path("hits").get(0).path("publishedAt").asString()).isEqualTo("2026-02-15T08:00:00Z");
        assertThat(client.exists(e -> e.index(index.indexFor(Instant.parse("2026-02-15T08:00:00Z"))).id(id)).value()).isTrue();
        assertThat(client.exists(e -> e.index(index.indexFor(Instant.parse("2026-01-15T08:00:00Z"))).id(id)).value()).isFalse();
    }

    @Test
    void monthly_indices_carry_the_alias_and_a_bigram_subfield_analyzer() throws Exception {
        Instant publishedAt = hoursAgo(1);
        submitted(aPost("https://a.example.cn/" + UUID.randomUUID(), "a.example.cn", "x", "化工厂" + uniqueWord(), publishedAt, 0));
        String monthly = index.indexFor(publishedAt);

        assertThat(monthly).matches(INDEX_PREFIX + "-\\d{4}\\.\\d{2}");
        assertThat(client.indices().getAlias(a -> a.index(monthly)).aliases().get(monthly).aliases()).containsKey(INDEX_PREFIX);
        List<String> bigrams = client.indices().analyze(a -> a.index(monthly).field("text.bigram").text("化工厂PX"))
                .tokens().stream().map(AnalyzeToken::token).toList();
        assertThat(bigrams).containsExactly("化工", "工厂", "厂px");
        assertThat(client.indices().getSettings(s -> s.index(monthly)).get(monthly).settings().index().numberOfReplicas())
                .isEqualTo("0");
    }

    @Test
    void a_topic_query_finds_a_post_written_in_traditional_chinese_with_punctuation_inside_the_keyword() throws Exception {
        String word = uniqueWord();
        String id = submitted(aPost("https://a.example.cn/" + UUID.randomUUID(), "a.example.cn", "",
                word + " 化工廠，洩漏！ＰＸ項目", hoursAgo(1), 0)).path("id").asString();
        Instant now = Instant.now();
        Topic matching = new Topic(UUID.randomUUID(), "t", "district", List.of(word), List.of("化工厂"), List.of("泄漏", "爆炸"),
                List.of("演练"), "test", now, "test", now);
        Topic excluded = new Topic(UUID.randomUUID(), "t", "district", List.of(word), List.of("化工厂"), List.of("泄漏"),
                List.of("px"), "test", now, "test", now);
        Topic latinInsideAWord = new Topic(UUID.randomUUID(), "t", "district", List.of(word), List.of("p"), List.of(),
                List.of(), "test", now, "test", now);

        assertThat(idsMatching(matching)).containsExactly(id);
        assertThat(idsMatching(excluded)).isEmpty();
        assertThat(idsMatching(latinInsideAWord)).isEmpty();
    }

    @Test
    void installing_the_template_adds_the_match_field_to_monthly_indices_created_before_it() throws Exception {
        String prefix = "mo" + UUID.randomUUID().toString().substring(0, 8);
        String old = prefix + "-2020.01";
        client.indices().create(c -> c.index(old).mappings(m -> m.dynamic(DynamicMapping.False)
                .properties("title", p -> p.text(t -> t))));
        try {
            PostIndex older = new PostIndex(client, prefix);
            older.installTemplate();
            older.installTemplate();

            assertThat(client.indices().getMapping(g -> g.index(old)).get(old).mappings().properties())
                    .containsKeys("title", TopicQuery.FIELD);
        } finally {
            client.indices().delete(d -> d.index(old));
            client.indices().deleteIndexTemplate(d -> d.name(prefix + "-posts"));
        }
    }

    private List<String> idsMatching(Topic topic) throws Exception {
        return client.search(s -> s.index(INDEX_PREFIX).query(TopicQuery.of(topic)).source(src -> src.fetch(false)),
                Void.class).hits().hits().stream().map(h -> h.id()).toList();
    }

    @Test
    void invalid_paging_or_sort_is_a_400_problem() throws Exception {
        for (String query : List.of("size=0", "size=101", "from=-1", "sort=popularity", "from=9990&size=20")) {
            MvcResult r = mvc.perform(get("/api/monitoring/posts/search?q=x&" + query)).andReturn();
            assertThat(r.getResponse().getStatus()).as(query).isEqualTo(400);
            assertThat(MediaType.parseMediaType(r.getResponse().getContentType())).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    private JsonNode search(String q) throws Exception {
        return body(mvc.perform(get("/api/monitoring/posts/search").param("q", q)).andReturn());
    }
}
