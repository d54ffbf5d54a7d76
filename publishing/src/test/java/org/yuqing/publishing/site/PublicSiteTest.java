package org.yuqing.publishing.site;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.yuqing.publishing.PublishingIntegrationTest;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class PublicSiteTest extends PublishingIntegrationTest {

    @Test
    void the_atom_feed_parses_with_an_independent_reader_and_carries_the_published_statement() throws Exception {
        UUID id = publishedStatement("关于化工厂事故的进展通报 " + UUID.randomUUID(), "救援工作有序进行。");

        MockHttpServletResponse response = mvc.perform(get("/public/statements/feed.atom")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/atom+xml;charset=UTF-8");
        SyndFeed feed = new SyndFeedInput().build(new InputStreamReader(
                new ByteArrayInputStream(response.getContentAsByteArray()), StandardCharsets.UTF_8));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getUri()).startsWith("urn:uuid:");
        assertThat(feed.getTitle()).isEqualTo("权威发布");
        assertThat(feed.getAuthors()).isNotEmpty();
        assertThat(feed.getLinks()).anySatisfy(l -> {
            assertThat(l.getRel()).isEqualTo("self");
            assertThat(l.getHref()).isEqualTo(PUBLIC_BASE + "/public/statements/feed.atom");
        });
        SyndEntry entry = feed.getEntries().stream().filter(e -> e.getUri().equals("urn:uuid:" + id)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry for " + id));
        assertThat(entry.getTitle()).startsWith("关于化工厂事故的进展通报");
        assertThat(entry.getLink()).isEqualTo(PUBLIC_BASE + "/public/statements/" + id);
        assertThat(entry.getPublishedDate()).isNotNull();
        assertThat(entry.getUpdatedDate()).isNotNull();
        assertThat(entry.getContents().getFirst().getType()).isEqualTo("html");
        assertThat(entry.getContents().getFirst().getValue()).isEqualTo("<p>救援工作有序进行。</p>\n");
    }

    @Test
    void the_feed_id_is_stable_and_derived_from_the_public_address() throws Exception {
        String first = mvc.perform(get("/public/statements/feed.atom")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String second = mvc.perform(get("/public/statements/feed.atom")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        String expected = "urn:uuid:" + UUID.nameUUIDFromBytes(("yuqing:public-statements:" + PUBLIC_BASE
                + "/public/statements").getBytes(StandardCharsets.UTF_8));
        assertThat(first).contains("<id>" + expected + "</id>");
        assertThat(second).contains("<id>" + expected + "</id>");
    }

    @Test
    void user_text_is_escaped_on_the_page_and_in_the_feed() throws Exception {
        String marker = UUID.randomUUID().toString();
        UUID id = publishedStatement("标题 <b>" + marker + "</b> & 更多",
                "第一段 <script>alert('x')</script>\n\n第二段 \"引号\"");

        MockHttpServletResponse page = mvc.perform(get("/public/statements/" + id)).andReturn().getResponse();
        String html = page.getContentAsString(StandardCharsets.UTF_8);

        assertThat(page.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"zh-CN\">").contains("<meta charset=\"UTF-8\">");
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>" + marker);
        assertThat(html).contains("<p>第一段 &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>")
                .contains("<p>第二段 &quot;引号&quot;</p>")
                .contains("标题 &lt;b&gt;" + marker + "&lt;/b&gt; &amp; 更多");
        assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'none'");

        String feedXml = mvc.perform(get("/public/statements/feed.atom")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        SyndFeed feed = new SyndFeedInput().build(new java.io.StringReader(feedXml));
        SyndEntry entry = feed.getEntries().stream().filter(e -> e.getUri().equals("urn:uuid:" + id)).findFirst()
                .orElseThrow();
        assertThat(entry.getTitle()).isEqualTo("标题 <b>" + marker + "</b> & 更多");
        assertThat(entry.getContents().getFirst().getValue())
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void drafts_and_unknown_ids_are_not_found_and_not_listed() throws Exception {
        String title = "尚未发布的草稿 " + UUID.randomUUID();
        UUID draft = draft(openMajorCase(), title, "正文");

        MockHttpServletResponse draftPage = mvc.perform(get("/public/statements/" + draft)).andReturn().getResponse();
        MockHttpServletResponse unknown = mvc.perform(get("/public/statements/" + UUID.randomUUID())).andReturn().getResponse();
        MockHttpServletResponse garbage = mvc.perform(get("/public/statements/<x>")).andReturn().getResponse();

        assertThat(draftPage.getStatus()).isEqualTo(404);
        assertThat(draftPage.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(title).contains("未找到");
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(garbage.getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/public/statements")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain(title);
        assertThat(mvc.perform(get("/public/statements/feed.atom")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain(title);
    }

    @Test
    void the_list_shows_the_newest_statement_first() throws Exception {
        String older = "较早的通报 " + UUID.randomUUID();
        String newer = "较新的通报 " + UUID.randomUUID();
        publishedStatement(older, "正文");
        UUID newest = publishedStatement(newer, "正文");

        MockHttpServletResponse list = mvc.perform(get("/public/statements")).andReturn().getResponse();
        String html = list.getContentAsString(StandardCharsets.UTF_8);

        assertThat(list.getStatus()).isEqualTo(200);
        assertThat(list.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(html).contains("<html lang=\"zh-CN\">");
        assertThat(html.indexOf(newer)).isGreaterThanOrEqualTo(0).isLessThan(html.indexOf(older));
        assertThat(html).contains("href=\"" + PUBLIC_BASE + "/public/statements/" + newest + "\"");
    }
}
