package org.yuqing.casework.tasks;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.yuqing.casework.cases.CaseworkIntegrationTest;
import org.yuqing.casework.cases.TestCaller;
import org.yuqing.casework.cases.TestClock;
import org.yuqing.casework.ledger.Ledger;
import org.yuqing.casework.ledger.LedgerEntry;
import org.yuqing.platform.stack.StackTestProperties;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.casework.cases.Fixtures.T0;

@CaseworkIntegrationTest
class TaskApiTest {

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
    Ledger ledger;
    @Autowired
    TestCaller caller;

    String unit;
    String subUnit;

    @BeforeEach
    void setUp() {
        unit = "unit-" + UUID.randomUUID();
        subUnit = unit + "-street";
        caller.is("zhao", unit);
        clock.set(T0);
    }

    @Test
    void a_task_given_to_a_unit_is_listed_on_the_case_shows_when_overdue_and_is_completed_on_the_record() {
        UUID id = openCase();
        JsonNode task = body(assign(id, unit, "核实现场情况", "2026-11-21T10:00:00Z", caller.bearer()),
                HttpStatus.CREATED);
        assertThat(task.path("status").asString()).isEqualTo("OPEN");
        assertThat(task.path("statusText").asString()).isEqualTo("办理中");
        assertThat(task.path("createdBy").asString()).isEqualTo("zhao");

        JsonNode listed = caseDetail(id).path("tasks").get(0);
        assertThat(listed.path("id").asString()).isEqualTo(task.path("id").asString());
        assertThat(listed.path("overdue").asBoolean()).isFalse();

        clock.set(T0.plus(Duration.ofHours(2)).plusSeconds(1));
        JsonNode overdue = caseDetail(id).path("tasks").get(0);
        assertThat(overdue.path("overdue").asBoolean()).isTrue();
        assertThat(overdue.path("statusText").asString()).isEqualTo("已超期");

        JsonNode done = body(mvc.post().uri("/api/casework/cases/{id}/tasks/{t}/complete", id,
                task.path("id").asString()).exchange(), HttpStatus.OK);
        assertThat(done.path("status").asString()).isEqualTo("DONE");
        assertThat(done.path("statusText").asString()).isEqualTo("超期办结");
        assertThat(done.path("completedBy").asString()).isEqualTo("zhao");
        assertThat(caseDetail(id).path("tasks").get(0).path("overdue").asBoolean()).isFalse();
        assertThat(kinds(id)).containsSubsequence("TASK_ASSIGNED", "TASK_COMPLETED");
        assertThat(ledger.entriesOf(id).stream().map(LedgerEntry::kind).toList())
                .containsSubsequence("TASK_ASSIGNED", "TASK_COMPLETED");
        assertThat(ledger.entriesOf(id).getLast().summary()).isEqualTo("任务《核实现场情况》办结（超期）");
        assertThat(ledger.entriesOf(id).getLast().actor()).isEqualTo("zhao");
    }

