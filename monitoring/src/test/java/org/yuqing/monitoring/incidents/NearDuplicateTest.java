package org.yuqing.monitoring.incidents;

import org.junit.jupiter.api.Test;
import org.yuqing.monitoring.MonitoringIntegrationTest;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Near-duplicate clustering end to end: a repost of a statement joins the statement's incident whenever it appears. */
class NearDuplicateTest extends MonitoringIntegrationTest {

    /** The same text in every run (the topic's word is in the titles), so the fingerprints are the same every run. */
    private static String report() {
        return "东区化工厂发生氯气泄漏，周边三个小区的居民被紧急疏散。区应急管理局表示，泄漏已于中午前得到控制，"
                + "事故原因正在调查，暂无人员伤亡报告。环保部门在厂区周边设立了四个空气监测点，目前各项指标均已恢复正常。"
                + "据了解，该化工厂主要生产氯碱类产品，建厂已有二十余年，去年曾因安全隐患被责令停产整改三个月。"
                + "附近居民反映，事发时闻到明显刺激性气味，部分老人和儿童出现咳嗽、流泪等症状，已被送往区人民医院检查。";
    }

    @Test
    void a_near_duplicate_published_after_the_window_joins_the_open_incident_as_the_same_statement() throws Exception {
        String region = uniqueWord();
        UUID topic = watch(region);
        JsonNode original = submitted(aPost("https://news.example.cn/nd/" + UUID.randomUUID(), "news.example.cn",
                region + "化工厂氯气泄漏", report(), hoursAgo(240), 100));
        // ten days later, another site, another title, a lightly edited text: outside the 72 h window
        JsonNode repost = submitted(aPost("https://bbs.example.cn/nd/" + UUID.randomUUID(), "bbs.example.cn",
                "转：" + region + "突发！", report().replace("三个小区", "3个小区"),
                hoursAgo(1), 10));

        String incident = original.path("incidentIds").get(0).asString();
        assertThat(texts(repost.path("incidentIds"))).containsExactly(incident);
        JsonNode view = getJson("/api/monitoring/incidents/" + incident);
        assertThat(view.path("duplicates").asInt()).isEqualTo(1);
        assertThat(view.path("metrics").path("volume").asLong()).isEqualTo(2);
        assertThat(view.path("metrics").path("maxSitesPerStatement").asInt()).isEqualTo(2);
        assertThat(getJson("/api/monitoring/incidents?topicId=" + topic).get(0).path("duplicates").asInt()).isEqualTo(1);
    }

    @Test
    void a_different_text_after_the_window_still_opens_a_new_incident_without_duplicates() throws Exception {
        String region = uniqueWord();
        watch(region);
        JsonNode original = submitted(aPost("https://news.example.cn/nd/" + UUID.randomUUID(), "news.example.cn",
                region + "化工厂氯气泄漏", report(), hoursAgo(240), 100));
        JsonNode other = submitted(aPost("https://news.example.cn/nd/" + UUID.randomUUID(), "news.example.cn",
                region + "化工厂再次泄漏", region + "化工厂今晨再次发生泄漏，消防部门已到场处置，具体情况有待官方通报。",
                hoursAgo(1), 10));

        String first = original.path("incidentIds").get(0).asString();
        String second = other.path("incidentIds").get(0).asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(getJson("/api/monitoring/incidents/" + first).path("duplicates").asInt()).isZero();
        assertThat(getJson("/api/monitoring/incidents/" + second).path("duplicates").asInt()).isZero();
    }

    @Test
    void resubmitting_the_original_does_not_count_it_as_a_duplicate_of_itself() throws Exception {
        String region = uniqueWord();
        watch(region);
        var post = aPost("https://news.example.cn/nd/" + UUID.randomUUID(), "news.example.cn",
                region + "化工厂氯气泄漏", report(), hoursAgo(5), 100);
        String incident = submitted(post).path("incidentIds").get(0).asString();
        post.put("metrics", java.util.Map.of("reads", 500));
        submitted(post);

        assertThat(getJson("/api/monitoring/incidents/" + incident).path("duplicates").asInt()).isZero();
    }
}
