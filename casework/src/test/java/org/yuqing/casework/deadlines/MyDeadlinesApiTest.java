package org.yuqing.casework.deadlines;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.casework.cases.CaseworkIntegrationTest;
import org.yuqing.casework.cases.TestCaller;
import org.yuqing.casework.cases.TestClock;
import org.yuqing.domain.Level;
import org.yuqing.events.IntegrationEventListener;
import org.yuqing.platform.stack.StackTestProperties;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.casework.cases.Fixtures.T0;
import static org.yuqing.casework.cases.Fixtures.firstGrade;

/** My deadlines: the running clocks and open tasks of the cases assigned to me (or of my units), soonest first. */
@CaseworkIntegrationTest
class MyDeadlinesApiTest {

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry r) {
        StackTestProperties.postgres(r);
        TestTokens.shared().register(r);
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    IntegrationEventListener listener;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TestClock clock;
    @Autowired
    TestCaller caller;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;

    String unit;
    String zhang;
    UUID assigned;
    UUID unassigned;

    @BeforeEach
    void setUp() {
        String tag = UUID.randomUUID().toString();
        unit = "unit-" + tag;
        zhang = "zhang-" + tag;
        caller.is("leader-" + tag, unit);
        clock.set(T0);
        assigned = open(Level.MAJOR, T0);
        unassigned = open(Level.SERIOUS, T0.plus(Duration.ofMinutes(10)));
        assertThat(mvc.put().uri("/api/casework/cases/{id}/assignees", assigned).contentType(MediaType.APPLICATION_JSON)
                .content("{\"assignees\":[{\"login\":\"" + zhang + "\",\"unitId\":\"" + unit + "\"}]}").exchange())
                .hasStatusOk();
        assertThat(mvc.post().uri("/api/casework/cases/{id}/tasks", assigned).contentType(MediaType.APPLICATION_JSON)
                .content("{\"unitId\":\"" + unit + "\",\"title\":\"核实伤亡情况\",\"dueAt\":\"2026-11-21T09:00:00Z\"}")
                .exchange()).hasStatus(org.springframework.http.HttpStatus.CREATED);
    }

    @Test
    void my_deadlines_are_the_running_clocks_and_open_tasks_of_the_cases_assigned_to_me_soonest_first() {
        clock.set(T0.plus(Duration.ofMinutes(50)));

        List<JsonNode> mine = mine(zhang, false);

        assertThat(mine).extracting(d -> d.path("kind").asString() + " " + d.path("nameText").asString() + " "
                + d.path("dueAt").asString() + " " + d.path("state").asString()).containsExactly(
                "TASK 核实伤亡情况 2026-11-21T09:00:00Z WARNING",
                "CLOCK 上报时限 2026-11-21T10:00:00Z RUNNING",
                "CLOCK 首次发声时限 2026-11-22T08:00:00Z RUNNING");
        JsonNode first = mine.getFirst();
        assertThat(first.path("caseId").asString()).isEqualTo(assigned.toString());
        assertThat(first.path("caseTitle").asString()).startsWith("化工厂爆炸");
        assertThat(first.path("levelName").asString()).isEqualTo("重大");
        assertThat(first.path("caseUnitId").asString()).isEqualTo(unit);
        assertThat(first.path("stateText").asString()).isEqualTo("即将超时");
        assertThat(first.path("assignedToMe").asBoolean()).isTrue();
        assertThat(first.path("taskId").isNull()).isFalse();
    }

    @Test
    void the_report_clock_warns_within_its_lead_is_missed_after_its_deadline_and_leaves_the_list_once_met() {
        clock.set(T0.plus(Duration.ofMinutes(106)));
        assertThat(states(mine(zhang, false))).containsExactly("TASK MISSED", "REPORT WARNING", "FIRST_STATEMENT RUNNING");

        clock.set(T0.plus(Duration.ofHours(2)).plusSeconds(1));
        assertThat(states(mine(zhang, false))).containsExactly("TASK MISSED", "REPORT MISSED", "FIRST_STATEMENT RUNNING");

        assertThat(mvc.post().uri("/api/casework/cases/{id}/reports", assigned).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"PHONE\",\"to\":[\"区委宣传部\"]}").exchange())
                .hasStatus(org.springframework.http.HttpStatus.CREATED);
        // A phone report meets the report clock and starts the written-report one.
        assertThat(states(mine(zhang, false))).containsExactly("TASK MISSED", "WRITTEN_REPORT RUNNING",
                "FIRST_STATEMENT RUNNING");
    }

    @Test
    void with_units_my_units_cases_are_included_and_without_an_assignment_nothing_is_mine() {
        String li = "li-" + UUID.randomUUID();

        assertThat(mine(li, false)).isEmpty();
        List<JsonNode> ofUnits = mine(li, true);
        assertThat(ofUnits).extracting(d -> d.path("caseId").asString()).contains(assigned.toString(),
                unassigned.toString());
        assertThat(ofUnits).allSatisfy(d -> assertThat(d.path("assignedToMe").asBoolean()).isFalse());
        assertThat(ofUnits).extracting(d -> d.path("dueAt").asString()).isSorted();
        assertThat(mine(zhang, true)).extracting(d -> d.path("caseId").asString()).contains(unassigned.toString());
    }

    @Test
    void a_closed_case_and_another_units_case_assigned_to_me_are_not_my_deadlines() {
        String other = "other-" + UUID.randomUUID();
        caller.is("leader-other", other);
        UUID elsewhere = open(Level.MAJOR, T0, other);
        assertThat(mvc.put().uri("/api/casework/cases/{id}/assignees", elsewhere).contentType(MediaType.APPLICATION_JSON)
                .content("{\"assignees\":[{\"login\":\"" + zhang + "\",\"unitId\":\"" + other + "\"}]}").exchange())
                .hasStatusOk();

        assertThat(mine(zhang, false)).extracting(d -> d.path("caseId").asString())
                .as("zhang's token is for " + unit + " only").doesNotContain(elsewhere.toString());
        jdbc.update("update casework.case_file set state = 'REVIEWED' where id = ?", assigned);
        assertThat(mine(zhang, false)).isEmpty();
    }

    private List<String> states(List<JsonNode> deadlines) {
        return deadlines.stream().map(d -> d.path("name").asString() + " " + d.path("state").asString()).toList();
    }

    private List<JsonNode> mine(String login, boolean units) {
        MvcTestResult result = mvc.get().uri("/api/casework/deadlines/mine" + (units ? "?units=true" : ""))
                .header(HttpHeaders.AUTHORIZATION, TestTokens.shared().user(login).units(unit).bearer()).exchange();
        assertThat(result).hasStatusOk();
        return StreamSupport.stream(json.readTree(result.getResponse().getContentAsByteArray()).spliterator(), false)
                .toList();
    }

    private UUID open(Level level, Instant at) {
        return open(level, at, unit);
    }

    private UUID open(Level level, Instant at, String unitId) {
        UUID incident = UUID.randomUUID();
        new TransactionTemplate(transactions).executeWithoutResult(s -> listener.on("grading",
                firstGrade(incident, unitId, level, at)));
        return jdbc.queryForObject("select id from casework.case_file where incident_id = ?", UUID.class, incident);
    }
}
