package org.yuqing.publishing.statements;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.publishing.PublishingIntegrationTest;
import org.yuqing.publishing.renditions.Master;
import org.yuqing.publishing.renditions.Renditions;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Drafting templates per kind, the versions every edit leaves with a readable diff between any two, and the
 * renditions of a statement shown side by side and bound into the hash its approvals sign.
 */
class VersionsRenditionsAndTemplatesTest extends PublishingIntegrationTest {

    @Autowired
    private Renditions renditions;

    @Test
    void every_kind_has_a_chinese_template_that_guides_the_drafter() throws Exception {
        JsonNode templates = body(mvc.perform(get("/api/publishing/templates")).andReturn());

        assertThat(templates.valueStream().map(t -> t.path("kind").asString()).toList())
                .containsExactly("FACT_REPORT", "CAUSE_STATEMENT", "PROGRESS_UPDATE", "RUMOUR_REBUTTAL",
                        "FORMAL_STATEMENT", "PRESS_RELEASE", "POST_REPLY", "PRESS_CONFERENCE_NOTICE",
                        "CORRECTION_NOTICE");
        assertThat(templates.valueStream()).allSatisfy(t -> {
            assertThat(t.path("kindName").asString()).isNotBlank();
            assertThat(t.path("guidance").asString()).isNotBlank();
            assertThat(t.path("title").asString()).contains("〔");
            assertThat(t.path("body").asString()).contains("〔");
        });
        assertThat(template(templates, "FACT_REPORT").path("guidance").asString()).startsWith("快报事实");
        assertThat(template(templates, "CAUSE_STATEMENT").path("guidance").asString()).startsWith("慎报原因");
        assertThat(template(templates, "PROGRESS_UPDATE").path("guidance").asString()).startsWith("重报进展");
        assertThat(template(templates, "RUMOUR_REBUTTAL").path("kindName").asString()).isEqualTo("辟谣");
    }

    @Test
    void every_change_of_the_text_is_a_version_and_saving_the_same_text_is_none() throws Exception {
        UUID id = draft(openMajorCase(), "关于化工厂泄漏的情况通报", "今日上午10时发生泄漏。\n暂无人员伤亡。");
        edit(id, "关于化工厂泄漏的情况通报", "今日上午11时发生泄漏。\n暂无人员伤亡。", "li.editor");
        edit(id, "关于化工厂泄漏的情况通报", "今日上午11时发生泄漏。\n暂无人员伤亡。", "li.editor");
        JsonNode latest = edit(id, "关于东湖化工厂泄漏的情况通报", "今日上午11时发生泄漏。\n暂无人员伤亡。\n事故原因正在调查。",
                "wu.editor");

        JsonNode versions = body(mvc.perform(get("/api/publishing/statements/" + id + "/versions")).andReturn());

        assertThat(versions.valueStream().map(v -> v.path("version").asInt() + ":" + v.path("editedBy").asString()
                + ":" + v.path("current").asBoolean()).toList())
                .containsExactly("1:drafter:false", "2:li.editor:false", "3:wu.editor:true");
        assertThat(versions.get(0).path("body").asString()).isEqualTo("今日上午10时发生泄漏。\n暂无人员伤亡。");
        assertThat(versions.get(2).path("contentHash").asString()).isEqualTo(latest.path("contentHash").asString());
        assertThat(versions.get(0).path("contentHash").asString())
                .isNotEqualTo(versions.get(1).path("contentHash").asString());
    }

