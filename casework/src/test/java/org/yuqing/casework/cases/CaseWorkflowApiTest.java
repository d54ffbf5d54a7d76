package org.yuqing.casework.cases;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.casework.escalation.DeadlineWatcher;
import org.yuqing.casework.ledger.Ledger;
import org.yuqing.casework.ledger.LedgerEntry;
import org.yuqing.domain.Level;
import org.yuqing.domain.events.CaseOpened;
import org.yuqing.domain.events.IncidentGraded;
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
import static org.yuqing.casework.cases.Fixtures.statement;

@CaseworkIntegrationTest
class CaseWorkflowApiTest {

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
    DeadlineWatcher watcher;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcTemplate jdbc;
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
    void a_case_walks_every_allowed_transition_and_each_goes_to_the_timeline_and_the_ledger_with_its_actor() {
        UUID id = reportedCase();
        List<CaseState> path = List.of(CaseState.CONSULTING, CaseState.RESPONDING, CaseState.TRACKING,
                CaseState.RESPONDING, CaseState.TRACKING, CaseState.SUBSIDED, CaseState.TRACKING, CaseState.SUBSIDED);
        int minute = 40;
        for (CaseState to : path) {
            clock.set(T0.plus(Duration.ofMinutes(minute++)));
            JsonNode moved = body(transition(id, to, "第" + minute + "分钟", "wang"), HttpStatus.OK);
            assertThat(moved.path("state").asString()).isEqualTo(to.name());
        }
        review(id, "{\"summary\":\"处置及时，舆情已平息\",\"lessons\":\"加强夜间值守\"}", HttpStatus.OK);
        JsonNode reviewed = body(transition(id, CaseState.REVIEWED, null, "wang"), HttpStatus.OK);

        assertThat(reviewed.path("state").asString()).isEqualTo("REVIEWED");
        assertThat(reviewed.path("stateName").asString()).isEqualTo("总结评估");
        assertThat(reviewed.path("nextStates").size()).isZero();
        List<JsonNode> moves = timeline(reviewed).stream().filter(e -> e.path("kind").asString().equals("STATE_CHANGED"))
                .toList();
        assertThat(moves).hasSize(path.size() + 1);
        assertThat(moves).allSatisfy(e -> assertThat(e.path("actor").asString()).isEqualTo("wang"));
        assertThat(moves.get(0).path("summary").asString()).isEqualTo("流程推进：已报告 → 会商（第41分钟）");
        assertThat(moves.get(0).path("detail").path("from").asString()).isEqualTo("REPORTED");
        assertThat(moves.getLast().path("detail").path("to").asString()).isEqualTo("REVIEWED");
        List<LedgerEntry> entries = ledger.entriesOf(id);
        assertThat(entries.stream().filter(e -> e.kind().equals("STATE_CHANGED")).toList())
                .hasSize(path.size() + 1)
                .allSatisfy(e -> assertThat(e.actor()).isEqualTo("wang"));
        assertThat(entries.stream().map(LedgerEntry::kind).filter(k -> k.equals("REVIEW_RECORDED")).count()).isOne();
    }

    @Test
    void a_report_may_skip_consultation() {
        UUID id = reportedCase();

        assertThat(body(transition(id, CaseState.RESPONDING, null, "wang"), HttpStatus.OK).path("state").asString())
                .isEqualTo("RESPONDING");
    }

