package org.yuqing.monitoring.matching;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yuqing.monitoring.MonitoringIntegrationTest;
import org.yuqing.monitoring.search.PostDocument;
import org.yuqing.monitoring.search.PostIndex;
import org.yuqing.monitoring.search.TopicQuery;
import org.yuqing.monitoring.topics.ExpressionTrees;
import org.yuqing.monitoring.topics.InvalidExpressionException;
import org.yuqing.monitoring.topics.Topic;
import org.yuqing.monitoring.topics.TopicExpression;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: for random topics and random posts built from one small vocabulary (simplified and
 * traditional Chinese, full- and half-width Latin, digits, punctuation, spaces), the posts the
 * in-process matcher matches are exactly the posts the topic's Elasticsearch query returns from a
 * dedicated index on the real Elasticsearch. The topics are word-group topics and advanced expressions (random trees
 * of AND/OR/NOT over the vocabulary, written in random operator spellings and parsed back), some with site and
 * media-type filters, some disabled; the posts come from a few sites (and subdomains) and media types. Fixed seed;
 * another one with {@code -Dyuqing.matching.seed=<n>}.
 */
class MatcherAgreesWithElasticsearchTest extends MonitoringIntegrationTest {

    static final long SEED = Long.getLong("yuqing.matching.seed", 20261122L);
    static final int POSTS = 600;
    static final int TOPICS = 60;
    static final int EXPRESSION_TOPICS = 60;
    static final List<String> SITES = List.of("a.example.cn", "news.a.example.cn", "xa.example.cn", "b.example.cn");
    static final List<String> MEDIA = List.of("NEWS", "WEIBO", "FORUM");

    static final List<String> WORDS = List.of(
            "化工厂", "化工廠", "化工", "工厂", "工廠", "厂", "廠", "泄漏", "洩漏", "爆炸", "學校", "学校", "医院", "醫院",
            "东区", "東區", "区", "污染", "停水", "抗议", "抗議", "事故", "演练", "演練", "居民", "疏散", "发", "發", "髮",
            "ＰＸ", "PX", "px", "pxe", "ｓｔｒｉｋｅ", "strike", "Strikes", "3", "３", "5G", "５Ｇ", "2026", "covid-19",
            "COVID", "19", "x", "ab", "ａｂｃ", "Äpfel", "äpfel", "ｶﾞｽ", "ガス", "の", "3.5", "don't", "Ⅻ", "xii",
            "İstanbul", "ß", "한국", "ไทย", "Ελλάδα");
    static final List<String> SEPARATORS = List.of("", "", "", " ", "，", "。", "、", "！", "-", ".", "·", "“", "”",
            "\n", "\u3000", "(", ")", "/", "_", "…", "#", "😀", "'");

    @Autowired
    ElasticsearchClient client;

    PostIndex index;
    final Instant published = Instant.parse("2026-11-01T00:00:00Z");

    @AfterEach
    void dropTheIndex() throws Exception {
        if (index != null) {
            client.indices().delete(d -> d.index(index.indexFor(published)).ignoreUnavailable(true));
        }
    }

    @Test
    void the_matcher_and_the_topic_query_match_the_same_posts() throws Exception {
        Random random = new Random(SEED);
        index = new PostIndex(client, "mq" + UUID.randomUUID().toString().substring(0, 8));
        List<PostDocument> posts = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            String title = random.nextInt(3) == 0 ? "" : text(random, 1 + random.nextInt(3));
            String text = text(random, 1 + random.nextInt(10));
            String site = SITES.get(random.nextInt(SITES.size()));
            posts.add(new PostDocument(UUID.randomUUID(), null, null, "https://" + site + "/" + i, site,
                    MEDIA.get(random.nextInt(MEDIA.size())), null, title, text, published.plusSeconds(i % 3600), published, new PostDocument.Metrics(0, 0, 0, 0),
                    List.of(), List.of(), List.of()));
        }
        List<Topic> topics = new ArrayList<>();
        for (int i = 0; i < TOPICS; i++) {
            topics.add(topic(random, i));
        }
        for (int i = 0; i < EXPRESSION_TOPICS; i++) {
            topics.add(expressionTopic(random, i));
        }
        index.indexAll(posts);

        CompiledTopics compiled = CompiledTopics.compile(topics);
        Map<UUID, Set<String>> byMatcher = new HashMap<>();
        topics.forEach(t -> byMatcher.put(t.id(), new TreeSet<>()));
        for (PostDocument post : posts) {
            for (MatchedTopic m : compiled.matchPost(post.site(), post.mediaType(), post.title(), post.text())) {
                byMatcher.get(m.topicId()).add(post.id().toString());
            }
        }

