package org.yuqing.casework.cases;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.casework.clocks.ClockName;
import org.yuqing.casework.clocks.ClockStatus;
import org.yuqing.casework.clocks.DeadlineClock;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.Category;
import org.yuqing.domain.Level;
import org.yuqing.domain.events.CaseOpened;
import org.yuqing.domain.events.IncidentGraded;
import org.yuqing.domain.events.IntegrationEvent;
import org.yuqing.domain.events.StatementPublished;
import org.yuqing.events.IntegrationEventListener;
import org.yuqing.platform.stack.StackTestProperties;
import org.yuqing.security.Caller;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.casework.cases.Fixtures.T0;
import static org.yuqing.casework.cases.Fixtures.escalation;
import static org.yuqing.casework.cases.Fixtures.firstGrade;
import static org.yuqing.casework.cases.Fixtures.statement;

@CaseworkIntegrationTest
class UpstreamEventListenerTest {

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry r) {
        StackTestProperties.postgres(r);
        TestTokens.shared().register(r);
    }

    @Autowired
    IntegrationEventListener listener;
    @Autowired
    CaseRepository repository;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TestClock clock;
    @Autowired
    Cases cases;

    TransactionTemplate tx;
    UUID incident;
    String unit;

    @BeforeEach
    void setUp() {
        tx = new TransactionTemplate(transactions);
        incident = UUID.randomUUID();
        unit = "unit-" + UUID.randomUUID();
        clock.set(T0.plus(Duration.ofMinutes(1)));
    }

    @Test
    void a_major_grade_that_opens_a_case_starts_a_two_hour_report_clock_and_announces_the_case() {
        deliver("grading", firstGrade(incident, unit, Level.MAJOR, T0));

        CaseFile opened = caseOf(incident).orElseThrow();
        assertThat(opened.level()).isEqualTo(Level.MAJOR);
        assertThat(opened.state()).isEqualTo(CaseState.ASSESSING);
        assertThat(opened.unitId()).isEqualTo(unit);
        assertThat(opened.openedAt()).isEqualTo(T0);
        assertThat(opened.reportDueAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(opened.firstStatementDueAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(opened.statementApprovals())
                .containsExactly(ApprovalStep.UNIT_HEAD, ApprovalStep.LEADER_IN_CHARGE, ApprovalStep.MAIN_LEADER);

        List<CaseOpened> announced = caseOpenedEvents(opened.id());
        assertThat(announced).singleElement().satisfies(e -> {
            assertThat(e.incidentId()).isEqualTo(incident);
            assertThat(e.unitId()).isEqualTo(unit);
            assertThat(e.level()).isEqualTo(Level.MAJOR);
            assertThat(e.reportDeadline()).isEqualTo(T0.plus(Duration.ofHours(2)));
            assertThat(e.firstStatementDeadline()).isEqualTo(T0.plus(Duration.ofHours(24)));
            assertThat(e.statementApprovals()).isEqualTo(opened.statementApprovals());
        });

        List<TimelineItem> timeline = repository.timeline(opened.id());
        assertThat(timeline).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(TimelineKind.CASE_OPENED);
            assertThat(entry.at()).isEqualTo(T0);
            assertThat(entry.summary()).isEqualTo("按区网络舆情处置工作应急预案定为重大舆情，2小时内上报，24小时内首次发声");
            assertThat(entry.detail().path("reasons").get(0).asString()).contains("主流媒体 1 家");
        });
    }

    @Test
    void a_redelivered_grade_opens_no_second_case_and_announces_it_once() {
        IncidentGraded grade = firstGrade(incident, unit, Level.MAJOR, T0);

        deliver("grading", grade);
        deliver("grading", grade);

        assertThat(jdbc.queryForObject("select count(*) from casework.case_file where incident_id = ?", Long.class,
                incident)).isEqualTo(1);
        CaseFile opened = caseOf(incident).orElseThrow();
        assertThat(caseOpenedEvents(opened.id())).hasSize(1);
        assertThat(repository.timeline(opened.id())).hasSize(1);
    }

    @Test
    void an_escalation_to_major_restarts_the_report_clock_from_the_escalation_time() {
        deliver("grading", firstGrade(incident, unit, Level.SERIOUS, T0));
        assertThat(caseOf(incident).orElseThrow().reportDueAt()).isEqualTo(T0.plus(Duration.ofHours(24)));

        Instant escalatedAt = T0.plus(Duration.ofHours(3));
        clock.set(escalatedAt);
        deliver("grading", escalation(incident, unit, Level.SERIOUS, Level.MAJOR, escalatedAt));

        CaseFile escalated = caseOf(incident).orElseThrow();
        assertThat(escalated.level()).isEqualTo(Level.MAJOR);
        assertThat(escalated.reportDueAt()).isEqualTo(T0.plus(Duration.ofHours(5)));
        assertThat(escalated.firstStatementDueAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(escalated.statementApprovals()).contains(ApprovalStep.MAIN_LEADER);
        assertThat(repository.timeline(escalated.id())).extracting(TimelineItem::kind)
                .containsExactly(TimelineKind.CASE_OPENED, TimelineKind.ESCALATED);
        assertThat(repository.timeline(escalated.id()).getLast().summary())
                .isEqualTo("按区网络舆情处置工作应急预案由较大升级为重大舆情，上报时限自升级时起重新计算：2小时内上报");
        assertThat(caseOpenedEvents(escalated.id())).hasSize(1);
        // Publishing learns the new approval chain from this event.
        assertThat(jdbc.queryForList("select payload->>'level' || ' ' || (payload->'statementApprovals')::text "
                + "from casework.outbox where event_type = 'CaseEscalated' and payload->>'caseId' = ?",
                String.class, escalated.id().toString()))
                .containsExactly("MAJOR [\"UNIT_HEAD\", \"LEADER_IN_CHARGE\", \"MAIN_LEADER\"]");
    }

    @Test
    void an_escalation_after_the_report_leaves_the_met_report_clock_alone() {
        deliver("grading", firstGrade(incident, unit, Level.SERIOUS, T0));
        UUID caseId = caseOf(incident).orElseThrow().id();
        clock.set(T0.plus(Duration.ofHours(2)));
        cases.recordReport(caseId, ReportKind.WRITTEN, List.of("区委宣传部"), T0.plus(Duration.ofHours(1)),
                new Caller("zhang", "zhang", Set.of(Role.UNIT_HANDLER), Set.of(unit), Set.of(unit)));

        clock.set(T0.plus(Duration.ofHours(3)));
        deliver("grading", escalation(incident, unit, Level.SERIOUS, Level.MAJOR, T0.plus(Duration.ofHours(3))));

        CaseFile escalated = caseOf(incident).orElseThrow();
        assertThat(escalated.level()).isEqualTo(Level.MAJOR);
        assertThat(escalated.reportDueAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(escalated.reportedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(repository.timeline(caseId).getLast().summary()).endsWith("已上报，请按新级别续报");
    }

    @Test
    void an_escalation_to_an_opening_level_opens_the_case_of_an_incident_that_had_none() {
        deliver("grading", firstGrade(incident, unit, Level.GENERAL, T0));
        assertThat(caseOf(incident)).isEmpty();

        Instant escalatedAt = T0.plus(Duration.ofHours(6));
        deliver("grading", escalation(incident, unit, Level.GENERAL, Level.SERIOUS, escalatedAt));

        CaseFile opened = caseOf(incident).orElseThrow();
        assertThat(opened.level()).isEqualTo(Level.SERIOUS);
        assertThat(opened.reportDueAt()).isEqualTo(escalatedAt.plus(Duration.ofHours(24)));
        assertThat(repository.timeline(opened.id()).getFirst().summary()).startsWith("按区网络舆情处置工作应急预案由一般升级为较大舆情");
        assertThat(caseOpenedEvents(opened.id())).hasSize(1);
    }

    @Test
    void a_general_grade_that_opens_no_case_opens_nothing() {
        deliver("grading", firstGrade(incident, unit, Level.GENERAL, T0));

        assertThat(caseOf(incident)).isEmpty();
        assertThat(jdbc.queryForObject(
                "select count(*) from casework.outbox where payload->>'incidentId' = ?", Long.class, incident.toString()))
                .isZero();
    }

    @Test
    void a_new_category_at_the_same_level_is_noted_without_touching_the_clocks() {
        deliver("grading", firstGrade(incident, unit, Level.MAJOR, T0));
        CaseFile before = caseOf(incident).orElseThrow();
        IncidentGraded reclassified = new IncidentGraded(UUID.randomUUID(), T0.plus(Duration.ofHours(1)), incident,
                unit, before.title(), Level.MAJOR, Level.MAJOR, Category.FABRICATION, List.of("标题含“谣言”"),
                "district", 1, false, Fixtures.districtTerms(Level.MAJOR));

        deliver("grading", reclassified);

        CaseFile after = caseOf(incident).orElseThrow();
        assertThat(after.reportDueAt()).isEqualTo(before.reportDueAt());
        assertThat(repository.timeline(after.id()).getLast().summary()).isEqualTo("研判结果更新：重大舆情，分类：捏造歪曲");
    }

    @Test
    void a_published_statement_is_on_the_timeline_and_stops_the_first_statement_clock() {
        deliver("grading", firstGrade(incident, unit, Level.MAJOR, T0));
        CaseFile opened = caseOf(incident).orElseThrow();
        StatementPublished first = statement(opened.id(), unit, "关于化工厂事故的情况通报", T0.plus(Duration.ofHours(5)));

        deliver("publishing", first);
        deliver("publishing", first);
        deliver("publishing", statement(opened.id(), unit, "关于化工厂事故的进展通报", T0.plus(Duration.ofHours(30))));

        CaseFile after = caseOf(incident).orElseThrow();
        assertThat(after.firstStatementAt()).isEqualTo(T0.plus(Duration.ofHours(5)));
        DeadlineClock statementClock = after.clocks().get(1);
        assertThat(statementClock.name()).isEqualTo(ClockName.FIRST_STATEMENT);
        assertThat(statementClock.statusAt(T0.plus(Duration.ofDays(3)))).isEqualTo(ClockStatus.MET);

        List<TimelineItem> releases = repository.timeline(opened.id()).stream()
                .filter(e -> e.kind() == TimelineKind.STATEMENT_PUBLISHED).toList();
        assertThat(releases).hasSize(2);
        assertThat(releases.getFirst().summary()).isEqualTo("发布声明《关于化工厂事故的情况通报》：" + first.publicUrl()
                + "（WEBSITE），审批：张科长 → 李副区长 → 王区长");
        assertThat(releases.getFirst().at()).isEqualTo(first.publishedAt());
    }

    @Test
    void a_statement_for_a_case_casework_does_not_know_changes_nothing() {
        UUID unknownCase = UUID.randomUUID();

        deliver("publishing", statement(unknownCase, unit, "无主声明", T0));

        assertThat(jdbc.queryForObject("select count(*) from casework.timeline_entry where case_id = ?", Long.class,
                unknownCase)).isZero();
    }

    private void deliver(String feed, IntegrationEvent event) {
        tx.executeWithoutResult(s -> listener.on(feed, event));
    }

    private Optional<CaseFile> caseOf(UUID incidentId) {
        return jdbc.queryForList("select id from casework.case_file where incident_id = ?", UUID.class, incidentId)
                .stream().findFirst().flatMap(repository::find);
    }

    private List<CaseOpened> caseOpenedEvents(UUID caseId) {
        return jdbc.queryForList("select payload::text from casework.outbox where event_type = 'CaseOpened' "
                        + "and aggregate_id = ?", String.class, caseId.toString())
                .stream().map(p -> json.readValue(p, CaseOpened.class)).toList();
    }
}
