package org.yuqing.publishing.site;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.yuqing.publishing.PublishingIntegrationTest;
import org.yuqing.security.Role;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * 撤回 and 更正 as the public sees them: the page of a retracted statement says so with the reason and no longer
 * shows the text, its Atom entry is updated; a correction notice goes through the approval chain, and once out the
 * two pages and the two Atom entries link each other (RFC 4287 {@code rel="related"}), read with an independent
 * feed parser.
 */
class RetractionAndCorrectionTest extends PublishingIntegrationTest {

    @Test
    void a_retracted_statement_shows_the_retraction_and_its_reason_and_its_atom_entry_is_updated() throws Exception {
        String marker = UUID.randomUUID().toString();
        UUID id = publishedStatement("将被撤回的通报 " + marker, "原文内容 " + marker);
        Date before = entry(feed(), id).getUpdatedDate();

        MvcResult retracted = retract(id, "信息有误 <待核实>", as("spokesperson"));

        assertThat(retracted.getResponse().getStatus()).isEqualTo(200);
        String page = page(id);
        assertThat(page).contains("class=\"retracted\"").contains("撤回原因：信息有误 &lt;待核实&gt;")
                .doesNotContain("原文内容 " + marker);
        SyndEntry entry = entry(feed(), id);
        assertThat(entry.getTitle()).isEqualTo("【已撤回】将被撤回的通报 " + marker);
        assertThat(entry.getUpdatedDate()).isAfterOrEqualTo(before);
        assertThat(entry.getContents().getFirst().getValue()).contains("撤回原因：信息有误 &lt;待核实&gt;")
                .doesNotContain("原文内容");
        assertThat(list()).contains("【已撤回】");
        assertThat(jdbc.queryForList("select detail from publishing.audit_event where action = 'RELEASE' and target = ?"
                + " and actor = 'spokesperson' order by id", String.class, "statement " + id))
                .last().asString().isEqualTo("retracted: 信息有误 <待核实>");
    }

    @Test
    void a_correction_notice_goes_through_the_approval_chain_and_then_both_pages_and_entries_link_each_other()
            throws Exception {
        UUID original = publishedStatement("关于东湖化工厂事故的情况通报 " + UUID.randomUUID(), "受伤 3 人。");

        MvcResult drafted = correct(original, as("spokesperson"));
        assertThat(drafted.getResponse().getStatus()).as(drafted.getResponse().getContentAsString()).isEqualTo(201);
        UUID notice = UUID.fromString(body(drafted).path("id").asString());
        assertThat(body(drafted).path("kind").asString()).isEqualTo("CORRECTION_NOTICE");
        assertThat(body(drafted).path("corrects").asString()).isEqualTo(original.toString());
        assertThat(body(drafted).path("state").asString()).isEqualTo("DRAFT");
        assertThat(correct(original, as("spokesperson")).getResponse().getStatus())
                .as("one notice in progress at a time").isEqualTo(409);
        assertThat(publish(notice).getResponse().getStatus()).as("not without its approvals").isEqualTo(409);
        assertThat(page(original)).doesNotContain("更正说明");

        approveAll(notice);
        assertThat(publish(notice).getResponse().getStatus()).isEqualTo(200);

        String originalUrl = PUBLIC_BASE + "/public/statements/" + original;
        String noticeUrl = PUBLIC_BASE + "/public/statements/" + notice;
        assertThat(page(original)).contains("class=\"corrected\"").contains("href=\"" + noticeUrl + "\"")
                .contains("更正原因：伤亡人数有误").contains("受伤 3 人。");
        assertThat(page(notice)).contains("class=\"corrects\"").contains("href=\"" + originalUrl + "\"")
                .contains("受伤 2 人");
        SyndFeed feed = feed();
        SyndEntry corrected = entry(feed, original);
        SyndEntry correction = entry(feed, notice);
        assertThat(corrected.getTitle()).startsWith("【已更正】");
        assertThat(related(corrected)).isEqualTo(noticeUrl);
        assertThat(related(correction)).isEqualTo(originalUrl);
        assertThat(corrected.getUpdatedDate()).isEqualTo(correction.getPublishedDate());
        assertThat(body(mvc.perform(get("/api/publishing/statements/" + original)).andReturn())
                .path("withdrawal").path("noticeId").asString()).isEqualTo(notice.toString());
        assertThat(retract(original, "再撤回", as("spokesperson")).getResponse().getStatus())
                .as("a corrected statement is not withdrawn again").isEqualTo(409);
    }

    @Test
    void only_a_published_statement_is_retracted_or_corrected_and_a_reason_is_required() throws Exception {
        UUID draft = draft(openMajorCase(), "草稿", "正文。");
        UUID published = publishedStatement("已发布的通报 " + UUID.randomUUID(), "正文。");

        assertThat(retract(draft, "原因", as("spokesperson")).getResponse().getStatus()).isEqualTo(409);
        assertThat(correct(draft, as("spokesperson")).getResponse().getStatus()).isEqualTo(409);
        MvcResult noReason = retract(published, " ", as("spokesperson"));
        assertThat(noReason.getResponse().getStatus()).isEqualTo(422);
        assertThat(noReason.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(retract(UUID.randomUUID(), "原因", as("spokesperson")).getResponse().getStatus()).isEqualTo(404);
        assertThat(retract(published, "原因", as("leader", Role.LEADER, Role.ANALYST, Role.ADMIN))
                .getResponse().getStatus()).as("only publishers").isEqualTo(403);
        assertThat(mvc.perform(post("/api/publishing/statements").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("caseId", UUID.randomUUID(), "kind", "CORRECTION_NOTICE",
                        "title", "t", "body", "b")))).andReturn().getResponse().getStatus())
                .as("a notice is drafted for what it corrects").isIn(404, 422);
        assertThat(page(published)).doesNotContain("撤回");
    }

    private MvcResult retract(UUID id, String reason, String authorization) throws Exception {
        return mvc.perform(post("/api/publishing/statements/" + id + "/retract")
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("reason", reason)))).andReturn();
    }

    private MvcResult correct(UUID id, String authorization) throws Exception {
        return mvc.perform(post("/api/publishing/statements/" + id + "/corrections")
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("title", "更正说明", "body",
                        "原通报中“受伤 3 人”有误，应为“受伤 2 人”。特此更正。", "reason", "伤亡人数有误")))).andReturn();
    }

    private String page(UUID id) throws Exception {
        return mvc.perform(get("/public/statements/" + id)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String list() throws Exception {
        return mvc.perform(get("/public/statements")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private SyndFeed feed() throws Exception {
        String xml = mvc.perform(get("/public/statements/feed.atom")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return new SyndFeedInput().build(new StringReader(xml));
    }

    private static SyndEntry entry(SyndFeed feed, UUID id) {
        return feed.getEntries().stream().filter(e -> e.getUri().equals("urn:uuid:" + id)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry for " + id));
    }

    private static String related(SyndEntry entry) {
        return entry.getLinks().stream().filter(l -> "related".equals(l.getRel())).map(SyndLink::getHref)
                .findFirst().orElseThrow(() -> new AssertionError("no related link on " + entry.getUri()));
    }
}
