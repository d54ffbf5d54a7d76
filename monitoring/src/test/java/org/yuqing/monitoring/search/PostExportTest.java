package org.yuqing.monitoring.search;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.yuqing.monitoring.MonitoringIntegrationTest;
import org.yuqing.security.AuditTrail;
import org.yuqing.security.Caller;
import org.yuqing.security.TestTokens;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class PostExportTest extends MonitoringIntegrationTest {

    @Autowired
    PostIndex index;
    @Autowired
    AuditTrail audit;

    @Test
    void an_export_is_utf8_csv_with_a_bom_a_chinese_header_and_one_quoted_row_per_post_and_is_audited() throws Exception {
        String word = uniqueWord();
        watch(word);
        String login = "exporter-" + UUID.randomUUID();
        Map<String, Object> tricky = aPost("https://a.example.cn/" + UUID.randomUUID(), "a.example.cn",
                "=HYPERLINK(\"x\")", word + "第一行，含逗号\n第二行 \"引号\"", hoursAgo(2), 7);
        String trickyId = submitted(tricky).path("id").asString();
        String plainId = submitted(aPost("https://b.example.cn/" + UUID.randomUUID(), "b.example.cn", word + "通报",
                word + "正文", hoursAgo(1), 3)).path("id").asString();

        MockHttpServletResponse response = mvc.perform(get("/api/monitoring/posts/export").param("q", word)
                        .param("sort", "time")
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.shared().user(login).units(UNIT).bearer()))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment").contains(".csv");
        assertThat(response.getHeader(PostExportController.TOTAL)).isEqualTo("2");
        assertThat(response.getHeader(PostExportController.TRUNCATED)).isNull();
        byte[] bytes = response.getContentAsByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("编号,发布时间（北京时间）,网站,媒体类型,作者,标题,链接,阅读,评论,转发,点赞,正文\r\n");
        List<String> records = List.of(csv.split("\r\n"));
        assertThat(records).hasSize(3);
        assertThat(records.get(1)).startsWith(plainId + ",").contains(",b.example.cn,NEWS,记者," + word + "通报,")
                .endsWith(",3,2,3,4," + word + "正文");
        // quotes doubled, the comma and line break kept inside quotes, the formula neutralised
        assertThat(records.get(2)).startsWith(trickyId + ",")
                .contains(",\"'=HYPERLINK(\"\"x\"\")\",")
                .endsWith(",7,2,3,4,\"" + word + "第一行，含逗号\n第二行 \"\"引号\"\"\"");
        assertThat(jdbc.queryForList("select action || ' ' || target || ' ' || detail from monitoring.audit_event"
                + " where actor = ?", String.class, login)).singleElement().asString()
                .startsWith("EXPORT posts 2 of 2 rows").contains("q=" + word).contains("sort=time");
    }

    @Test
    void an_export_holds_only_posts_of_the_callers_units() throws Exception {
        String word = uniqueWord();
        watch(word);
        submitted(aPost("https://a.example.cn/" + UUID.randomUUID(), "a.example.cn", word, word + "正文", hoursAgo(1), 1));

        String other = mvc.perform(get("/api/monitoring/posts/export").param("q", word)
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.shared().user("elsewhere").units("elsewhere-" + UUID.randomUUID()).bearer()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String own = mvc.perform(get("/api/monitoring/posts/export").param("q", word)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(other.split("\r\n")).hasSize(1);
        assertThat(own.split("\r\n")).hasSize(2);
    }

    @Test
    void an_export_stops_at_the_configured_row_cap_and_says_so() throws Exception {
        String word = uniqueWord();
        watch(word);
        for (int i = 0; i < 3; i++) {
            submitted(aPost("https://a.example.cn/" + UUID.randomUUID(), "a.example.cn", word, word + "正文" + i, hoursAgo(i + 1), i));
        }
        PostExportController capped = new PostExportController(index, audit, Clock.systemUTC(), 2);
        MockHttpServletResponse response = new MockHttpServletResponse();
        LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("q", word);

        capped.export(new Caller("capped", "capped", Set.of(), Set.of(UNIT), Set.of(UNIT)), params, response);

        assertThat(response.getHeader(PostExportController.TRUNCATED)).isEqualTo("true");
        assertThat(response.getHeader(PostExportController.TOTAL)).isEqualTo("3");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8).split("\r\n")).hasSize(3);
    }

    @Test
    void invalid_export_filters_are_a_400_problem_and_nothing_is_written() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/monitoring/posts/export").param("mediaType", "PAPER"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
    }
}