        int topicsMatchingSome = 0;
        int expressionsMatchingSome = 0;
        int matchedPairs = 0;
        for (Topic topic : topics) {
            Set<String> byElasticsearch = client.search(s -> s.index(index.alias())
                            .query(TopicQuery.of(topic)).source(src -> src.fetch(false)).size(POSTS),
                    Void.class).hits().hits().stream().map(Hit::id).collect(Collectors.toCollection(TreeSet::new));
            Set<String> expected = byMatcher.get(topic.id());
            assertThat(byElasticsearch)
                    .as("seed %d, topic %s; posts only the matcher matched: %s; posts only Elasticsearch matched: %s",
                            SEED, describe(topic), describe(posts, minus(expected, byElasticsearch)),
                            describe(posts, minus(byElasticsearch, expected)))
                    .isEqualTo(expected);
            topicsMatchingSome += expected.isEmpty() ? 0 : 1;
            expressionsMatchingSome += expected.isEmpty() || topic.expression() == null ? 0 : 1;
            matchedPairs += expected.size();
        }
        // the property is only worth something if the vocabulary makes topics hit and miss
        assertThat(topicsMatchingSome).as("seed %d: topics matching at least one post", SEED).isGreaterThan(TOPICS / 4);
        assertThat(expressionsMatchingSome).as("seed %d: expression topics matching at least one post", SEED)
                .isGreaterThan(EXPRESSION_TOPICS / 4);
        assertThat(matchedPairs).as("seed %d: matched (topic, post) pairs", SEED)
                .isLessThan((TOPICS + EXPRESSION_TOPICS) * POSTS / 2);
    }

    static String text(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0 || random.nextBoolean()) {
                s.append(SEPARATORS.get(random.nextInt(SEPARATORS.size())));
            }
            s.append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return s.toString();
    }

    static Topic topic(Random random, int n) {
        Instant now = Instant.now();
        return new Topic(UUID.randomUUID(), "t" + n, "unit", group(random, 0.3), group(random, 0.7), group(random, 0.6),
                group(random, 0.3), null, sites(random), media(random), random.nextInt(10) > 0, "test", now, "test", now);
    }

    /** A topic with a random expression, written in random spellings; one that must not hit nothing is drawn again. */
    static Topic expressionTopic(Random random, int n) {
        Instant now = Instant.now();
        while (true) {
            String expression = ExpressionTrees.write(ExpressionTrees.random(random, 3, WORDS, () -> text(random, 2)), random);
            try {
                TopicExpression.parse(expression);
            } catch (InvalidExpressionException e) {
                // true without any hit (e.g. NOT x): a topic refuses it
                continue;
            }
            return new Topic(UUID.randomUUID(), "e" + n, "unit", List.of(), List.of(), List.of(), List.of(), expression,
                    sites(random), media(random), random.nextInt(10) > 0, "test", now, "test", now);
        }
    }

    static List<String> sites(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> List.of("a.example.cn");
            case 1 -> List.of("b.example.cn", "news.a.example.cn");
            default -> List.of();
        };
    }

    static List<String> media(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> List.of("NEWS");
            case 1 -> List.of("WEIBO", "FORUM");
            default -> List.of();
        };
    }

    static List<String> group(Random random, double present) {
        if (random.nextDouble() >= present) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            // mostly one vocabulary word; sometimes two with a separator, or punctuation alone
            words.add(switch (random.nextInt(8)) {
                case 0 -> text(random, 2);
                case 1 -> SEPARATORS.get(random.nextInt(SEPARATORS.size()));
                default -> WORDS.get(random.nextInt(WORDS.size()));
            });
        }
        return words;
    }

    static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    static String describe(Topic t) {
        return (t.expression() != null ? "expression " + t.expression() : "region " + t.regionWords() + " subject "
                + t.subjectWords() + " event " + t.eventWords() + " exclude " + t.excludeWords())
                + " sites " + t.sites() + " media " + t.mediaTypes() + (t.enabled() ? "" : " disabled");
    }

    static List<String> describe(List<PostDocument> posts, Set<String> ids) {
        return posts.stream().filter(p -> ids.contains(p.id().toString()))
                .map(p -> "[" + p.site() + " " + p.mediaType() + ": " + p.title() + " | " + p.text() + "]").limit(5).toList();
    }
}
