package org.yuqing.ui.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HighlightsTest {

    @Test
    void matched_words_keep_their_em_marks() {
        assertThat(Highlights.toSafeHtml("某<em>化工厂</em>发生<em>爆炸</em>"))
                .isEqualTo("某<em>化工厂</em>发生<em>爆炸</em>");
    }

    @Test
    void any_other_markup_in_a_post_is_shown_as_text() {
        String html = Highlights.toSafeHtml("<script>alert(1)</script><em>泄漏</em><img src=x onerror=alert(2)>");

        assertThat(html).doesNotContain("<script", "<img").contains("&lt;script&gt;", "&lt;img", "<em>泄漏</em>");
    }

    @Test
    void an_em_with_attributes_is_not_a_highlight_mark_and_stays_escaped() {
        String html = Highlights.toSafeHtml("<em onmouseover=\"alert(1)\">化工厂</em>");

        assertThat(html).doesNotContain("<em ").startsWith("&lt;em onmouseover=&quot;alert(1)&quot;&gt;");
    }

    @Test
    void ampersands_and_quotes_are_escaped_and_chinese_is_kept() {
        assertThat(Highlights.toSafeHtml("A&B \"引号\" 'x'"))
                .isEqualTo("A&amp;B &quot;引号&quot; &#39;x&#39;");
    }

    @Test
    void a_passage_monitoring_escaped_already_is_not_escaped_twice() {
        assertThat(Highlights.toSafeHtml("A&amp;B &lt;script&gt;alert(1)&lt;/script&gt; <em>化工厂</em>"))
                .isEqualTo("A&amp;B &lt;script&gt;alert(1)&lt;/script&gt; <em>化工厂</em>");
    }

    @Test
    void a_missing_snippet_is_empty() {
        assertThat(Highlights.toSafeHtml(null)).isEmpty();
    }
}