    @Test
    void refused_transitions_are_409_problems_naming_the_allowed_targets_and_leave_no_trace() {
        UUID id = open(Level.MAJOR);

        JsonNode skip = problem(transition(id, CaseState.SUBSIDED, null, "wang"), HttpStatus.CONFLICT);
        assertThat(skip.path("allowed").size()).isZero();
        assertThat(skip.path("state").asString()).isEqualTo("ASSESSING");
        JsonNode unreported = problem(transition(id, CaseState.REPORTED, null, "wang"), HttpStatus.CONFLICT);
        assertThat(unreported.path("detail").asString()).contains("report");

        reportAt(id, T0.plus(Duration.ofMinutes(30)));
        JsonNode early = problem(transition(id, CaseState.REVIEWED, null, "wang"), HttpStatus.CONFLICT);
        assertThat(names(early.path("allowed"))).containsExactly("CONSULTING", "RESPONDING");
        assertThat(early.path("detail").asString()).contains("CONSULTING", "RESPONDING");
        JsonNode same = problem(transition(id, CaseState.REPORTED, null, "wang"), HttpStatus.CONFLICT);
        assertThat(names(same.path("allowed"))).containsExactly("CONSULTING", "RESPONDING");

        for (CaseState to : List.of(CaseState.RESPONDING, CaseState.TRACKING, CaseState.SUBSIDED)) {
            body(transition(id, to, null, "wang"), HttpStatus.OK);
        }
        JsonNode unreviewed = problem(transition(id, CaseState.REVIEWED, null, "wang"), HttpStatus.CONFLICT);
        assertThat(names(unreviewed.path("allowed"))).containsExactly("TRACKING");
        assertThat(unreviewed.path("detail").asString()).contains("review");
        JsonNode back = problem(transition(id, CaseState.ASSESSING, null, "wang"), HttpStatus.CONFLICT);
        assertThat(names(back.path("allowed"))).containsExactly("TRACKING");

        assertThat(ledger.entriesOf(id).stream().filter(e -> e.kind().equals("STATE_CHANGED")).count()).isEqualTo(3);
        problem(transition(UUID.randomUUID(), CaseState.TRACKING, null, "wang"), HttpStatus.NOT_FOUND);
        problem(mvc.post().uri("/api/casework/cases/{id}/transitions", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"no target\"}").exchange(), HttpStatus.BAD_REQUEST);
    }

    @Test
    void subsiding_starts_the_72_hour_review_clock_which_the_watcher_warns_about_and_records_missed() {
        UUID id = subsidedCase();
        Instant subsided = T0.plus(Duration.ofHours(3));

        JsonNode c = caseDetail(id);
        assertThat(c.path("subsidedAt").asString()).isEqualTo(subsided.toString());
        assertThat(c.path("reviewDueAt").asString()).isEqualTo(subsided.plus(Duration.ofHours(72)).toString());
        JsonNode reviewClock = clock(c, "REVIEW");
        assertThat(reviewClock.path("status").asString()).isEqualTo("RUNNING");
        assertThat(reviewClock.path("nameText").asString()).isEqualTo("总结评估时限");
        assertThat(timeline(c).getLast().path("summary").asString()).isEqualTo("流程推进：动态跟踪 → 平息，72小时内提交总结评估（舆情平息）");

        watchAt(subsided.plus(Duration.ofHours(59)));
        assertThat(kinds(id)).doesNotContain("DEADLINE_WARNING");
        watchAt(subsided.plus(Duration.ofHours(60)));
        assertThat(kinds(id)).containsOnlyOnce("DEADLINE_WARNING");
        watchAt(subsided.plus(Duration.ofHours(72)));
        assertThat(kinds(id)).doesNotContain("DEADLINE_MISSED");
        watchAt(subsided.plus(Duration.ofHours(72)).plusSeconds(1));
        watchAt(subsided.plus(Duration.ofHours(80)));

        JsonNode missed = caseDetail(id);
        assertThat(kinds(id)).containsOnlyOnce("DEADLINE_MISSED");
        assertThat(timeline(missed).stream().filter(e -> e.path("kind").asString().equals("DEADLINE_MISSED")).findFirst()
                .orElseThrow().path("detail").path("clock").asString()).isEqualTo("REVIEW");
        assertThat(clock(missed, "REVIEW").path("status").asString()).isEqualTo("MISSED");
        assertThat(names(missed.path("overdue"))).containsExactly("REVIEW");
        assertThat(ledgerKinds(id)).containsOnlyOnce("DEADLINE_MISSED");

        // Reviewed late: the miss stays on the record.
        review(id, "{\"summary\":\"迟交的总结\"}", HttpStatus.OK);
        JsonNode late = caseDetail(id);
        assertThat(clock(late, "REVIEW").path("status").asString()).isEqualTo("MET_LATE");
        assertThat(timeline(late).getLast().path("summary").asString()).startsWith("提交总结评估（超时");
    }

