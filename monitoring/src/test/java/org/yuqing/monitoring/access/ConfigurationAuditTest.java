package org.yuqing.monitoring.access;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yuqing.monitoring.MonitoringIntegrationTest;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** Topic and source changes are configuration changes: each one is in the audit with who did it. */
class ConfigurationAuditTest extends MonitoringIntegrationTest {

    private final String login = "monitor-" + UUID.randomUUID();
    private final String monitor = TestTokens.shared().user(login).roles(Role.MONITOR).units(UNIT).bearer();

    @Test
    void creating_changing_and_deleting_a_topic_and_a_source_are_each_audited_as_a_configuration_change() throws Exception {
        String word = uniqueWord();
        UUID topic = id(send(post("/api/monitoring/topics"), Map.of("name", "审计主题", "unitId", UNIT,
                "regionWords", List.of(word)), 201));
        send(put("/api/monitoring/topics/" + topic), Map.of("name", "审计主题（改）", "unitId", UNIT,
                "regionWords", List.of(word, "别名")), 200);
        send(delete("/api/monitoring/topics/" + topic), null, 204);
        UUID source = id(send(post("/api/monitoring/sources"), Map.of("name", "审计源", "url", "http://127.0.0.1:9/a.xml",
                "unitId", UNIT, "enabled", false), 201));
        JsonNode changed = send(put("/api/monitoring/sources/" + source), Map.of("name", "审计源（改）",
                "url", "http://127.0.0.1:9/b.xml", "unitId", UNIT, "pollInterval", "PT1H", "enabled", false), 200);
        send(delete("/api/monitoring/sources/" + source), null, 204);

        assertThat(changed.path("name").asString()).isEqualTo("审计源（改）");
        assertThat(changed.path("url").asString()).isEqualTo("http://127.0.0.1:9/b.xml");
        assertThat(changed.path("pollInterval").asString()).isEqualTo("PT1H");
        assertThat(jdbc.queryForList("select action || ' ' || target || ' ' || outcome from monitoring.audit_event"
                + " where actor = ? order by id", String.class, login)).containsExactly(
                "CONFIG_CHANGE topic " + topic + " DONE",
                "CONFIG_CHANGE topic " + topic + " DONE",
                "CONFIG_CHANGE topic " + topic + " DONE",
                "CONFIG_CHANGE source " + source + " DONE",
                "CONFIG_CHANGE source " + source + " DONE",
                "CONFIG_CHANGE source " + source + " DONE");
        assertThat(jdbc.queryForList("select detail from monitoring.audit_event where actor = ? order by id", String.class, login))
                .first().asString().contains("created 审计主题").contains(UNIT);
        assertThat(send(get("/api/monitoring/topics/" + topic), null, 404)).isNotNull();
        assertThat(send(get("/api/monitoring/sources/" + source), null, 404)).isNotNull();
    }

    @Test
    void the_audit_api_shows_the_changes_to_administrators() throws Exception {
        UUID topic = id(send(post("/api/monitoring/topics"), Map.of("name", "审计主题", "unitId", UNIT,
                "regionWords", List.of(uniqueWord())), 201));
        String admin = TestTokens.shared().user("admin").roles(Role.ADMIN).units(UNIT).bearer();

        String audit = mvc.perform(get("/api/monitoring/audit").param("limit", "1000")
                        .header(HttpHeaders.AUTHORIZATION, admin)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(audit).contains("topic " + topic).contains(login);
    }

    @Test
    void a_topic_that_opened_incidents_cannot_be_deleted_and_nothing_is_audited() throws Exception {
        String word = uniqueWord();
        UUID topic = id(send(post("/api/monitoring/topics"), Map.of("name", "有事件的主题", "unitId", UNIT,
                "regionWords", List.of(word)), 201));
        submitted(aPost("https://audit.example.cn/" + UUID.randomUUID(), "audit.example.cn", word, word + "事件", hoursAgo(1), 1));

        JsonNode problem = send(delete("/api/monitoring/topics/" + topic), null, 409);

        assertThat(problem.path("type").asString()).isEqualTo("urn:yuqing:problem:topic-in-use");
        assertThat(jdbc.queryForObject("select count(*) from monitoring.audit_event where actor = ? and target = ?",
                Integer.class, login, "topic " + topic)).isEqualTo(1);
        assertThat(send(get("/api/monitoring/topics/" + topic), null, 200).path("id").asString()).isEqualTo(topic.toString());
    }

    private JsonNode send(MockHttpServletRequestBuilder request, Map<String, Object> body, int expectedStatus) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, monitor);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String content = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(content).isEqualTo(expectedStatus);
        return content.isEmpty() ? json.createObjectNode() : json.readTree(content);
    }

    private static UUID id(JsonNode body) {
        return UUID.fromString(body.path("id").asString());
    }
}
