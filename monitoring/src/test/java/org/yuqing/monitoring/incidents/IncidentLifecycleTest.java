package org.yuqing.monitoring.incidents;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.yuqing.monitoring.MonitoringIntegrationTest;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class IncidentLifecycleTest extends MonitoringIntegrationTest {

    record OutboxRow(String type, JsonNode payload) {
    }

    @Test
    void a_post_matching_chemical_plant_and_explosion_opens_an_incident_and_publishes_incident_detected() throws Exception {
        String region = uniqueWord();
        UUID topic = topic(List.of(region), List.of("化工厂"), List.of("爆炸", "泄漏"), List.of());

        JsonNode receipt = submitted(aPost("https://bbs.example.cn/t/" + UUID.randomUUID(), "bbs.example.cn",
                region + "化工厂发生爆炸", "今晨" + region + "一化工厂发生爆炸，现场浓烟滚滚。", hoursAgo(2), 120));

        assertThat(texts(receipt.path("matchedTopicIds"))).containsExactly(topic.toString());
        assertThat(receipt.path("incidentIds")).hasSize(1);
        String incidentId = receipt.path("incidentIds").get(0).asString();

        JsonNode incident = getJson("/api/monitoring/incidents/" + incidentId);
        assertThat(incident.path("topicId").asString()).isEqualTo(topic.toString());
        assertThat(incident.path("unitId").asString()).isEqualTo("district");
        assertThat(incident.path("title").asString()).isEqualTo(region + "化工厂发生爆炸");
        assertThat(incident.path("state").asString()).isEqualTo("OPEN");
        assertThat(incident.path("metrics").path("volume").asLong()).isEqualTo(1);
        assertThat(incident.path("metrics").path("reads").asLong()).isEqualTo(120);
        assertThat(incident.path("metrics").path("volume24h").asLong()).isEqualTo(1);
        assertThat(incident.path("metrics").path("mainstreamOutlets").asInt()).isZero();

        List<OutboxRow> events = outbox(incidentId);
        assertThat(events).extracting(OutboxRow::type).containsExactly("IncidentDetected");
        JsonNode detected = events.getFirst().payload();
        assertThat(detected.path("topicId").asString()).isEqualTo(topic.toString());
        assertThat(detected.path("unitId").asString()).isEqualTo("district");
        assertThat(detected.path("metrics").path("volume").asLong()).isEqualTo(1);
        assertThat(detected.path("metrics").path("reads").asLong()).isEqualTo(120);
        assertThat(detected.path("metrics").path("comments").asLong()).isEqualTo(2);
        assertThat(detected.path("metrics").path("reposts").asLong()).isEqualTo(3);
        assertThat(detected.path("metrics").path("distinctSites").asInt()).isEqualTo(1);
    }

    @Test
    void a_second_post_from_a_mainstream_site_updates_the_incident_and_publishes_metrics_changed() throws Exception {
        String region = uniqueWord();
        topic(List.of(region), List.of("化工厂"), List.of("爆炸", "泄漏"), List.of());
        String title = region + "化工厂氯气泄漏";
        JsonNode first = submitted(aPost("https://bbs.example.cn/t/" + UUID.randomUUID(), "bbs.example.cn",
                title, "网友爆料" + region + "化工厂泄漏。", hoursAgo(3), 100));
        JsonNode second = submitted(aPost("http://society.people.com.cn/n1/" + UUID.randomUUID() + ".html",
                "society.people.com.cn", title + "！", "人民网讯 " + region + "化工厂发生氯气泄漏。", hoursAgo(1), 900));

        String incidentId = first.path("incidentIds").get(0).asString();
        assertThat(texts(second.path("incidentIds"))).containsExactly(incidentId);

        JsonNode metrics = getJson("/api/monitoring/incidents/" + incidentId).path("metrics");
        assertThat(metrics.path("volume").asLong()).isEqualTo(2);
        assertThat(metrics.path("reads").asLong()).isEqualTo(1000);
        assertThat(metrics.path("distinctSites").asInt()).isEqualTo(2);
        assertThat(metrics.path("mainstreamOutlets").asInt()).isEqualTo(1);
        assertThat(metrics.path("maxSitesPerStatement").asInt()).isEqualTo(2);

        List<OutboxRow> events = outbox(incidentId);
        assertThat(events).extracting(OutboxRow::type).containsExactly("IncidentDetected", "IncidentMetricsChanged");
        JsonNode changed = events.get(1).payload();
        assertThat(changed.path("unitId").asString()).isEqualTo("district");
        assertThat(changed.path("metrics").path("volume").asLong()).isEqualTo(2);
        assertThat(changed.path("metrics").path("mainstreamOutlets").asInt()).isEqualTo(1);
    }

    @Test
    void re_submitting_the_same_url_replaces_its_figures_without_adding_volume() throws Exception {
        String region = uniqueWord();
        topic(List.of(region), List.of("化工厂"), List.of("爆炸"), List.of());
        Map<String, Object> post = aPost("https://news.example.cn/a/" + UUID.randomUUID(), "news.example.cn",
                region + "化工厂爆炸", region + "化工厂爆炸后续", hoursAgo(5), 100);
        JsonNode first = submitted(post);
        post.put("metrics", Map.of("reads", 700, "comments", 2, "reposts", 3, "likes", 4));
        JsonNode second = submitted(post);
        JsonNode third = submitted(post);

        assertThat(second.path("id").asString()).isEqualTo(first.path("id").asString());
        assertThat(third.path("incidentIds")).isEqualTo(first.path("incidentIds"));
        String incidentId = first.path("incidentIds").get(0).asString();
        JsonNode metrics = getJson("/api/monitoring/incidents/" + incidentId).path("metrics");
        assertThat(metrics.path("volume").asLong()).isEqualTo(1);
        assertThat(metrics.path("reads").asLong()).isEqualTo(700);
        // the third submission changed nothing, so it published nothing
        assertThat(outbox(incidentId)).extracting(OutboxRow::type).containsExactly("IncidentDetected", "IncidentMetricsChanged");
    }

    @Test
    void a_post_published_beyond_the_incident_window_opens_a_new_incident() throws Exception {
        String region = uniqueWord();
        UUID topic = topic(List.of(region), List.of("化工厂"), List.of("爆炸"), List.of());
        JsonNode old = submitted(aPost("https://news.example.cn/old/" + UUID.randomUUID(), "news.example.cn",
                region + "化工厂爆炸", "十天前的报道：" + region + "化工厂爆炸", hoursAgo(240), 10));
        JsonNode recent = submitted(aPost("https://news.example.cn/new/" + UUID.randomUUID(), "news.example.cn",
                region + "化工厂再次爆炸", region + "化工厂再次发生爆炸", hoursAgo(1), 10));

        String oldIncident = old.path("incidentIds").get(0).asString();
        String newIncident = recent.path("incidentIds").get(0).asString();
        assertThat(newIncident).isNotEqualTo(oldIncident);
        assertThat(getJson("/api/monitoring/incidents/" + oldIncident).path("metrics").path("volume24h").asLong()).isZero();

        JsonNode list = getJson("/api/monitoring/incidents?topicId=" + topic);
        assertThat(list.valueStream().map(i -> i.path("id").asString()).toList()).containsExactly(newIncident, oldIncident);
        assertThat(list.get(0).path("metrics").path("volume").asLong()).isEqualTo(1);
    }

    @Test
    void an_unknown_incident_is_a_404_problem() throws Exception {
        for (String id : List.of(UUID.randomUUID().toString(), "not-an-id")) {
            MvcResult r = mvc.perform(get("/api/monitoring/incidents/" + id)).andReturn();
            assertThat(r.getResponse().getStatus()).isEqualTo(404);
            assertThat(MediaType.parseMediaType(r.getResponse().getContentType())).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            JsonNode problem = body(r);
            assertThat(problem.path("status").asInt()).isEqualTo(404);
            assertThat(problem.path("detail").asString()).contains(id);
        }
    }

    @Test
    void an_out_of_range_limit_is_a_400_problem() throws Exception {
        MvcResult r = mvc.perform(get("/api/monitoring/incidents?limit=0")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(r).path("errors").get(0).path("field").asString()).isEqualTo("limit");
    }

    private List<OutboxRow> outbox(String incidentId) {
        return jdbc.query("select event_type, payload::text from monitoring.outbox where aggregate_id = ? order by position",
                (rs, i) -> new OutboxRow(rs.getString(1), json.readTree(rs.getString(2))), incidentId);
    }
}
