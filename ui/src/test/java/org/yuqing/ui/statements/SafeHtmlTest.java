package org.yuqing.ui.statements;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeHtmlTest {

    @Test
    void scripts_handlers_frames_forms_and_images_are_removed_and_text_markup_stays() {
        String safe = SafeHtml.sanitise("<section><h1 onclick=\"steal()\">标题</h1><p>正文<script>alert(1)</script></p>"
                + "<iframe src=\"https://evil.example\"></iframe><form><input name=x></form>"
                + "<img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">链接</a></section>");

        assertThat(safe).contains("<h1>标题</h1>", "<p>正文</p>", "链接")
                .doesNotContain("script", "onclick", "iframe", "form", "input", "img", "onerror", "javascript");
    }

    @Test
    void inline_styles_stay_unless_they_could_load_something_or_cover_the_page() {
        String safe = SafeHtml.sanitise("<p style=\"text-indent:2em;margin:0 0 1em;\">一</p>"
                + "<p style=\"background:url(https://tracker.example/x.png)\">二</p>"
                + "<p style=\"position:fixed;top:0;left:0;width:100%\">三</p>"
                + "<p style=\"b\\61ckground:u\\72l(x)\">四</p>");

        assertThat(safe).contains("<p style=\"text-indent:2em;margin:0 0 1em;\">一</p>", "<p>二</p>", "<p>三</p>",
                "<p>四</p>");
    }

    @Test
    void links_open_apart_from_the_console() {
        assertThat(SafeHtml.sanitise("<a href=\"https://www.example.gov.cn/x\">原文</a>"))
                .contains("href=\"https://www.example.gov.cn/x\"", "rel=\"noopener noreferrer nofollow\"",
                        "target=\"_blank\"");
        assertThat(SafeHtml.sanitise(null)).isEmpty();
    }
}