    @Test
    void a_case_with_an_open_task_cannot_be_closed_until_the_task_is_completed() {
        UUID id = subsidedAndReviewed();
        JsonNode task = body(assign(id, unit, "整改回头看", "2026-11-25T00:00:00Z", caller.bearer()),
                HttpStatus.CREATED);
        assertThat(caseDetail(id).path("nextStates").toString()).doesNotContain("REVIEWED");

        MvcTestResult refused = transition(id, "REVIEWED");
        assertThat(refused).hasStatus(HttpStatus.CONFLICT);
        assertThat(refused.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(json.readTree(refused.getResponse().getContentAsByteArray()).path("detail").asString())
                .contains("1 open task");
        assertThat(caseDetail(id).path("state").asString()).isEqualTo("SUBSIDED");

        body(mvc.post().uri("/api/casework/cases/{id}/tasks/{t}/complete", id, task.path("id").asString()).exchange(),
                HttpStatus.OK);
        assertThat(caseDetail(id).path("nextStates").toString()).contains("REVIEWED");
        assertThat(transition(id, "REVIEWED")).hasStatusOk();
        assertThat(assign(id, unit, "再交办", "2026-11-26T00:00:00Z", caller.bearer()))
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void tasks_go_only_to_units_in_the_callers_scope_and_below() {
        UUID id = openCase();
        String parentUser = TestTokens.shared().user("qian").units(unit).scope(unit, subUnit).bearer();

        assertThat(assign(id, subUnit, "街道核实", "2026-11-22T00:00:00Z", parentUser)).hasStatus(HttpStatus.CREATED);
        MvcTestResult outside = assign(id, "other-" + unit, "越权交办", "2026-11-22T00:00:00Z", parentUser);
        assertThat(outside).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(outside.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(caseDetail(id).path("tasks").size()).isOne();
    }

    @Test
    void malformed_past_unknown_and_repeated_task_requests_are_problems() {
        UUID id = openCase();
        assertThat(mvc.post().uri("/api/casework/cases/{id}/tasks", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"unitId\":\"" + unit + "\"}").exchange()).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.post().uri("/api/casework/cases/{id}/tasks", id).contentType(MediaType.APPLICATION_JSON)
                .content("{not json").exchange()).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(assign(id, unit, "过去的期限", "2026-11-21T07:59:59Z", caller.bearer()))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(mvc.post().uri("/api/casework/cases/{id}/tasks/{t}/complete", id, UUID.randomUUID()).exchange())
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(assign(UUID.randomUUID(), unit, "无此案件", "2026-11-22T00:00:00Z", caller.bearer()))
                .hasStatus(HttpStatus.NOT_FOUND);

        String task = body(assign(id, unit, "一次办结", "2026-11-22T00:00:00Z", caller.bearer()), HttpStatus.CREATED)
                .path("id").asString();
        body(mvc.post().uri("/api/casework/cases/{id}/tasks/{t}/complete", id, task).exchange(), HttpStatus.OK);
        MvcTestResult again = mvc.post().uri("/api/casework/cases/{id}/tasks/{t}/complete", id, task).exchange();
        assertThat(again).hasStatus(HttpStatus.CONFLICT);
        assertThat(again.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    private MvcTestResult assign(UUID caseId, String toUnit, String title, String dueAt, String bearer) {
        return mvc.post().uri("/api/casework/cases/{id}/tasks", caseId).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .content("{\"unitId\":\"" + toUnit + "\",\"title\":\"" + title + "\",\"dueAt\":\"" + dueAt + "\"}")
                .exchange();
    }

    private MvcTestResult transition(UUID id, String to) {
        return mvc.post().uri("/api/casework/cases/{id}/transitions", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"to\":\"" + to + "\"}").exchange();
    }

    private UUID openCase() {
        MvcTestResult opened = mvc.post().uri("/api/casework/cases").contentType(MediaType.APPLICATION_JSON)
                .content("{\"incidentId\":\"" + UUID.randomUUID() + "\",\"title\":\"化工厂泄漏\",\"unitId\":\"" + unit
                        + "\",\"level\":\"SERIOUS\",\"reason\":\"网民集中反映\"}").exchange();
        return UUID.fromString(body(opened, HttpStatus.CREATED).path("id").asString());
    }

    private UUID subsidedAndReviewed() {
        UUID id = openCase();
        assertThat(mvc.post().uri("/api/casework/cases/{id}/reports", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"WRITTEN\",\"to\":[\"区委宣传部\"]}").exchange()).hasStatus(HttpStatus.CREATED);
        for (String to : List.of("RESPONDING", "TRACKING", "SUBSIDED")) {
            assertThat(transition(id, to)).hasStatusOk();
        }
        assertThat(mvc.post().uri("/api/casework/cases/{id}/review", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"summary\":\"处置及时\"}").exchange()).hasStatusOk();
        return id;
    }

    private JsonNode caseDetail(UUID id) {
        return body(mvc.get().uri("/api/casework/cases/{id}", id).exchange(), HttpStatus.OK);
    }

    private List<String> kinds(UUID id) {
        return StreamSupport.stream(caseDetail(id).path("timeline").spliterator(), false)
                .map(e -> e.path("kind").asString()).toList();
    }

    private JsonNode body(MvcTestResult result, HttpStatus status) {
        assertThat(result).hasStatus(status);
        return json.readTree(result.getResponse().getContentAsByteArray());
    }
}
