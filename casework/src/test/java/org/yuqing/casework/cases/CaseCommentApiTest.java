package org.yuqing.casework.cases;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.yuqing.platform.stack.StackTestProperties;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.casework.cases.Fixtures.T0;

@CaseworkIntegrationTest
class CaseCommentApiTest {

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry r) {
        StackTestProperties.postgres(r);
        TestTokens.shared().register(r);
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    TestClock clock;
    @Autowired
    TestCaller caller;

    String unit;

    @BeforeEach
    void setUp() {
        unit = "unit-" + UUID.randomUUID();
        caller.is("sun", unit);
        clock.set(T0);
    }

    @Test
    void a_comment_is_appended_to_the_timeline_with_its_author_and_time() {
        UUID id = openCase();
        clock.set(T0.plus(Duration.ofMinutes(5)));

        JsonNode detail = body(comment(id, "{\"text\":\"  已联系厂方核实，待回复  \"}"), HttpStatus.CREATED);

        JsonNode last = detail.path("timeline").get(detail.path("timeline").size() - 1);
        assertThat(last.path("kind").asString()).isEqualTo("COMMENTED");
        assertThat(last.path("summary").asString()).isEqualTo("批注：已联系厂方核实，待回复");
        assertThat(last.path("actor").asString()).isEqualTo("sun");
        assertThat(last.path("at").asString()).isEqualTo("2026-11-21T08:05:00Z");
        assertThat(last.path("detail").path("text").asString()).isEqualTo("已联系厂方核实，待回复");
    }

    @Test
    void an_empty_an_overlong_or_a_malformed_comment_and_an_unknown_case_are_problems() {
        UUID id = openCase();

        assertThat(comment(id, "{\"text\":\" \"}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(comment(id, "{\"text\":")).hasStatus(HttpStatus.BAD_REQUEST);
        MvcTestResult overlong = comment(id, "{\"text\":\"" + "长".repeat(CaseController.MAX_COMMENT + 1) + "\"}");
        assertThat(overlong).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(overlong.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(comment(UUID.randomUUID(), "{\"text\":\"无此案件\"}")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(body(mvc.get().uri("/api/casework/cases/{id}", id).exchange(), HttpStatus.OK).path("timeline")
                .size()).isOne();
    }

    private MvcTestResult comment(UUID id, String body) {
        return mvc.post().uri("/api/casework/cases/{id}/comments", id).contentType(MediaType.APPLICATION_JSON)
                .content(body).exchange();
    }

    private UUID openCase() {
        MvcTestResult opened = mvc.post().uri("/api/casework/cases").contentType(MediaType.APPLICATION_JSON)
                .content("{\"incidentId\":\"" + UUID.randomUUID() + "\",\"title\":\"化工厂泄漏\",\"unitId\":\"" + unit
                        + "\",\"level\":\"SERIOUS\",\"reason\":\"网民集中反映\"}").exchange();
        return UUID.fromString(body(opened, HttpStatus.CREATED).path("id").asString());
    }

    private JsonNode body(MvcTestResult result, HttpStatus status) {
        assertThat(result).hasStatus(status);
        return json.readTree(result.getResponse().getContentAsByteArray());
    }
}