    @Test
    void the_diff_of_two_versions_shows_the_changed_lines_and_characters() throws Exception {
        UUID id = draft(openMajorCase(), "关于化工厂泄漏的情况通报", "今日上午10时发生泄漏。\n暂无人员伤亡。");
        edit(id, "关于东湖化工厂泄漏的情况通报", "今日上午11时发生泄漏。\n暂无人员伤亡。\n事故原因正在调查。", "li.editor");

        MvcResult result = mvc.perform(get("/api/publishing/statements/" + id + "/versions/1/diff/2")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        JsonNode diff = body(result);
        assertThat(diff.path("identical").asBoolean()).isFalse();
        assertThat(diff.path("unified").asString()).isEqualTo("""
                --- 第1版
                +++ 第2版
                @@ -1,4 +1,5 @@
                -关于化工厂泄漏的情况通报
                +关于东湖化工厂泄漏的情况通报
                \s
                -今日上午10时发生泄漏。
                +今日上午11时发生泄漏。
                 暂无人员伤亡。
                +事故原因正在调查。
                """);
        assertThat(diff.path("lines").valueStream().filter(l -> l.path("op").asString().equals("+"))
                .map(l -> l.path("inline").asString(null)).toList())
                .containsExactly("关于{+东湖+}化工厂泄漏的情况通报", "今日上午1[-0-]{+1+}时发生泄漏。", null);
        JsonNode back = body(mvc.perform(get("/api/publishing/statements/" + id + "/versions/2/diff/1")).andReturn());
        assertThat(back.path("unified").asString()).contains("-事故原因正在调查。");
        JsonNode same = body(mvc.perform(get("/api/publishing/statements/" + id + "/versions/2/diff/2")).andReturn());
        assertThat(same.path("identical").asBoolean()).isTrue();
        assertThat(same.path("unified").asString()).isEmpty();
    }

    @Test
    void a_diff_with_an_unknown_version_or_a_malformed_one_is_a_problem() throws Exception {
        UUID id = draft(openMajorCase(), "情况通报", "正文");

        MvcResult unknown = mvc.perform(get("/api/publishing/statements/" + id + "/versions/1/diff/7")).andReturn();
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(unknown.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(body(unknown).path("type").asString()).isEqualTo("urn:yuqing:publishing:version-not-found");
        MvcResult malformed = mvc.perform(get("/api/publishing/statements/" + id + "/versions/x/diff/1")).andReturn();
        assertThat(malformed.getResponse().getStatus()).isEqualTo(400);
        assertThat(mvc.perform(get("/api/publishing/statements/" + UUID.randomUUID() + "/versions")).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void the_renditions_are_shown_side_by_side_and_their_hash_is_the_one_approvals_bind() throws Exception {
        UUID id = draft(openMajorCase(), "关于化工厂泄漏的情况通报", "今日上午发生泄漏。\n<b>暂无人员伤亡</b>");
        approveAll(id);

        JsonNode view = body(mvc.perform(get("/api/publishing/statements/" + id + "/renditions")).andReturn());

        assertThat(view.path("renditions").valueStream().map(r -> r.path("channel").asString()).toList())
                .containsExactly("website", "email", "sms", "microblog", "wechat", "robot");
        String url = PUBLIC_BASE + "/public/statements/" + id;
        String hash = renditions.contentHash(new Master(id, "事实通报", "关于化工厂泄漏的情况通报",
                "今日上午发生泄漏。\n<b>暂无人员伤亡</b>", url));
        assertThat(view.path("contentHash").asString()).isEqualTo(hash);
        JsonNode statement = body(mvc.perform(get("/api/publishing/statements/" + id)).andReturn());
        assertThat(statement.path("contentHash").asString()).isEqualTo(hash);
        assertThat(jdbc.queryForList("select distinct content_hash from publishing.approval where statement_id = ?",
                String.class, id)).containsExactly(hash);
        assertThat(rendition(view, "website").path("content").asString()).contains("&lt;b&gt;暂无人员伤亡&lt;/b&gt;");
        assertThat(rendition(view, "email").path("subject").asString()).isEqualTo("【事实通报】关于化工厂泄漏的情况通报");
        assertThat(rendition(view, "sms").path("segments").get(0).asString()).matches("\\(1/\\d\\)【新闻发布办公室】.*");
        assertThat(rendition(view, "robot").path("content").asString()).endsWith("[查看全文](" + url + ")");
    }

    @Test
    void an_approval_of_renditions_that_no_longer_match_does_not_release_the_statement() throws Exception {
        UUID id = draft(openMajorCase(), "情况通报", "正文");
        approveAll(id);
        // as if the renditions changed (another public address, another office) after the approvals were given
        String stale = "0".repeat(64);
        jdbc.update("update publishing.statement set content_hash = ? where id = ?", stale, id);
        jdbc.update("update publishing.approval set content_hash = ? where statement_id = ?", stale, id);

        MvcResult refused = publish(id);

        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(refused).path("type").asString()).isEqualTo("urn:yuqing:publishing:renditions-changed");
        assertThat(jdbc.queryForObject("select count(*) from publishing.release where statement_id = ?", Long.class, id))
                .isZero();
        JsonNode resaved = edit(id, "情况通报", "正文", "drafter");
        assertThat(resaved.path("state").asString()).as("saving again voids the stale approvals").isEqualTo("DRAFT");
        assertThat(resaved.path("nextStep").asString()).isEqualTo(ApprovalStep.UNIT_HEAD.name());
    }

    private JsonNode edit(UUID id, String title, String body, String editor) throws Exception {
        MvcResult r = mvc.perform(put("/api/publishing/statements/" + id).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, as(editor))
                .content(json.writeValueAsString(Map.of("title", title, "body", body)))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        return body(r);
    }

    private static JsonNode template(JsonNode templates, String kind) {
        return templates.valueStream().filter(t -> t.path("kind").asString().equals(kind)).findFirst().orElseThrow();
    }

    private static JsonNode rendition(JsonNode view, String channel) {
        return view.path("renditions").valueStream().filter(r -> r.path("channel").asString().equals(channel))
                .findFirst().orElseThrow();
    }
}
