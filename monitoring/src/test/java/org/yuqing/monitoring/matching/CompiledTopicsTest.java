package org.yuqing.monitoring.matching;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yuqing.monitoring.topics.Topic;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CompiledTopicsTest {

    static final Topic CHEMICAL = topic("化工厂事故", List.of(), List.of("化工厂"), List.of("爆炸", "泄漏"), List.of("演练"));
    static final Topic CHEMICAL_IN_DISTRICT = topic("东区化工厂", List.of("东区", "东城"), List.of("化工厂"), List.of("爆炸"), List.of());
    static final Topic PX = topic("PX项目", List.of(), List.of("PX"), List.of("抗议", "ｓｔｒｉｋｅ"), List.of());
    static final Topic SUBJECT_ONLY = topic("学校", List.of(), List.of("实验中学"), List.of(), List.of());

    static final Topic CHEMICAL_IN_DISTRICT_TRADITIONAL = topic("東區工廠", List.of("東區"), List.of("工廠"), List.of("爆炸"), List.of("化工"));

    static final CompiledTopics ALL = CompiledTopics.compile(
            List.of(CHEMICAL, CHEMICAL_IN_DISTRICT, PX, SUBJECT_ONLY, CHEMICAL_IN_DISTRICT_TRADITIONAL));

    static Stream<Arguments> posts() {
        return Stream.of(
                arguments("subject and event word hit", "", "某化工厂发生爆炸", List.of(CHEMICAL)),
                arguments("any word of a group is enough", "", "化工厂氯气泄漏", List.of(CHEMICAL)),
                arguments("subject alone is not enough", "", "化工厂今日开放参观", List.of()),
                arguments("event alone is not enough", "", "烟花爆炸", List.of()),
                arguments("an exclude word vetoes the topic", "", "化工厂举行爆炸应急演练", List.of()),
                arguments("the exclude word of one topic leaves the others", "", "东区化工厂爆炸演练", List.of(CHEMICAL_IN_DISTRICT)),
                arguments("all non-empty groups are required", "东城化工厂", "发生爆炸", List.of(CHEMICAL, CHEMICAL_IN_DISTRICT)),
                arguments("title and text hits count together", "化工厂", "昨夜爆炸", List.of(CHEMICAL)),
                arguments("a keyword does not span title and text", "化工", "厂爆炸", List.of()),
                arguments("full-width text matches a half-width keyword", "", "反对ＰＸ项目，市民抗议", List.of(PX)),
                arguments("a full-width keyword matches half-width text", "", "px workers strike", List.of(PX)),
                arguments("upper case text matches", "", "PX STRIKE", List.of(PX)),
                arguments("a latin keyword does not match inside a word", "", "pxe 抗议", List.of()),
                arguments("a latin keyword next to chinese is a word of its own", "", "反px抗议", List.of(PX)),
                arguments("a latin keyword does not match a longer word", "", "px strikes", List.of()),
                arguments("traditional text matches a simplified keyword", "", "化工廠發生爆炸", List.of(CHEMICAL)),
                arguments("a traditional keyword matches simplified text", "", "东区工厂爆炸", List.of(CHEMICAL_IN_DISTRICT_TRADITIONAL)),
                arguments("punctuation and spaces inside a chinese keyword are ignored", "", "化工 厂，爆炸", List.of(CHEMICAL)),
                arguments("a latin keyword next to punctuation is a word of its own", "", "PX-项目抗议", List.of(PX)),
                arguments("a latin keyword does not match inside a run with digits", "", "3px 抗议", List.of()),
                arguments("a subject-only topic needs just its subject", "", "实验中学", List.of(SUBJECT_ONLY)),
                arguments("nothing at all", "", "今天天气很好", List.of()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("posts")
    void a_post_matches_the_topics_whose_every_group_is_hit_and_no_exclude_word(
            String rule, String title, String text, List<Topic> expected) {
        assertThat(ALL.match(title, text)).containsExactlyElementsOf(
                expected.stream().map(t -> new MatchedTopic(t.id(), t.unitId())).toList());
    }

    @Test
    void two_topics_sharing_a_keyword_both_match() {
        Topic a = topic("a", List.of(), List.of("水厂"), List.of("停水"), List.of());
        Topic b = topic("b", List.of(), List.of("水厂", "自来水"), List.of("停水"), List.of());
        assertThat(CompiledTopics.compile(List.of(a, b)).match("", "水厂今日停水"))
                .extracting(MatchedTopic::topicId).containsExactly(a.id(), b.id());
    }

    @Test
    void a_topic_whose_words_normalise_to_nothing_never_matches() {
        Topic blank = topic("blank", List.of(), List.of(" "), List.of(), List.of());
        assertThat(CompiledTopics.compile(List.of(blank)).match(" ", " ")).isEmpty();
    }

    @Test
    void no_topics_match_nothing() {
        assertThat(CompiledTopics.compile(List.of()).match("化工厂", "爆炸")).isEmpty();
        assertThat(CompiledTopics.EMPTY.match(null, null)).isEmpty();
    }

    @Test
    void topics_sharing_their_region_word_are_told_apart_by_their_other_groups_and_exclusions() {
        // 500 topics share the region word; each is reached through its own, rarer event word
        List<Topic> topics = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            topics.add(topic("t" + i, List.of("临江区"), List.of("化工厂", "工厂"), List.of("事件" + i + "号"),
                    i == 7 ? List.of("演习") : List.of()));
        }
        topics.add(topic("subject-only", List.of(), List.of("工厂"), List.of(), List.of()));
        CompiledTopics compiled = CompiledTopics.compile(topics);

        assertThat(compiled.match("", "临江区化工厂发生事件3号和事件7号演习")).extracting(MatchedTopic::topicId)
                .containsExactly(topics.get(3).id(), topics.get(500).id());
        assertThat(compiled.match("", "临江区化工厂发生事件7号")).extracting(MatchedTopic::topicId)
                .as("topic 7 without its exclusion word").containsExactly(topics.get(7).id(), topics.get(500).id());
        assertThat(compiled.match("", "化工厂发生事件3号")).extracting(MatchedTopic::topicId)
                .as("the region group is required even when the event word anchors the topic")
                .containsExactly(topics.get(500).id());
        assertThat(compiled.match("临江区", "事件3号在工厂")).extracting(MatchedTopic::topicId)
                .as("hits of title and text count together").containsExactly(topics.get(3).id(), topics.get(500).id());
    }

    @Test
    void many_topics_compile_into_one_dictionary_that_finds_each() {
        List<Topic> topics = java.util.stream.IntStream.range(0, 2_000)
                .mapToObj(i -> topic("t" + i, List.of("区" + i + "号"), List.of("工厂"), List.of("事故"), List.of()))
                .toList();
        CompiledTopics compiled = CompiledTopics.compile(topics);
        assertThat(compiled.match("", "区1234号工厂发生事故")).extracting(MatchedTopic::topicId)
                .containsExactly(topics.get(1234).id());
    }

    static Topic topic(String name, List<String> region, List<String> subject, List<String> event, List<String> exclude) {
        Instant now = Instant.now();
        return new Topic(UUID.randomUUID(), name, "unit-" + name, region, subject, event, exclude, "test", now, "test", now);
    }

    static Topic expression(String expression, List<String> sites, List<String> media, boolean enabled) {
        Instant now = Instant.now();
        return new Topic(UUID.randomUUID(), expression, "unit", List.of(), List.of(), List.of(), List.of(), expression,
                sites, media, enabled, "test", now, "test", now);
    }

    static Stream<Arguments> expressionPosts() {
        return Stream.of(
                arguments("化工厂 (爆炸 | 泄漏) -演练", "某化工廠發生爆炸", true),
                arguments("化工厂 (爆炸 | 泄漏) -演练", "化工厂泄漏应急演练", false),
                arguments("化工厂 (爆炸 | 泄漏) -演练", "化工厂今日开放", false),
                arguments("化工厂 爆炸 | 水厂 停水", "水厂今日停水", true),
                arguments("化工厂 爆炸 | 水厂 停水", "化工厂今日停水", false),
                arguments("\"PX 项目\" + 抗议", "反对ＰＸ项目，市民抗议", true),
                arguments("PX + 抗议", "pxe 抗议", false),
                arguments("化工厂 NOT -演练", "化工厂演练", true),
                arguments("化工厂 NOT -演练", "化工厂爆炸", false));
    }

    @ParameterizedTest(name = "[{index}] {0} on {1}")
    @MethodSource("expressionPosts")
    void an_expression_topic_matches_when_its_expression_is_true_for_the_terms_that_hit(
            String expression, String text, boolean matches) {
        Topic topic = expression(expression, List.of(), List.of(), true);

        List<UUID> matched = CompiledTopics.compile(List.of(CHEMICAL, topic)).matchPost("a.cn", "NEWS", "", text).stream()
                .map(MatchedTopic::topicId).toList();

        assertThat(matched.contains(topic.id())).isEqualTo(matches);
    }

    @Test
    void site_and_media_type_filters_let_through_only_their_sites_subdomains_and_media_types() {
        Instant now = Instant.now();
        Topic weiboOnly = new Topic(UUID.randomUUID(), "w", "unit", List.of(), List.of("化工厂"), List.of(), List.of(),
                null, List.of("weibo.com"), List.of("WEIBO", "VIDEO"), true, "test", now, "test", now);
        Topic expressionOnNews = expression("化工厂", List.of(), List.of("NEWS"), true);
        CompiledTopics compiled = CompiledTopics.compile(List.of(weiboOnly, expressionOnNews));

        assertThat(compiled.matchPost("weibo.com", "WEIBO", "", "化工厂")).extracting(MatchedTopic::topicId)
                .containsExactly(weiboOnly.id());
        assertThat(compiled.matchPost("m.weibo.com", "VIDEO", "", "化工厂")).extracting(MatchedTopic::topicId)
                .containsExactly(weiboOnly.id());
        assertThat(compiled.matchPost("notweibo.com", "WEIBO", "", "化工厂")).isEmpty();
        assertThat(compiled.matchPost("weibo.com", "NEWS", "", "化工厂")).extracting(MatchedTopic::topicId)
                .containsExactly(expressionOnNews.id());
        assertThat(compiled.match("", "化工厂")).as("a post of unknown site and medium passes no filter").isEmpty();
    }

    @Test
    void a_disabled_topic_matches_nothing() {
        Topic disabled = expression("化工厂", List.of(), List.of(), false);
        Topic enabled = expression("化工厂", List.of(), List.of(), true);

        assertThat(CompiledTopics.compile(List.of(disabled, enabled)).matchPost("a.cn", "NEWS", "", "化工厂"))
                .extracting(MatchedTopic::topicId).containsExactly(enabled.id());
        assertThat(CompiledTopics.compile(List.of(disabled)).matchPost("a.cn", "NEWS", "", "化工厂")).isEmpty();
    }
}
