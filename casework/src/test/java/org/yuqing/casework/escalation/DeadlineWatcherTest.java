package org.yuqing.casework.escalation;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.yuqing.casework.clocks.ClockName;
import org.yuqing.domain.Level;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.casework.cases.Fixtures.T0;
import static org.yuqing.casework.cases.Fixtures.escalation;
import static org.yuqing.casework.cases.Fixtures.firstGrade;

class DeadlineWatcherTest extends WatcherScenario {

    @Test
    void a_major_case_not_reported_is_warned_at_1h45_missed_after_2h_and_escalated_step_by_step() {
        UUID id = open(UUID.randomUUID(), Level.MAJOR);

        watchAt(T0.plus(Duration.ofMinutes(104)));
        assertThat(kinds(id)).containsExactly("CASE_OPENED");
        assertThat(notifications()).isEmpty();

        watchAt(T0.plus(Duration.ofMinutes(105)));
        assertThat(kinds(id)).containsExactly("CASE_OPENED", "DEADLINE_WARNING");
        assertThat(roles()).containsExactly("ASSIGNEE");
        assertThat(notifications().get(0).path("text").asString()).startsWith("【即将超时】重大舆情").contains("剩余15分钟");

        // The deadline instant itself is still in time.
        watchAt(T0.plus(Duration.ofHours(2)));
        assertThat(kinds(id)).containsExactly("CASE_OPENED", "DEADLINE_WARNING");

        watchAt(T0.plus(Duration.ofHours(2)).plusSeconds(30));
        JsonNode detail = caseDetail(id);
        JsonNode missed = detail.path("timeline").get(2);
        assertThat(missed.path("kind").asString()).isEqualTo("DEADLINE_MISSED");
        assertThat(missed.path("at").asString()).isEqualTo("2026-11-21T10:00:00Z");
        assertThat(missed.path("summary").asString()).isEqualTo("上报时限已于11月21日18:00届满，未上报，启动超时催办");
        assertThat(detail.path("overdue").get(0).asString()).isEqualTo("REPORT");
        assertThat(ledgerKinds(id)).containsExactly("CASE_OPENED", "DEADLINE_MISSED");
        assertThat(roles()).containsExactly("ASSIGNEE", "ASSIGNEE");
        assertThat(notifications().get(0).path("text").asString()).startsWith("【超时催办】").contains("经办人");

        watchAt(T0.plus(Duration.ofMinutes(129)));
        assertThat(roles()).containsExactly("ASSIGNEE", "ASSIGNEE");

        watchAt(T0.plus(Duration.ofMinutes(130)));
        assertThat(roles()).containsExactly("UNIT_HEAD", "ASSIGNEE", "ASSIGNEE");

        watchAt(T0.plus(Duration.ofMinutes(140)));
        assertThat(roles()).containsExactly("LEADER_IN_CHARGE", "UNIT_HEAD", "ASSIGNEE", "ASSIGNEE");
        assertThat(runs.runsOf(id)).singleElement().extracting(EscalationRepository.Run::state).isEqualTo("COMPLETED");

        watchAt(T0.plus(Duration.ofHours(5)));
        assertThat(roles()).hasSize(4);
        assertThat(ledgerKinds(id)).containsExactly("CASE_OPENED", "DEADLINE_MISSED");
    }

    @Test
    void a_report_recorded_mid_chain_stops_it() {
        UUID id = open(UUID.randomUUID(), Level.MAJOR);
        watchAt(T0.plus(Duration.ofMinutes(121)));
        assertThat(roles()).containsExactly("ASSIGNEE");

        // A written report: a phone report would start the written-report clock, whose own chain is not this test's.
        clock.set(T0.plus(Duration.ofMinutes(125)));
        assertThat(mvc.post().uri("/api/casework/cases/{id}/reports", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"WRITTEN\",\"to\":[\"区委宣传部\"]}").exchange()).hasStatus(HttpStatus.CREATED);
        watchAt(T0.plus(Duration.ofMinutes(126)));
        assertThat(runs.runsOf(id)).singleElement().extracting(EscalationRepository.Run::state).isEqualTo("STOPPED");

        watchAt(T0.plus(Duration.ofHours(3)));
        assertThat(roles()).containsExactly("ASSIGNEE");
        JsonNode record = body(mvc.get().uri("/api/casework/accountability?unit={u}", unit).exchange());
        assertThat(record.path("unit").asString()).isEqualTo(unit);
        assertThat(record.path("missedReports").asInt()).isEqualTo(1);
        assertThat(record.path("lateReports").asInt()).isEqualTo(1);
        assertThat(record.path("missedStatements").asInt()).isZero();
    }