    @Test
    void a_review_stops_the_review_clock_and_allows_reviewed() {
        UUID id = subsidedCase();
        Instant subsided = T0.plus(Duration.ofHours(3));
        problem(transition(id, CaseState.REVIEWED, null, "li"), HttpStatus.CONFLICT);

        clock.set(subsided.plus(Duration.ofHours(48)));
        problem(review(id, "{\"summary\":\" \"}"), HttpStatus.BAD_REQUEST);
        JsonNode reviewed = body(review(id, "{\"summary\":\"总结：处置得当\",\"lessons\":\"预案第六条需修订\"}"), HttpStatus.OK);

        assertThat(reviewed.path("reviewedAt").asString()).isEqualTo(subsided.plus(Duration.ofHours(48)).toString());
        assertThat(clock(reviewed, "REVIEW").path("status").asString()).isEqualTo("MET");
        assertThat(names(reviewed.path("nextStates"))).containsExactly("TRACKING", "REVIEWED");
        JsonNode entry = timeline(reviewed).getLast();
        assertThat(entry.path("kind").asString()).isEqualTo("REVIEW_RECORDED");
        assertThat(entry.path("summary").asString()).isEqualTo("提交总结评估（按时）：总结：处置得当");
        assertThat(entry.path("detail").path("lessons").asString()).isEqualTo("预案第六条需修订");
        assertThat(entry.path("actor").asString()).isEqualTo("li");
        assertThat(jdbc.queryForObject("select review_lessons from casework.case_file where id = ?", String.class, id))
                .isEqualTo("预案第六条需修订");
        problem(review(id, "{\"summary\":\"再交一次\"}"), HttpStatus.CONFLICT);

        watchAt(subsided.plus(Duration.ofHours(100)));
        assertThat(kinds(id)).doesNotContain("DEADLINE_WARNING", "DEADLINE_MISSED");
        assertThat(body(transition(id, CaseState.REVIEWED, "结案", "li"), HttpStatus.OK).path("state").asString())
                .isEqualTo("REVIEWED");
        problem(review(id, "{\"summary\":\"已结案\"}"), HttpStatus.CONFLICT);
    }

    @Test
    void a_review_before_the_incident_subsided_is_refused() {
        UUID id = reportedCase();

        JsonNode refused = problem(review(id, "{\"summary\":\"太早\"}"), HttpStatus.CONFLICT);

        assertThat(refused.path("detail").asString()).contains("SUBSIDED");
    }

    @Test
    void re_escalating_a_subsided_case_reopens_tracking_and_stops_its_review_clock() {
        UUID incident = UUID.randomUUID();
        UUID id = subsidedCase(incident, Level.SERIOUS);
        Instant subsided = T0.plus(Duration.ofHours(3));

        clock.set(subsided.plus(Duration.ofHours(10)));
        apply(escalation(incident, unit, Level.SERIOUS, Level.MAJOR, subsided.plus(Duration.ofHours(10))));

        JsonNode c = caseDetail(id);
        assertThat(c.path("state").asString()).isEqualTo("TRACKING");
        assertThat(c.path("reviewDueAt").isNull()).isTrue();
        assertThat(timeline(c).getLast().path("summary").asString()).contains("重新进入动态跟踪");
        watchAt(subsided.plus(Duration.ofHours(100)));
        // Tracked again, it owes progress updates (续报) again; the review clock stopped and is never missed.
        assertThat(missedClocks(id)).doesNotContain("REVIEW").contains("PROGRESS_UPDATE");

        // It may subside again, with a fresh clock.
        clock.set(subsided.plus(Duration.ofHours(101)));
        JsonNode again = body(transition(id, CaseState.SUBSIDED, null, "wang"), HttpStatus.OK);
        assertThat(again.path("reviewDueAt").asString()).isEqualTo(subsided.plus(Duration.ofHours(173)).toString());
    }

    @Test
    void re_escalating_a_tracked_case_keeps_it_tracking() {
        UUID incident = UUID.randomUUID();
        apply(firstGrade(incident, unit, Level.SERIOUS, T0));
        UUID id = caseOf(incident);
        reportAt(id, T0.plus(Duration.ofMinutes(30)));
        body(transition(id, CaseState.RESPONDING, null, "wang"), HttpStatus.OK);
        body(transition(id, CaseState.TRACKING, null, "wang"), HttpStatus.OK);

        apply(escalation(incident, unit, Level.SERIOUS, Level.MAJOR, T0.plus(Duration.ofHours(1))));

        assertThat(caseDetail(id).path("state").asString()).isEqualTo("TRACKING");
        assertThat(caseDetail(id).path("level").asString()).isEqualTo("MAJOR");
    }

