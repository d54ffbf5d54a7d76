package org.yuqing.publishing.renditions;

import org.junit.jupiter.api.Test;
import org.yuqing.publishing.PublishingProperties;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RenditionsTest {

    private static final UUID ID = UUID.fromString("6b1f4c1e-2d7a-4a53-9f0e-0c1d2e3f4a5b");
    private static final String URL = "https://news.example.gov.cn/public/statements/" + ID;

    private final Renditions renditions = new Renditions(office("东湖区新闻办"));

    @Test
    void every_channel_has_one_rendition_in_a_fixed_order() {
        assertThat(renditions.of(master("标题", "正文"))).extracting(Rendition::channel)
                .containsExactly("website", "email", "sms", "microblog", "wechat", "robot");
    }

    @Test
    void the_website_rendition_escapes_every_markup_character_of_the_master() {
        String html = renditions.of(master("<script>alert(1)</script>", "第一段 & \"引号\"\n\n<img src=x onerror=y>"),
                "website").orElseThrow().content();

        assertThat(html).doesNotContain("<script>", "<img").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("<p>第一段 &amp; &quot;引号&quot;</p>", "<p>&lt;img src=x onerror=y&gt;</p>");
    }

    @Test
    void the_email_rendition_has_the_kind_in_its_subject_and_the_public_link_in_its_text() {
        Rendition email = renditions.of(master("关于化工厂泄漏的情况通报", "今日上午发生泄漏。"), "email").orElseThrow();

        assertThat(email.subject()).isEqualTo("【事实通报】关于化工厂泄漏的情况通报");
        assertThat(email.content()).startsWith("关于化工厂泄漏的情况通报\n\n今日上午发生泄漏。").contains("东湖区新闻办")
                .endsWith(URL + "\n");
    }

    @Test
    void a_short_sms_is_one_unnumbered_segment_signed_by_the_office() {
        Rendition sms = renditions.of(new Master(ID, "事实通报", "情况通报", "暂无人员伤亡。", "https://t.example.cn/a"),
                "sms").orElseThrow();

        assertThat(sms.segments()).containsExactly("【东湖区新闻办】情况通报：暂无人员伤亡。 详见：https://t.example.cn/a");
    }

    @Test
    void a_long_sms_is_split_into_numbered_segments_of_at_most_seventy_characters_that_together_are_the_text() {
        String body = "东湖化工厂储罐区发生泄漏，现场已完成封控，周边空气监测数据正常。".repeat(8);
        Rendition sms = renditions.of(master("关于东湖化工厂泄漏的情况通报", body), "sms").orElseThrow();

        List<String> segments = sms.segments();
        int n = segments.size();
        assertThat(n).isGreaterThan(3);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String prefix = "(" + (i + 1) + "/" + n + ")";
            assertThat(segments.get(i)).startsWith(prefix);
            assertThat(segments.get(i).length()).isLessThanOrEqualTo(70);
            joined.append(segments.get(i).substring(prefix.length()));
        }
        assertThat(joined.toString()).isEqualTo(sms.content());
        assertThat(segments.subList(0, n - 1)).allSatisfy(s -> assertThat(s.length()).isEqualTo(70));
    }

    @Test
    void an_sms_segment_never_splits_a_surrogate_pair() {
        List<String> segments = Renditions.segments("😀".repeat(100), 70);

        assertThat(segments).allSatisfy(s -> {
            assertThat(s.length()).isLessThanOrEqualTo(70);
            assertThat(Character.isHighSurrogate(s.charAt(s.length() - 1))).isFalse();
        });
        assertThat(String.join("", segments.stream().map(s -> s.substring(s.indexOf(')') + 1)).toList()))
                .isEqualTo("😀".repeat(100));
    }

    @Test
    void a_microblog_post_keeps_a_short_master_whole_with_the_link_and_cuts_a_long_one_to_140_weibo_characters() {
        Rendition whole = renditions.of(master("情况通报", "正文一段。"), "microblog").orElseThrow();
        assertThat(whole.cut()).isFalse();
        assertThat(whole.content()).as("Weibo's share API needs a link of the app's safe domain")
                .isEqualTo("【情况通报】正文一段。 " + URL);

        String body = "现场处置有序，监测数据正常。".repeat(30);
        Rendition cut = renditions.of(master("情况通报", body), "microblog").orElseThrow();
        assertThat(cut.cut()).isTrue();
        assertThat(Renditions.weiboLength(cut.content())).isBetween(Renditions.MICROBLOG_MAX - 1,
                Renditions.MICROBLOG_MAX);
        assertThat(cut.content()).startsWith("【情况通报】现场处置有序").endsWith("……全文：" + URL);
    }

    @Test
    void weibo_counts_latin_characters_as_half_and_the_microblog_rendition_escapes_topic_marks() {
        assertThat(Renditions.weiboLength("汉字")).isEqualTo(2);
        assertThat(Renditions.weiboLength("abc")).isEqualTo(2);
        assertThat(Renditions.weiboLength("ab汉")).isEqualTo(2);
        assertThat(Renditions.weiboLength("")).isZero();
        assertThat(renditions.of(master("通报", "请勿传播 #谣言# 内容"), "microblog").orElseThrow().content())
                .contains("＃谣言＃").doesNotContain("#");
    }

    @Test
    void the_official_account_article_uses_inline_styles_only_and_shows_the_link_as_text() {
        String html = renditions.of(master("情况通报", "第一段\n第二段<b>"), "wechat").orElseThrow().content();

        assertThat(html).contains("<p style=\"text-indent:2em;margin:0 0 1em;\">第二段&lt;b&gt;</p>")
                .doesNotContain("<style", "<a ", "class=").contains("原文：" + URL);
    }

    @Test
    void the_robot_markdown_fits_wecoms_4096_bytes_and_links_the_full_text_when_cut() {
        Rendition shortOne = renditions.of(master("情况通报", "第一段\n第二段"), "robot").orElseThrow();
        assertThat(shortOne.content()).isEqualTo("### 【事实通报】情况通报\n第一段\n\n第二段\n\n[查看全文](" + URL + ")");
        assertThat(shortOne.subject()).isEqualTo("情况通报");

        Rendition cut = renditions.of(master("情况通报", "监测数据正常。".repeat(400)), "robot").orElseThrow();
        assertThat(cut.cut()).isTrue();
        assertThat(cut.content().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096)
                .isGreaterThan(4000);
        assertThat(cut.content()).endsWith("……\n\n[查看全文](" + URL + ")");
    }

    @Test
    void the_content_hash_binds_the_renditions_so_a_change_of_the_signing_office_changes_it() {
        Master m = master("情况通报", "正文");

        assertThat(renditions.contentHash(m)).hasSize(64).isEqualTo(renditions.contentHash(master("情况通报", "正文")));
        assertThat(new Renditions(office("西湖区新闻办")).contentHash(m)).isNotEqualTo(renditions.contentHash(m));
        assertThat(renditions.contentHash(master("情况通报", "正文。"))).isNotEqualTo(renditions.contentHash(m));
        assertThat(renditions.contentHash(new Master(ID, "事实通报", "情况通报", "正文", URL + "x")))
                .as("the public link is part of the renditions").isNotEqualTo(renditions.contentHash(m));
    }

    private static Master master(String title, String body) {
        return new Master(ID, "事实通报", title, body, URL);
    }

    private static PublishingProperties office(String publisher) {
        return new PublishingProperties(URI.create("https://news.example.gov.cn"), "权威发布", publisher, "Asia/Shanghai");
    }
}
