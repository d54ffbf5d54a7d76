package org.yuqing.casework.cases;

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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.domain.Level;
import org.yuqing.domain.events.IncidentGraded;
import org.yuqing.events.IntegrationEventListener;
import org.yuqing.platform.stack.StackTestProperties;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.casework.cases.Fixtures.T0;
import static org.yuqing.casework.cases.Fixtures.firstGrade;

@CaseworkIntegrationTest
class CaseApiTest {

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
    JsonMapper json;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TestClock clock;
    @Autowired
    TestCaller caller;

    String unit;

    @BeforeEach
    void setUp() {
        unit = "unit-" + UUID.randomUUID();
        caller.is(TestCaller.DEFAULT_LOGIN, unit);
        clock.set(T0);
    }

    @Test
    void the_case_list_shows_a_units_cases_newest_first_with_the_clocks_past_due() {
        UUID older = open(Level.MAJOR, T0);
        UUID newer = open(Level.MAJOR, T0.plus(Duration.ofHours(1)));
        open(Level.MAJOR, T0, "other-" + unit); // another unit's case must not show
        clock.set(T0.plus(Duration.ofHours(3)));

        JsonNode list = body(mvc.get().uri("/api/casework/cases?unit={unit}", unit).exchange(), HttpStatus.OK);

        assertThat(list.size()).isEqualTo(2);
        assertThat(list.get(0).path("id").asString()).isEqualTo(newer.toString());
        assertThat(list.get(1).path("id").asString()).isEqualTo(older.toString());
        JsonNode first = list.get(1);
        assertThat(first.path("levelName").asString()).isEqualTo("重大");
        assertThat(first.path("state").asString()).isEqualTo("ASSESSING");
        assertThat(first.path("stateName").asString()).isEqualTo("研判");
        assertThat(first.path("reportDueAt").asString()).isEqualTo("2026-11-21T10:00:00Z");
        assertThat(first.path("reportedAt").isNull()).isTrue();
        assertThat(first.path("overdue").get(0).asString()).isEqualTo("REPORT");
        // Due exactly now: still in time.
        assertThat(list.get(0).path("overdue").size()).isZero();
    }

    @Test
    void the_case_list_filters_by_state() {
        UUID id = open(Level.MAJOR, T0);
        clock.set(T0.plus(Duration.ofMinutes(30)));

        assertThat(body(mvc.get().uri("/api/casework/cases?unit={u}&state=REPORTED", unit).exchange(), HttpStatus.OK)
                .size()).isZero();
        report(id, "{\"kind\":\"PHONE\",\"to\":[\"区委宣传部\"]}", "zhang");
        JsonNode reported = body(mvc.get().uri("/api/casework/cases?unit={u}&state=REPORTED", unit).exchange(),
                HttpStatus.OK);

        assertThat(reported.size()).isEqualTo(1);
        assertThat(reported.get(0).path("id").asString()).isEqualTo(id.toString());
    }

    @Test
    void an_unknown_state_filter_is_a_400_problem() {
        problem(mvc.get().uri("/api/casework/cases?state=CLOSED").exchange(), HttpStatus.BAD_REQUEST);
    }

    @Test
    void an_unknown_case_is_a_404_problem() {
        UUID unknown = UUID.randomUUID();

        JsonNode problem = problem(mvc.get().uri("/api/casework/cases/{id}", unknown).exchange(), HttpStatus.NOT_FOUND);

        // The words of every 404 (another unit's case answers the same); the id is in the instance.
        assertThat(problem.path("detail").asString()).isEqualTo(CaseNotFoundException.DETAIL);
        assertThat(problem.path("instance").asString()).isEqualTo("/api/casework/cases/" + unknown);
    }

    @Test
    void a_malformed_case_id_is_a_400_problem() {
        problem(mvc.get().uri("/api/casework/cases/not-a-uuid").exchange(), HttpStatus.BAD_REQUEST);
    }

    @Test
    void a_case_shows_its_running_clocks_and_its_timeline() {
        UUID id = open(Level.MAJOR, T0);
        clock.set(T0.plus(Duration.ofHours(1)));

        JsonNode detail = body(mvc.get().uri("/api/casework/cases/{id}", id).exchange(), HttpStatus.OK);

        assertThat(detail.path("clocks").get(0).path("name").asString()).isEqualTo("REPORT");
        assertThat(detail.path("clocks").get(0).path("status").asString()).isEqualTo("RUNNING");
        assertThat(detail.path("clocks").get(1).path("name").asString()).isEqualTo("FIRST_STATEMENT");
        assertThat(detail.path("clocks").get(1).path("dueAt").asString()).isEqualTo("2026-11-22T08:00:00Z");
        assertThat(detail.path("timeline").get(0).path("kind").asString()).isEqualTo("CASE_OPENED");
        assertThat(detail.path("timeline").get(0).path("detail").path("planId").asString()).isEqualTo("district");
    }