    @Test
    void watching_twice_or_after_a_restart_or_on_two_replicas_fires_nothing_twice() throws Exception {
        UUID id = open(UUID.randomUUID(), Level.MAJOR);

        clock.set(T0.plus(Duration.ofMinutes(110)));
        watcher.watch();
        watcher.watch();
        freshWatcher().watch();
        assertThat(kinds(id)).containsExactly("CASE_OPENED", "DEADLINE_WARNING");

        clock.set(T0.plus(Duration.ofMinutes(121)));
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            List<Future<DeadlineWatcher.Pass>> passes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                DeadlineWatcher replica = freshWatcher();
                passes.add(pool.submit(replica::watch));
            }
            for (Future<DeadlineWatcher.Pass> pass : passes) {
                pass.get();
            }
        }
        watcher.watch();
        freshWatcher().watch();

        assertThat(kinds(id)).containsExactly("CASE_OPENED", "DEADLINE_WARNING", "DEADLINE_MISSED");
        assertThat(ledgerKinds(id)).containsExactly("CASE_OPENED", "DEADLINE_MISSED");
        assertThat(roles()).containsExactly("ASSIGNEE", "ASSIGNEE");
        assertThat(runs.runsOf(id)).hasSize(1);
    }

    @Test
    void a_replica_that_scanned_before_another_recorded_the_miss_records_nothing() {
        UUID id = open(UUID.randomUUID(), Level.MAJOR);
        Instant now = T0.plus(Duration.ofMinutes(121));
        clock.set(now);
        EscalationRepository.WatchedClock stale = new EscalationRepository(db)
                .owingAlerts(ClockName.REPORT, now, now.plus(Duration.ofMinutes(15))).stream()
                .filter(c -> c.caseId().equals(id)).findFirst().orElseThrow();

        watcher.watch();
        DeadlineWatcher.Outcome late = freshWatcher().raise(stale, now);

        assertThat(late.misses()).isZero();
        assertThat(kinds(id)).containsExactly("CASE_OPENED", "DEADLINE_MISSED");
        assertThat(ledgerKinds(id)).containsExactly("CASE_OPENED", "DEADLINE_MISSED");
        assertThat(roles()).containsExactly("ASSIGNEE");
    }

    @Test
    void a_scanned_clock_reported_before_the_alert_records_nothing() {
        UUID id = open(UUID.randomUUID(), Level.MAJOR);
        Instant now = T0.plus(Duration.ofMinutes(121));
        clock.set(now);
        EscalationRepository.WatchedClock stale = new EscalationRepository(db)
                .owingAlerts(ClockName.REPORT, now, now.plus(Duration.ofMinutes(15))).stream()
                .filter(c -> c.caseId().equals(id)).findFirst().orElseThrow();
        assertThat(mvc.post().uri("/api/casework/cases/{id}/reports", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"PHONE\",\"to\":[\"区委宣传部\"]}").exchange()).hasStatus(HttpStatus.CREATED);

        DeadlineWatcher.Outcome late = watcher.raise(stale, now);

        assertThat(late.misses()).isZero();
        assertThat(kinds(id)).containsExactly("CASE_OPENED", "REPORTED");
        assertThat(roles()).isEmpty();
    }

    @Test
    void a_serious_case_escalated_to_major_at_hour_3_gets_its_two_hours_from_hour_3_and_misses_only_after_hour_5() {
        UUID incident = UUID.randomUUID();
        UUID id = open(incident, Level.SERIOUS);
        watchAt(T0.plus(Duration.ofMinutes(121)));
        assertThat(kinds(id)).containsExactly("CASE_OPENED");

        clock.set(T0.plus(Duration.ofHours(3)));
        apply(escalation(incident, unit, Level.SERIOUS, Level.MAJOR, T0.plus(Duration.ofHours(3))));
        watchAt(T0.plus(Duration.ofMinutes(284)));
        assertThat(kinds(id)).containsExactly("CASE_OPENED", "ESCALATED");

        watchAt(T0.plus(Duration.ofMinutes(285)));
        watchAt(T0.plus(Duration.ofHours(5)));
        assertThat(kinds(id)).containsExactly("CASE_OPENED", "ESCALATED", "DEADLINE_WARNING");

        watchAt(T0.plus(Duration.ofHours(5)).plusSeconds(30));
        JsonNode missed = caseDetail(id).path("timeline").get(3);
        assertThat(missed.path("kind").asString()).isEqualTo("DEADLINE_MISSED");
        assertThat(missed.path("detail").path("dueAt").asString()).isEqualTo("2026-11-21T13:00:00Z");
        assertThat(ledgerKinds(id)).containsExactly("CASE_OPENED", "ESCALATED", "DEADLINE_MISSED");
    }

    @Test
    void a_clock_restarted_by_an_escalation_after_a_miss_can_be_missed_again_and_stops_the_old_chain() {
        UUID incident = UUID.randomUUID();
        UUID id = open(incident, Level.MAJOR);
        watchAt(T0.plus(Duration.ofMinutes(121)));

        clock.set(T0.plus(Duration.ofMinutes(125)));
        apply(escalation(incident, unit, Level.MAJOR, Level.EXTRAORDINARY, T0.plus(Duration.ofMinutes(125))));
        watchAt(T0.plus(Duration.ofMinutes(126)));
        assertThat(runs.runsOf(id)).singleElement().extracting(EscalationRepository.Run::state).isEqualTo("STOPPED");

        watchAt(T0.plus(Duration.ofMinutes(186)));

        assertThat(ledgerKinds(id)).containsExactly("CASE_OPENED", "DEADLINE_MISSED", "ESCALATED", "DEADLINE_MISSED");
        assertThat(runs.runsOf(id)).extracting(EscalationRepository.Run::state).containsExactly("STOPPED", "RUNNING");
        JsonNode record = body(mvc.get().uri("/api/casework/accountability?unit={u}", unit).exchange());
        assertThat(record.path("missedReports").asInt()).isEqualTo(2);
    }

    @Test
    void a_notification_is_marked_read_once_and_unread_ones_can_be_listed() {
        open(UUID.randomUUID(), Level.MAJOR);
        watchAt(T0.plus(Duration.ofMinutes(121)));
        long nid = notifications().get(0).path("id").asLong();
        clock.set(T0.plus(Duration.ofMinutes(130)));

        JsonNode read = body(mvc.post().uri("/api/casework/notifications/{id}/read", nid).exchange());
        clock.set(T0.plus(Duration.ofMinutes(140)));
        JsonNode again = body(mvc.post().uri("/api/casework/notifications/{id}/read", nid).exchange());

        assertThat(read.path("readAt").asString()).isEqualTo("2026-11-21T10:10:00Z");
        assertThat(again.path("readAt").asString()).isEqualTo("2026-11-21T10:10:00Z");
        assertThat(body(mvc.get().uri("/api/casework/notifications?unit={u}&unread=true", unit).exchange()).size())
                .isZero();
        assertThat(body(mvc.get().uri("/api/casework/notifications?unit={u}&role=ASSIGNEE", unit).exchange()).size())
                .isEqualTo(1);
    }

    @Test
    void each_user_reads_the_notices_of_their_own_units_for_themselves_and_another_units_notice_is_404() {
        open(UUID.randomUUID(), Level.MAJOR);
        watchAt(T0.plus(Duration.ofMinutes(121)));
        long nid = notifications().get(0).path("id").asLong();
        String colleague = TestTokens.shared().user("colleague").units(unit).bearer();
        String stranger = TestTokens.shared().user("stranger").units("other-" + unit).bearer();
        // The parent unit sees the unit's cases, but the notices to the unit are for its own people.
        String parent = TestTokens.shared().user("parent").units("parent-" + unit).scope("parent-" + unit, unit)
                .bearer();

        body(mvc.post().uri("/api/casework/notifications/{id}/read", nid).exchange());

        assertThat(body(mvc.get().uri("/api/casework/notifications?unread=true").exchange()).size()).isZero();
        JsonNode colleagues = body(mvc.get().uri("/api/casework/notifications?unread=true")
                .header(HttpHeaders.AUTHORIZATION, colleague).exchange());
        assertThat(colleagues.size()).isEqualTo(1);
        assertThat(colleagues.get(0).path("id").asLong()).isEqualTo(nid);
        assertThat(colleagues.get(0).path("readAt").isNull()).isTrue();
        for (String other : List.of(stranger, parent)) {
            assertThat(mvc.get().uri("/api/casework/notifications").header(HttpHeaders.AUTHORIZATION, other).exchange())
                    .hasStatusOk().bodyJson().extractingPath("$[*].id").asArray().doesNotContain(nid);
            MvcTestResult refused = mvc.post().uri("/api/casework/notifications/{id}/read", nid)
                    .header(HttpHeaders.AUTHORIZATION, other).exchange();
            assertThat(refused).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(refused.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
        assertThat(body(mvc.get().uri("/api/casework/notifications?unread=true")
                .header(HttpHeaders.AUTHORIZATION, colleague).exchange()).size()).isEqualTo(1);
    }

    @Test
    void an_unknown_notification_or_a_missing_unit_is_a_problem() {
        MvcTestResult unknown = mvc.post().uri("/api/casework/notifications/{id}/read", Long.MAX_VALUE).exchange();
        assertThat(unknown).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(unknown.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        MvcTestResult noUnit = mvc.get().uri("/api/casework/accountability").exchange();
        assertThat(noUnit).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(noUnit.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    private UUID open(UUID incident, Level level) {
        apply(firstGrade(incident, unit, level, T0));
        JsonNode list = body(mvc.get().uri("/api/casework/cases?unit={u}", unit).exchange());
        for (JsonNode c : list) {
            if (c.path("incidentId").asString().equals(incident.toString())) {
                return UUID.fromString(c.path("id").asString());
            }
        }
        throw new AssertionError("no case opened for " + incident);
    }

    private List<String> kinds(UUID id) {
        return StreamSupport.stream(caseDetail(id).path("timeline").spliterator(), false)
                .map(e -> e.path("kind").asString()).toList();
    }

    /** The unit's notifications, newest first. */
    private List<JsonNode> notifications() {
        return StreamSupport.stream(body(mvc.get().uri("/api/casework/notifications?unit={u}", unit).exchange())
                .spliterator(), false).toList();
    }

    private List<String> roles() {
        return notifications().stream().map(n -> n.path("recipientRole").asString()).toList();
    }
}
