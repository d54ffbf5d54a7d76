package org.yuqing.ui.topics;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicPreviewTest {

    private static final TopicDraft CHEMICAL = new TopicDraft("化工厂事故", "district", List.of(), List.of("化工厂"),
            List.of("爆炸", "起火"), List.of("演习"));

    @Test
    void a_post_matches_when_every_filled_group_has_a_hit_and_any_word_of_a_group_will_do() {
        List<TopicPreview.Match> matches = TopicPreview.run(CHEMICAL, List.of(
                post("1", "化工厂起火", "浓烟滚滚"),
                post("2", "", "高新区化工厂发生爆炸"),
                post("3", "化工厂扩建", "新车间投产"),
                post("4", "仓库爆炸", "无人受伤")));

        assertThat(matches).extracting(m -> m.post().id()).containsExactly("1", "2");
        assertThat(matches.get(0).hits()).containsExactly("化工厂", "起火");
    }

    @Test
    void an_exclude_word_anywhere_disqualifies_the_post() {
        assertThat(TopicPreview.run(CHEMICAL, List.of(post("1", "化工厂爆炸", "这是一次应急演习")))).isEmpty();
    }

    @Test
    void full_width_forms_and_letter_case_are_folded_like_the_matcher_does() {
        TopicDraft pm = new TopicDraft("PM2.5", "district", List.of(), List.of("pm2.5"), List.of("超标"), List.of());

        List<TopicPreview.Match> matches = TopicPreview.run(pm, List.of(post("1", "ＰＭ２．５严重超标", "")));

        assertThat(matches).hasSize(1);
        assertThat(matches.getFirst().titleHtml()).isEqualTo("<em>ＰＭ２．５</em>严重<em>超标</em>");
    }

    @Test
    void the_hits_are_marked_and_everything_else_a_stranger_wrote_is_escaped() {
        List<TopicPreview.Match> matches = TopicPreview.run(CHEMICAL,
                List.of(post("1", "<b>化工厂</b>爆炸", "<script>alert(1)</script>化工厂爆炸了")));

        assertThat(matches.getFirst().titleHtml()).isEqualTo("&lt;b&gt;<em>化工厂</em>&lt;/b&gt;<em>爆炸</em>");
        assertThat(matches.getFirst().textHtml()).doesNotContain("<script")
                .endsWith("&lt;/script&gt;<em>化工厂爆炸</em>了");
    }

    @Test
    void a_long_text_is_cut_to_a_passage_around_the_first_hit() {
        String text = "甲".repeat(300) + "化工厂爆炸" + "乙".repeat(300);

        String passage = TopicPreview.run(CHEMICAL, List.of(post("1", "", text))).getFirst().textHtml();

        assertThat(passage).startsWith("…" + "甲".repeat(20) + "<em>化工厂爆炸</em>").endsWith("…");
        assertThat(passage.replace("<em>", "").replace("</em>", "")).hasSize(TopicPreview.SNIPPET + 2);
    }

    @Test
    void a_draft_without_region_subject_or_event_words_matches_nothing() {
        TopicDraft onlyExclude = new TopicDraft("x", "district", List.of(), List.of(), List.of(), List.of("演习"));

        assertThat(TopicPreview.run(onlyExclude, List.of(post("1", "化工厂爆炸", "")))).isEmpty();
    }

    @Test
    void words_are_typed_separated_by_commas_enumeration_marks_blanks_or_lines() {
        assertThat(WordList.parse(" 爆炸，起火、泄漏;冒烟\n 爆炸  火灾 ")).containsExactly("爆炸", "起火", "泄漏", "冒烟", "火灾");
        assertThat(WordList.parse(null)).isEmpty();
        assertThat(WordList.format(List.of("爆炸", "起火"))).isEqualTo("爆炸、起火");
    }

    private static RecentPosts.Post post(String id, String title, String text) {
        return new RecentPosts.Post(id, title, text, "bbs.example-forum.cn", "https://bbs.example-forum.cn/" + id,
                "FORUM", "网友", Instant.parse("2026-11-21T06:00:00Z"));
    }
}
