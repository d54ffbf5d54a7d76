package org.yuqing.monitoring.ingest;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.yuqing.monitoring.MonitoringIntegrationTest;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

class PostImportTest extends MonitoringIntegrationTest {

    private final String crawler = TestTokens.shared().user("crawler-" + UUID.randomUUID()).roles(Role.INGEST).bearer();

    @Test
    void a_gbk_csv_is_imported_in_the_background_and_its_bad_lines_are_reported_without_losing_the_others() throws Exception {
        String word = uniqueWord();
        watch(word);
        String good1 = "https://import.example.cn/" + UUID.randomUUID();
        String good2 = "https://import.example.cn/" + UUID.randomUUID();
        String csv = "url,site,mediaType,title,text,publishedAt,reads,comments\r\n"
                + good1 + ",import.example.cn,news," + word + "通报,\"" + word + "化工厂泄漏，居民疏散\",2026-03-01 10:00:00,10,1\r\n"
                + "https://import.example.cn/bad,import.example.cn,news,标题,正文,昨天,10,1\r\n"
                + "https://import.example.cn/notext,import.example.cn,news,标题,,2026-03-01T02:00:00Z,10,1\r\n"
                + good2 + ",import.example.cn,WEIBO,," + word + "微博正文,2026-03-01T03:00:00Z,,\r\n";

        MockHttpServletResponse accepted = upload(csv.getBytes(ImportFile.GBK), "posts.csv", crawler);

        assertThat(accepted.getStatus()).as(accepted.getContentAsString()).isEqualTo(202);
        JsonNode started = json.readTree(accepted.getContentAsString(StandardCharsets.UTF_8));
        String id = started.path("id").asString();
        assertThat(accepted.getHeader(HttpHeaders.LOCATION)).endsWith("/api/monitoring/imports/" + id);
        assertThat(started.path("charset").asString()).isEqualTo("GB18030");
        assertThat(started.path("format").asString()).isEqualTo("CSV");
        assertThat(started.path("totalLines").asInt()).isEqualTo(4);

        JsonNode done = awaitFinished(id, crawler);
        assertThat(done.path("state").asString()).isEqualTo("DONE");
        assertThat(done.path("processed").asInt()).isEqualTo(4);
        assertThat(done.path("ingested").asInt()).isEqualTo(2);
        assertThat(done.path("failed").asInt()).isEqualTo(2);
        assertThat(done.path("errors").valueStream().map(e -> e.path("line").asInt()).toList()).containsExactly(3, 4);
        assertThat(done.path("errors").get(0).path("message").asString()).contains("publishedAt");
        assertThat(done.path("errors").get(1).path("message").asString()).contains("text: is required");
        JsonNode post = getJson("/api/monitoring/posts/" + UUID.nameUUIDFromBytes(good1.getBytes(StandardCharsets.UTF_8)));
        assertThat(post.path("text").asString()).isEqualTo(word + "化工厂泄漏，居民疏散");
        assertThat(post.path("publishedAt").asString()).isEqualTo("2026-03-01T02:00:00Z");
        assertThat(getJson("/api/monitoring/posts/" + UUID.nameUUIDFromBytes(good2.getBytes(StandardCharsets.UTF_8)))
                .path("mediaType").asString()).isEqualTo("WEIBO");
    }

    @Test
    void a_jsonl_import_goes_through_the_bulk_path_and_another_caller_cannot_see_it() throws Exception {
        String word = uniqueWord();
        watch(word);
        String url = "https://import.example.cn/" + UUID.randomUUID();
        String jsonl = json.writeValueAsString(aPost(url, "import.example.cn", word, word + "正文", Instant.parse("2026-03-01T02:00:00Z"), 3))
                + "\n{\"url\": broken\n";

        MockHttpServletResponse accepted = upload(jsonl.getBytes(StandardCharsets.UTF_8), "posts.jsonl", crawler);
        String id = json.readTree(accepted.getContentAsString()).path("id").asString();
        JsonNode done = awaitFinished(id, crawler);

        assertThat(done.path("ingested").asInt()).isEqualTo(1);
        assertThat(done.path("errors").get(0).path("line").asInt()).isEqualTo(2);
        assertThat(done.path("errors").get(0).path("message").asString()).isEqualTo("the line is not well-formed JSON");
        assertThat(getJson("/api/monitoring/posts/search?q=" + word).path("total").asLong()).isEqualTo(1);
        String otherCrawler = TestTokens.shared().user("crawler-" + UUID.randomUUID()).roles(Role.INGEST).bearer();
        assertThat(mvc.perform(get("/api/monitoring/imports/" + id).header(HttpHeaders.AUTHORIZATION, otherCrawler))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/monitoring/imports/" + UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, crawler))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void an_unusable_file_is_refused_at_upload_with_a_problem() throws Exception {
        Map<String, Integer> expected = Map.of("url,site,body\n1,2,3\n", 422, "\n\n", 400);
        for (Map.Entry<String, Integer> file : expected.entrySet()) {
            MockHttpServletResponse response = upload(file.getKey().getBytes(StandardCharsets.UTF_8), "x.csv", crawler);
            assertThat(response.getStatus()).as(file.getKey()).isEqualTo(file.getValue());
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
        }
        MockHttpServletResponse badCharset = mvc.perform(multipart("/api/monitoring/imports")
                .file(new MockMultipartFile("file", "x.csv", "text/csv", "a".getBytes(StandardCharsets.UTF_8)))
                .param("charset", "big5").header(HttpHeaders.AUTHORIZATION, crawler)).andReturn().getResponse();
        assertThat(badCharset.getStatus()).isEqualTo(400);
        MockHttpServletResponse noFile = mvc.perform(multipart("/api/monitoring/imports")
                .header(HttpHeaders.AUTHORIZATION, crawler)).andReturn().getResponse();
        assertThat(noFile.getStatus()).isEqualTo(400);
    }

    private MockHttpServletResponse upload(byte[] content, String name, String authorization) throws Exception {
        return mvc.perform(multipart("/api/monitoring/imports")
                .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .header(HttpHeaders.AUTHORIZATION, authorization)).andReturn().getResponse();
    }

    private JsonNode awaitFinished(String id, String authorization) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            MockHttpServletResponse r = mvc.perform(get("/api/monitoring/imports/" + id)
                    .header(HttpHeaders.AUTHORIZATION, authorization)).andReturn().getResponse();
            assertThat(r.getStatus()).isEqualTo(200);
            JsonNode status = json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
            if (List.of("DONE", "FAILED").contains(status.path("state").asString())) {
                return status;
            }
            assertThat(Instant.now()).as("import %s still %s", id, status.path("state").asString()).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
