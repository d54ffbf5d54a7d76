package org.yuqing.casework.accountability;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
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
import org.yuqing.casework.ledger.Ledger;
import org.yuqing.casework.ledger.LedgerEntry;
import org.yuqing.domain.Level;
import org.yuqing.domain.events.IntegrationEvent;
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
import static org.yuqing.casework.cases.Fixtures.escalation;
import static org.yuqing.casework.cases.Fixtures.firstGrade;

/** 迟报、漏报、瞒报 per unit, judged on the controllable clock from the cases' reports and escalations. */
@CaseworkIntegrationTest
class UnitAccountabilityApiTest {

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
    @Autowired
    Ledger ledger;

    String unit;
    String sibling;
    String outside;
    String period;

    @BeforeEach
    void setUp() {
        String tag = UUID.randomUUID().toString();
        unit = "district-" + tag;
        sibling = "east-" + tag;
        outside = "west-" + tag;
        caller.is("inspector-" + tag, unit, sibling);
        period = "from=" + T0.minus(Duration.ofDays(1)) + "&to=" + T0.plus(Duration.ofDays(1));
        clock.set(T0.plus(Duration.ofMinutes(1)));
    }

    @Test
    void each_unit_shows_its_cases_reported_on_time_late_missed_and_concealed_with_the_cases() {
        UUID onTime = open(unit, Level.MAJOR);
        UUID late = open(unit, Level.MAJOR);
        UUID missed = open(unit, Level.MAJOR);
        UUID understated = open(unit, Level.MAJOR);
        UUID escalatedUnreported = open(unit, Level.SERIOUS);
        UUID escalatedReported = open(unit, Level.SERIOUS);
        UUID pending = open(unit, Level.SERIOUS);
        UUID siblingMissed = open(sibling, Level.MAJOR);
        UUID outsideCase = open(outside, Level.MAJOR);
        UUID lastMonth = openAt(unit, Level.MAJOR, T0.minus(Duration.ofDays(2)));

        at(Duration.ofHours(1));
        report(onTime, null);
        report(understated, "SERIOUS");
        report(escalatedUnreported, null);
        report(escalatedReported, null);

        at(Duration.ofMinutes(90));
        JsonNode early = unitRecord(accountability(period), unit);
        assertThat(ids(early, "missed")).as("the deadline has not passed yet").isEmpty();
        assertThat(ids(early, "pending")).containsExactlyInAnyOrder(late, missed, pending);

        at(Duration.ofHours(2));
        escalate(escalatedUnreported, T0.plus(Duration.ofHours(2)));
        escalate(escalatedReported, T0.plus(Duration.ofHours(2)));
        at(Duration.ofHours(3));
        report(late, null);
        report(escalatedReported, null);

        at(Duration.ofMinutes(239));
        assertThat(ids(unitRecord(accountability(period), unit), "concealed")).as("the new level's 2 h still run")
                .containsExactly(understated);

        at(Duration.ofHours(5));
        JsonNode answer = accountability(period);
        assertThat(answer.path("asOf").asString()).isEqualTo(T0.plus(Duration.ofHours(5)).toString());
        assertThat(StreamSupport.stream(answer.path("units").spliterator(), false).map(u -> u.path("unitId").asString())
                .toList()).containsExactly(unit, sibling);
        JsonNode record = unitRecord(answer, unit);
        assertThat(ids(record, "cases")).containsExactlyInAnyOrder(onTime, late, missed, understated,
                escalatedUnreported, escalatedReported, pending).doesNotContain(lastMonth);
        assertThat(record.path("cases").path("count").asInt()).isEqualTo(7);
        assertThat(ids(record, "onTime")).containsExactlyInAnyOrder(onTime, understated, escalatedUnreported,
                escalatedReported);
        assertThat(ids(record, "late")).containsExactly(late);
        assertThat(ids(record, "missed")).containsExactly(missed);
        assertThat(ids(record, "pending")).containsExactly(pending);
        assertThat(ids(record, "concealed")).containsExactlyInAnyOrder(understated, escalatedUnreported);
        assertThat(record.path("concealed").path("count").asInt()).isEqualTo(2);
        assertThat(StreamSupport.stream(record.path("concealment").spliterator(), false)
                .map(c -> c.path("caseId").asString() + " " + c.path("reasons").get(0).asString() + " "
                        + c.path("text").asString()).toList()).containsExactlyInAnyOrder(
                understated + " UNDERSTATED_LEVEL 报告所述级别低于案件级别（少报级别）",
                escalatedUnreported + " ESCALATION_NOT_REPORTED 升级后未在时限内续报新级别（升级未报）");
        assertThat(ids(unitRecord(answer, sibling), "missed")).containsExactly(siblingMissed);
        assertThat(answer.toString()).doesNotContain(outsideCase.toString(), outside);

        // The understated report says so on the accountability record.
        assertThat(ledger.entriesOf(understated)).extracting(LedgerEntry::summary)
                .anyMatch(s -> s.contains("所报级别较大低于案件级别重大"));

        // One unit only; a unit outside the scope looks unknown.
        JsonNode only = accountability(period + "&unit=" + sibling);
        assertThat(only.path("units")).hasSize(1);
        assertThat(call(period + "&unit=" + outside)).hasStatus(HttpStatus.NOT_FOUND);
        // The period covers when cases were opened: last month's case is there when asked for.
        assertThat(ids(unitRecord(accountability("from=" + T0.minus(Duration.ofDays(3)) + "&to="
                + T0.minus(Duration.ofDays(1)) + "&unit=" + unit), unit), "missed")).containsExactly(lastMonth);
    }