    @Test
    void a_case_opened_by_hand_runs_on_the_default_terms_of_its_level_and_is_announced() {
        UUID incident = UUID.randomUUID();
        clock.set(T0.plus(Duration.ofMinutes(5)));

        MvcTestResult created = openByHand(incident, "MAJOR", "zhao");
        JsonNode c = body(created, HttpStatus.CREATED);

        UUID id = UUID.fromString(c.path("id").asString());
        assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/casework/cases/" + id);
        assertThat(c.path("state").asString()).isEqualTo("ASSESSING");
        assertThat(c.path("level").asString()).isEqualTo("MAJOR");
        assertThat(c.path("planId").asString()).isEqualTo("manual");
        assertThat(c.path("reportDueAt").asString()).isEqualTo("2026-11-21T10:05:00Z");
        assertThat(c.path("firstStatementDueAt").asString()).isEqualTo("2026-11-22T08:05:00Z");
        assertThat(names(c.path("statementApprovals"))).containsExactly("UNIT_HEAD", "LEADER_IN_CHARGE", "MAIN_LEADER");
        JsonNode opened = timeline(c).getFirst();
        assertThat(opened.path("kind").asString()).isEqualTo("CASE_OPENED");
        assertThat(opened.path("actor").asString()).isEqualTo("zhao");
        assertThat(opened.path("summary").asString()).isEqualTo("人工立案：定为重大舆情（网民集中反映，尚未研判），按默认时限2小时内上报，24小时内首次发声");
        assertThat(ledger.entriesOf(id)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("CASE_OPENED");
            assertThat(e.actor()).isEqualTo("zhao");
        });
        List<CaseOpened> announced = jdbc.queryForList("select payload::text from casework.outbox where event_type = "
                        + "'CaseOpened' and payload->>'caseId' = ?", String.class, id.toString())
                .stream().map(p -> json.readValue(p, CaseOpened.class)).toList();
        assertThat(announced).singleElement().satisfies(e -> {
            assertThat(e.incidentId()).isEqualTo(incident);
            assertThat(e.level()).isEqualTo(Level.MAJOR);
            assertThat(e.reportDeadline()).isEqualTo(Instant.parse("2026-11-21T10:05:00Z"));
        });
    }

    @Test
    void a_second_case_for_an_incident_is_a_409_naming_the_existing_case() {
        UUID incident = UUID.randomUUID();
        UUID id = UUID.fromString(body(openByHand(incident, "GENERAL", "zhao"), HttpStatus.CREATED).path("id").asString());

        JsonNode conflict = problem(openByHand(incident, "MAJOR", "zhao"), HttpStatus.CONFLICT);

        assertThat(conflict.path("caseId").asString()).isEqualTo(id.toString());
        UUID graded = UUID.randomUUID();
        apply(firstGrade(graded, unit, Level.MAJOR, T0));
        assertThat(problem(openByHand(graded, "MAJOR", "zhao"), HttpStatus.CONFLICT).path("caseId").asString())
                .isEqualTo(caseOf(graded).toString());
        problem(mvc.post().uri("/api/casework/cases").contentType(MediaType.APPLICATION_JSON)
                .content("{\"incidentId\":\"" + UUID.randomUUID() + "\",\"title\":\"缺级别\",\"unitId\":\"" + unit
                        + "\",\"reason\":\"x\"}").exchange(), HttpStatus.BAD_REQUEST);
    }

    @Test
    void a_grade_arriving_for_a_case_opened_by_hand_escalates_it_on_the_plans_terms() {
        UUID incident = UUID.randomUUID();
        UUID id = UUID.fromString(body(openByHand(incident, "GENERAL", "zhao"), HttpStatus.CREATED).path("id").asString());

        apply(firstGrade(incident, unit, Level.MAJOR, T0.plus(Duration.ofMinutes(10))));

        JsonNode c = caseDetail(id);
        assertThat(c.path("level").asString()).isEqualTo("MAJOR");
        assertThat(c.path("planId").asString()).isEqualTo("district");
        assertThat(c.path("reportDueAt").asString()).isEqualTo("2026-11-21T10:10:00Z");
    }

    // --- helpers

    private UUID open(Level level) {
        UUID incident = UUID.randomUUID();
        apply(firstGrade(incident, unit, level, T0));
        return caseOf(incident);
    }

    /** A MAJOR case reported at 00:30, its first statement out at 01:00, so only the review clock can run out. */
    private UUID reportedCase() {
        UUID id = open(Level.MAJOR);
        reportAt(id, T0.plus(Duration.ofMinutes(30)));
        apply("publishing", statement(id, unit, "情况通报", T0.plus(Duration.ofHours(1))));
        return id;
    }

    private UUID subsidedCase() {
        return subsidedCase(UUID.randomUUID(), Level.MAJOR);
    }

    private UUID subsidedCase(UUID incident, Level level) {
        apply(firstGrade(incident, unit, level, T0));
        UUID id = caseOf(incident);
        reportAt(id, T0.plus(Duration.ofMinutes(30)));
        apply("publishing", statement(id, unit, "情况通报", T0.plus(Duration.ofHours(1))));
        clock.set(T0.plus(Duration.ofHours(2)));
        body(transition(id, CaseState.RESPONDING, null, "wang"), HttpStatus.OK);
        body(transition(id, CaseState.TRACKING, null, "wang"), HttpStatus.OK);
        clock.set(T0.plus(Duration.ofHours(3)));
        body(transition(id, CaseState.SUBSIDED, "舆情平息", "wang"), HttpStatus.OK);
        return id;
    }

    // A written report: a phone report would owe a written one within 30 minutes, a clock these tests are not about.
    private void reportAt(UUID id, Instant at) {
        clock.set(at);
        assertThat(mvc.post().uri("/api/casework/cases/{id}/reports", id).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer("wang")).content("{\"kind\":\"WRITTEN\",\"to\":[\"区委宣传部\"]}")
                .exchange()).hasStatus(HttpStatus.CREATED);
    }

    private List<String> missedClocks(UUID id) {
        return timeline(caseDetail(id)).stream().filter(e -> e.path("kind").asString().equals("DEADLINE_MISSED"))
                .map(e -> e.path("detail").path("clock").asString()).toList();
    }

    private MvcTestResult transition(UUID id, CaseState to, String note, String user) {
        String body = note == null ? "{\"to\":\"" + to + "\"}" : "{\"to\":\"" + to + "\",\"note\":\"" + note + "\"}";
        return mvc.post().uri("/api/casework/cases/{id}/transitions", id).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer(user)).content(body).exchange();
    }

    private MvcTestResult review(UUID id, String body) {
        return mvc.post().uri("/api/casework/cases/{id}/review", id).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer("li")).content(body).exchange();
    }

    private void review(UUID id, String body, HttpStatus expected) {
        assertThat(review(id, body)).hasStatus(expected);
    }

    private MvcTestResult openByHand(UUID incident, String level, String user) {
        return mvc.post().uri("/api/casework/cases").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer(user))
                .content("{\"incidentId\":\"" + incident + "\",\"title\":\"人工立案 " + incident + "\",\"unitId\":\""
                        + unit + "\",\"level\":\"" + level + "\",\"reason\":\"网民集中反映，尚未研判\"}")
                .exchange();
    }

    private void apply(IncidentGraded grade) {
        apply("grading", grade);
    }

    private void apply(String source, IntegrationEvent event) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> listener.on(source, event));
    }

    private void watchAt(Instant at) {
        clock.set(at);
        watcher.watch();
    }

    private UUID caseOf(UUID incident) {
        return jdbc.queryForObject("select id from casework.case_file where incident_id = ?", UUID.class, incident);
    }

    private JsonNode caseDetail(UUID id) {
        return body(mvc.get().uri("/api/casework/cases/{id}", id).exchange(), HttpStatus.OK);
    }

    private static List<JsonNode> timeline(JsonNode c) {
        return StreamSupport.stream(c.path("timeline").spliterator(), false).toList();
    }

    private List<String> kinds(UUID id) {
        return timeline(caseDetail(id)).stream().map(e -> e.path("kind").asString()).toList();
    }

    private List<String> ledgerKinds(UUID id) {
        return ledger.entriesOf(id).stream().map(LedgerEntry::kind).toList();
    }

    private static JsonNode clock(JsonNode c, String name) {
        return StreamSupport.stream(c.path("clocks").spliterator(), false)
                .filter(k -> k.path("name").asString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no clock " + name + " in " + c.path("clocks")));
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }

    private JsonNode body(MvcTestResult result, HttpStatus expected) {
        assertThat(result).hasStatus(expected);
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    private JsonNode problem(MvcTestResult result, HttpStatus expected) {
        assertThat(result).hasStatus(expected).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        return json.readTree(result.getResponse().getContentAsByteArray());
    }
}