    @Test
    void a_report_stops_the_report_clock_and_is_on_the_record_with_who_made_it() {
        UUID id = open(Level.MAJOR, T0);
        clock.set(T0.plus(Duration.ofMinutes(50)));

        JsonNode detail = report(id, "{\"kind\":\"PHONE\",\"to\":[\"区委宣传部分管领导\",\"区网信办\"]}", "zhang");

        assertThat(detail.path("state").asString()).isEqualTo("REPORTED");
        assertThat(detail.path("reportedAt").asString()).isEqualTo("2026-11-21T08:50:00Z");
        JsonNode reportClock = detail.path("clocks").get(0);
        assertThat(reportClock.path("status").asString()).isEqualTo("MET");
        assertThat(reportClock.path("metAt").asString()).isEqualTo("2026-11-21T08:50:00Z");
        JsonNode entry = detail.path("timeline").get(1);
        assertThat(entry.path("kind").asString()).isEqualTo("REPORTED");
        assertThat(entry.path("actor").asString()).isEqualTo("zhang");
        assertThat(entry.path("summary").asString()).isEqualTo("电话报告：报送区委宣传部分管领导、区网信办");

        clock.set(T0.plus(Duration.ofDays(2)));
        JsonNode later = body(mvc.get().uri("/api/casework/cases/{id}", id).exchange(), HttpStatus.OK);
        assertThat(later.path("clocks").get(0).path("status").asString()).isEqualTo("MET");
        // The phone report owed a written one within 30 minutes, which never came.
        assertThat(later.path("overdue").size()).isEqualTo(2);
        assertThat(later.path("overdue").get(0).asString()).isEqualTo("WRITTEN_REPORT");
        assertThat(later.path("overdue").get(1).asString()).isEqualTo("FIRST_STATEMENT");
    }

    @Test
    void a_report_made_after_the_deadline_stays_late_on_the_record() {
        UUID id = open(Level.MAJOR, T0);
        clock.set(T0.plus(Duration.ofHours(4)));

        JsonNode detail = report(id, "{\"kind\":\"WRITTEN\",\"to\":[\"区委宣传部\"],\"reportedAt\":\"2026-11-21T11:00:00Z\"}",
                null);

        assertThat(detail.path("clocks").get(0).path("status").asString()).isEqualTo("MET_LATE");
        // No user named: the actor is the caller of the request, as their token says.
        assertThat(detail.path("timeline").get(1).path("actor").asString()).isEqualTo(TestCaller.DEFAULT_LOGIN);
    }

    @Test
    void a_later_report_keeps_the_time_of_the_first() {
        UUID id = open(Level.MAJOR, T0);
        clock.set(T0.plus(Duration.ofHours(1)));
        report(id, "{\"kind\":\"PHONE\",\"to\":[\"区委宣传部\"]}", "zhang");
        clock.set(T0.plus(Duration.ofHours(3)));

        JsonNode detail = report(id, "{\"kind\":\"SPECIAL\",\"to\":[\"区委书记\"]}", "li");

        assertThat(detail.path("reportedAt").asString()).isEqualTo("2026-11-21T09:00:00Z");
        assertThat(detail.path("timeline").size()).isEqualTo(3);
        assertThat(detail.path("timeline").get(2).path("summary").asString()).isEqualTo("舆情专报：报送区委书记");
    }

    @Test
    void a_report_request_a_user_got_wrong_is_a_400_problem_and_records_nothing() {
        UUID id = open(Level.MAJOR, T0);
        clock.set(T0.plus(Duration.ofHours(1)));

        problem(postReport(id, "{\"kind\":\"PHONE\",", null), HttpStatus.BAD_REQUEST);
        problem(postReport(id, "{\"kind\":\"FAX\",\"to\":[\"区委宣传部\"]}", null), HttpStatus.BAD_REQUEST);
        problem(postReport(id, "{\"to\":[\"区委宣传部\"]}", null), HttpStatus.BAD_REQUEST);
        problem(postReport(id, "{\"kind\":\"PHONE\",\"to\":[]}", null), HttpStatus.BAD_REQUEST);
        problem(postReport(id, "{\"kind\":\"PHONE\",\"to\":[\"区委宣传部\"],\"reportedAt\":\"2026-11-21T12:00:00Z\"}",
                null), HttpStatus.BAD_REQUEST);

        JsonNode detail = body(mvc.get().uri("/api/casework/cases/{id}", id).exchange(), HttpStatus.OK);
        assertThat(detail.path("reportedAt").isNull()).isTrue();
        assertThat(detail.path("timeline").size()).isEqualTo(1);
    }

    @Test
    void a_report_on_an_unknown_case_is_a_404_problem() {
        problem(postReport(UUID.randomUUID(), "{\"kind\":\"PHONE\",\"to\":[\"区委宣传部\"]}", null),
                HttpStatus.NOT_FOUND);
    }

    private UUID open(Level level, Instant at) {
        return open(level, at, unit);
    }

    private UUID open(Level level, Instant at, String unitId) {
        IncidentGraded grade = firstGrade(UUID.randomUUID(), unitId, level, at);
        new TransactionTemplate(transactions).executeWithoutResult(s -> listener.on("grading", grade));
        JsonNode list = body(mvc.get().uri("/api/casework/cases?unit={u}&limit=500", unitId)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.shared().user("reader").units(unitId).bearer())
                .exchange(), HttpStatus.OK);
        for (JsonNode c : list) {
            if (c.path("incidentId").asString().equals(grade.incidentId().toString())) {
                return UUID.fromString(c.path("id").asString());
            }
        }
        throw new AssertionError("no case opened for " + grade.incidentId());
    }

    private JsonNode report(UUID id, String body, String user) {
        return body(postReport(id, body, user), HttpStatus.CREATED);
    }

    private MvcTestResult postReport(UUID id, String body, String user) {
        var request = mvc.post().uri("/api/casework/cases/{id}/reports", id)
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (user != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, caller.bearer(user));
        }
        return request.exchange();
    }

    private JsonNode body(MvcTestResult result, HttpStatus expected) {
        assertThat(result).hasStatus(expected);
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    private JsonNode problem(MvcTestResult result, HttpStatus expected) {
        assertThat(result).hasStatus(expected).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(result.getResponse().getContentAsByteArray());
        assertThat(problem.path("status").asInt()).isEqualTo(expected.value());
        return problem;
    }
}