    @Test
    void a_period_that_is_empty_reversed_too_long_or_malformed_is_refused() {
        assertThat(call("from=" + T0 + "&to=" + T0)).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(call("from=" + T0.plus(Duration.ofDays(1)) + "&to=" + T0)).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(call("from=" + T0.minus(Duration.ofDays(400)) + "&to=" + T0)).hasStatus(HttpStatus.BAD_REQUEST);
        MvcTestResult malformed = call("from=yesterday");
        assertThat(malformed).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getResponse().getContentType()).startsWith("application/problem+json");
        // By default: the 30 days up to now.
        JsonNode defaults = accountability("");
        assertThat(Duration.between(Instant.parse(defaults.path("from").asString()),
                Instant.parse(defaults.path("to").asString()))).isEqualTo(Duration.ofDays(30));
        assertThat(defaults.path("units")).isEmpty();
    }

    private UUID open(String unitId, Level level) {
        return openAt(unitId, level, T0);
    }

    private UUID openAt(String unitId, Level level, Instant at) {
        UUID incident = UUID.randomUUID();
        deliver(firstGrade(incident, unitId, level, at));
        return jdbc.queryForObject("select id from casework.case_file where incident_id = ?", UUID.class, incident);
    }

    private void escalate(UUID caseId, Instant at) {
        UUID incident = jdbc.queryForObject("select incident_id from casework.case_file where id = ?", UUID.class, caseId);
        String unitId = jdbc.queryForObject("select unit_id from casework.case_file where id = ?", String.class, caseId);
        deliver(escalation(incident, unitId, Level.SERIOUS, Level.MAJOR, at));
    }

    private void report(UUID caseId, String statedLevel) {
        assertThat(mvc.post().uri("/api/casework/cases/{id}/reports", caseId).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"WRITTEN\",\"to\":[\"区委宣传部\"]"
                        + (statedLevel == null ? "" : ",\"level\":\"" + statedLevel + "\"") + "}")
                .exchange()).hasStatus(HttpStatus.CREATED);
    }

    private void at(Duration sinceT0) {
        clock.set(T0.plus(sinceT0));
    }

    private void deliver(IntegrationEvent event) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> listener.on("grading", event));
    }

    private MvcTestResult call(String query) {
        return mvc.get().uri("/api/casework/accountability/units?" + query).exchange();
    }

    private JsonNode accountability(String query) {
        MvcTestResult result = call(query);
        assertThat(result).hasStatusOk();
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    private static JsonNode unitRecord(JsonNode answer, String unitId) {
        return StreamSupport.stream(answer.path("units").spliterator(), false)
                .filter(u -> u.path("unitId").asString().equals(unitId)).findFirst().orElseThrow();
    }

    private static List<UUID> ids(JsonNode record, String column) {
        return StreamSupport.stream(record.path(column).path("caseIds").spliterator(), false)
                .map(n -> UUID.fromString(n.asString())).toList();
    }
}
