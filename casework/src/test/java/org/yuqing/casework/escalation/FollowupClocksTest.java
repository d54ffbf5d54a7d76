package org.yuqing.casework.escalation;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.yuqing.casework.cases.Fixtures;
import org.yuqing.domain.Category;
import org.yuqing.domain.Level;
import org.yuqing.domain.events.IncidentGraded;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.casework.cases.Fixtures.T0;

/**
 * The plan's follow-up clocks on the controllable clock: the written report after a phone report, the same-day
 * reply to an inquiry (Beijing time) and the recurring progress update, each through the same watcher, warnings,
 * ledger and escalation chain as the report clock, and nothing fired twice.
 */
class FollowupClocksTest extends WatcherScenario {

    @Test
    void a_phone_report_owes_the_written_report_30_minutes_later_warned_missed_once_and_stopped_by_it() {
        UUID id = open(grade(Level.MAJOR, Category.HYPE, T0));
        report(id, "PHONE", T0.plus(Duration.ofMinutes(10)));
        assertThat(clock(id, "WRITTEN_REPORT").path("dueAt").asString()).isEqualTo("2026-11-21T08:40:00Z");
        assertThat(timelineOf(id).get(1).path("detail").path("writtenReportDueAt").asString())
                .isEqualTo("2026-11-21T08:40:00Z");

        watchAt(T0.plus(Duration.ofMinutes(29)));
        assertThat(alerts(id)).isEmpty();
        watchAt(T0.plus(Duration.ofMinutes(30)));
        assertThat(alerts(id)).containsExactly("DEADLINE_WARNING WRITTEN_REPORT");
        watchAt(T0.plus(Duration.ofMinutes(40)));
        assertThat(alerts(id)).containsExactly("DEADLINE_WARNING WRITTEN_REPORT");

        watchAt(T0.plus(Duration.ofMinutes(40)).plusSeconds(30));
        watcher.watch();
        freshWatcher().watch();
        assertThat(alerts(id)).containsExactly("DEADLINE_WARNING WRITTEN_REPORT", "DEADLINE_MISSED WRITTEN_REPORT");
        assertThat(missedSummary(id)).isEqualTo("书面报告时限已于11月21日16:40届满，未报送书面报告，启动超时催办");
        assertThat(ledgerKinds(id)).containsExactly("CASE_OPENED", "REPORTED", "DEADLINE_MISSED");
        assertThat(caseDetail(id).path("overdue").toString()).contains("WRITTEN_REPORT");

        report(id, "WRITTEN", T0.plus(Duration.ofMinutes(45)));
        watchAt(T0.plus(Duration.ofMinutes(46)));
        assertThat(runs.runsOf(id)).singleElement().extracting(EscalationRepository.Run::state).isEqualTo("STOPPED");
        assertThat(clock(id, "WRITTEN_REPORT").path("status").asString()).isEqualTo("MET_LATE");
        watchAt(T0.plus(Duration.ofHours(3)));
        freshWatcher().watch();
        assertThat(alerts(id)).hasSize(2);
        assertThat(ledgerKinds(id)).containsExactly("CASE_OPENED", "REPORTED", "DEADLINE_MISSED", "REPORTED");
        assertThat(accountability().path("missedWrittenReports").asInt()).isOne();
    }

    @Test
    void a_written_report_in_time_meets_the_clock_and_a_written_report_alone_starts_none() {
        UUID phoned = open(grade(Level.MAJOR, Category.HYPE, T0));
        UUID written = open(grade(Level.MAJOR, Category.HYPE, T0));
        report(phoned, "PHONE", T0.plus(Duration.ofMinutes(5)));
        report(phoned, "WRITTEN", T0.plus(Duration.ofMinutes(20)));
        report(written, "WRITTEN", T0.plus(Duration.ofMinutes(20)));

        watchAt(T0.plus(Duration.ofHours(1)));

        assertThat(clock(phoned, "WRITTEN_REPORT").path("status").asString()).isEqualTo("MET");
        assertThat(timelineOf(phoned).get(2).path("detail").path("writtenReportOnTime").asBoolean()).isTrue();
        assertThat(clockNames(written)).doesNotContain("WRITTEN_REPORT");
        assertThat(alerts(phoned)).isEmpty();
        assertThat(alerts(written)).isEmpty();
    }

    @Test
    void an_inquiry_detected_at_23_30_beijing_time_is_due_in_30_minutes_warned_at_once_and_missed_at_midnight() {
        Instant detected = Instant.parse("2026-11-21T15:30:00Z"); // 23:30 in Shanghai
        UUID id = open(grade(Level.SERIOUS, Category.INQUIRY, detected));
        JsonNode reply = clock(id, "INQUIRY_REPLY");
        assertThat(reply.path("dueAt").asString()).isEqualTo("2026-11-21T15:59:59Z");
        assertThat(reply.path("nameText").asString()).isEqualTo("答复时限");
        assertThat(caseDetail(id).path("categoryName").asString()).isEqualTo("询问质疑");
        assertThat(timelineOf(id).get(0).path("summary").asString()).endsWith("；询问质疑类，须于11月21日23:59:59前答复");

        watchAt(detected);
        assertThat(alerts(id)).containsExactly("DEADLINE_WARNING INQUIRY_REPLY");
        assertThat(timelineOf(id).get(1).path("summary").asString()).contains("剩余30分钟");
        watchAt(Instant.parse("2026-11-21T15:59:59Z"));
        assertThat(alerts(id)).containsExactly("DEADLINE_WARNING INQUIRY_REPLY");

        watchAt(Instant.parse("2026-11-21T16:00:00Z"));
        freshWatcher().watch();
        assertThat(alerts(id)).containsExactly("DEADLINE_WARNING INQUIRY_REPLY", "DEADLINE_MISSED INQUIRY_REPLY");
        assertThat(missedSummary(id)).isEqualTo("答复时限已于11月21日23:59届满，未答复询问质疑，启动超时催办");

        clock.set(Instant.parse("2026-11-21T16:20:00Z"));
        apply(Fixtures.statement(id, unit, "关于网民询问的答复", Instant.parse("2026-11-21T16:20:00Z")));
        assertThat(clock(id, "INQUIRY_REPLY").path("status").asString()).isEqualTo("MET_LATE");
        assertThat(ledger.entriesOf(id).getLast().summary()).contains("答复询问质疑超时");
        watchAt(Instant.parse("2026-11-21T16:21:00Z"));
        assertThat(runs.runsOf(id)).singleElement().extracting(EscalationRepository.Run::state).isEqualTo("STOPPED");
        assertThat(accountability().path("missedInquiryReplies").asInt()).isOne();
    }

    @Test
    void an_inquiry_detected_at_00_10_beijing_time_has_the_whole_day_and_a_reply_that_morning_meets_it() {
        Instant detected = Instant.parse("2026-11-21T16:10:00Z"); // 00:10 on 22 November in Shanghai
        UUID id = open(grade(Level.SERIOUS, Category.INQUIRY, detected));
        assertThat(clock(id, "INQUIRY_REPLY").path("dueAt").asString()).isEqualTo("2026-11-22T15:59:59Z");

        watchAt(detected);
        watchAt(Instant.parse("2026-11-22T13:59:58Z"));
        assertThat(alerts(id)).isEmpty();
        watchAt(Instant.parse("2026-11-22T13:59:59Z"));
        assertThat(alerts(id)).containsExactly("DEADLINE_WARNING INQUIRY_REPLY");

        clock.set(Instant.parse("2026-11-22T14:00:00Z"));
        apply(Fixtures.statement(id, unit, "关于网民询问的答复", Instant.parse("2026-11-22T14:00:00Z")));
        watchAt(Instant.parse("2026-11-22T16:05:00Z"));

        assertThat(clock(id, "INQUIRY_REPLY").path("status").asString()).isEqualTo("MET");
        // The report clock (24 h from 00:10) warns meanwhile; the reply is neither warned again nor missed.
        assertThat(alerts(id)).containsExactly("DEADLINE_WARNING INQUIRY_REPLY", "DEADLINE_WARNING REPORT");
        assertThat(ledger.entriesOf(id).getLast().summary()).contains("答复询问质疑按时");
    }

    @Test
    void a_case_classified_as_an_inquiry_later_owes_the_reply_by_the_end_of_its_detection_day_until_reclassified() {
        UUID incident = UUID.randomUUID();
        UUID id = open(grade(incident, Level.SERIOUS, Category.UNCLASSIFIED, T0, null));
        assertThat(clockNames(id)).doesNotContain("INQUIRY_REPLY");

        clock.set(T0.plus(Duration.ofHours(1)));
        apply(grade(incident, Level.SERIOUS, Category.INQUIRY, T0.plus(Duration.ofHours(1)), Level.SERIOUS));
        assertThat(clock(id, "INQUIRY_REPLY").path("dueAt").asString()).isEqualTo("2026-11-21T15:59:59Z");
        assertThat(timelineOf(id).getLast().path("summary").asString()).endsWith("，须于11月21日23:59:59前答复");

        clock.set(T0.plus(Duration.ofHours(2)));
        apply(grade(incident, Level.SERIOUS, Category.HYPE, T0.plus(Duration.ofHours(2)), Level.SERIOUS));
        assertThat(clockNames(id)).doesNotContain("INQUIRY_REPLY");
        watchAt(Instant.parse("2026-11-21T16:30:00Z"));
        assertThat(alerts(id)).isEmpty();
    }

    @Test
    void progress_updates_fall_due_an_interval_after_the_last_report_or_statement_each_miss_once_while_handled() {
        UUID id = open(grade(Level.MAJOR, Category.HYPE, T0));
        report(id, "PHONE", T0.plus(Duration.ofMinutes(10)));
        report(id, "WRITTEN", T0.plus(Duration.ofMinutes(20)));
        clock.set(T0.plus(Duration.ofMinutes(60)));
        apply(Fixtures.statement(id, unit, "情况通报", T0.plus(Duration.ofMinutes(60))));
        assertThat(clockNames(id)).doesNotContain("PROGRESS_UPDATE");

        move(id, "RESPONDING", T0.plus(Duration.ofMinutes(70)));
        assertThat(clock(id, "PROGRESS_UPDATE").path("dueAt").asString()).isEqualTo("2026-11-22T09:00:00Z");

        watchAt(T0.plus(Duration.ofHours(23)).minusSeconds(1));
        assertThat(alerts(id)).isEmpty();
        watchAt(T0.plus(Duration.ofHours(23)));
        assertThat(alerts(id)).containsExactly("DEADLINE_WARNING PROGRESS_UPDATE");
        watchAt(T0.plus(Duration.ofHours(25)).plusSeconds(30));
        watcher.watch();
        freshWatcher().watch();
        assertThat(alerts(id)).containsExactly("DEADLINE_WARNING PROGRESS_UPDATE", "DEADLINE_MISSED PROGRESS_UPDATE");
        assertThat(missedSummary(id)).isEqualTo("续报时限已于11月22日17:00届满，未续报进展，启动超时催办");

        report(id, "WRITTEN", T0.plus(Duration.ofHours(25)).plusSeconds(300));
        assertThat(clock(id, "PROGRESS_UPDATE").path("dueAt").asString()).isEqualTo("2026-11-23T09:05:00Z");
        assertThat(clock(id, "PROGRESS_UPDATE").path("status").asString()).isEqualTo("RUNNING");
        watchAt(T0.plus(Duration.ofHours(25)).plusSeconds(360));
        assertThat(runs.runsOf(id)).singleElement().extracting(EscalationRepository.Run::state).isEqualTo("STOPPED");

        move(id, "TRACKING", T0.plus(Duration.ofHours(27)));
        assertThat(clock(id, "PROGRESS_UPDATE").path("dueAt").asString()).isEqualTo("2026-11-23T09:05:00Z");
        watchAt(T0.plus(Duration.ofHours(48)));
        watchAt(T0.plus(Duration.ofHours(49)).plusSeconds(301));
        freshWatcher().watch();
        assertThat(alerts(id)).containsExactly("DEADLINE_WARNING PROGRESS_UPDATE", "DEADLINE_MISSED PROGRESS_UPDATE",
                "DEADLINE_WARNING PROGRESS_UPDATE", "DEADLINE_MISSED PROGRESS_UPDATE");
        assertThat(accountability().path("missedProgressUpdates").asInt()).isEqualTo(2);

        move(id, "SUBSIDED", T0.plus(Duration.ofHours(49)).plusSeconds(420));
        assertThat(clockNames(id)).doesNotContain("PROGRESS_UPDATE");
        watchAt(T0.plus(Duration.ofHours(49)).plusSeconds(421));
        assertThat(runs.runsOf(id)).extracting(EscalationRepository.Run::state).containsExactly("STOPPED", "STOPPED");
        watchAt(T0.plus(Duration.ofHours(80)));
        assertThat(alerts(id)).hasSize(4);
    }

    private IncidentGraded grade(Level level, Category category, Instant at) {
        return grade(UUID.randomUUID(), level, category, at, null);
    }

    private IncidentGraded grade(UUID incident, Level level, Category category, Instant at, Level previous) {
        return new IncidentGraded(UUID.randomUUID(), at, incident, unit, "网民询问化工厂 " + incident, level, previous,
                category, List.of("网民询问 — 区网络舆情处置工作应急预案 五(一)"), "district", 1, false,
                Fixtures.districtTerms(level));
    }

    private UUID open(IncidentGraded grade) {
        clock.set(grade.occurredAt());
        apply(grade);
        JsonNode list = body(mvc.get().uri("/api/casework/cases?unit={u}", unit).exchange());
        for (JsonNode c : list) {
            if (c.path("incidentId").asString().equals(grade.incidentId().toString())) {
                return UUID.fromString(c.path("id").asString());
            }
        }
        throw new AssertionError("no case opened for " + grade.incidentId());
    }

    private void report(UUID id, String kind, Instant at) {
        clock.set(at);
        assertThat(mvc.post().uri("/api/casework/cases/{id}/reports", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"" + kind + "\",\"to\":[\"区委宣传部\"]}").exchange()).hasStatus(HttpStatus.CREATED);
    }

    private void move(UUID id, String to, Instant at) {
        clock.set(at);
        assertThat(mvc.post().uri("/api/casework/cases/{id}/transitions", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"to\":\"" + to + "\"}").exchange()).hasStatusOk();
    }

    private List<JsonNode> timelineOf(UUID id) {
        return StreamSupport.stream(caseDetail(id).path("timeline").spliterator(), false).toList();
    }

    /** The watcher's entries on the timeline, as "KIND CLOCK". */
    private List<String> alerts(UUID id) {
        return timelineOf(id).stream().filter(e -> e.path("kind").asString().startsWith("DEADLINE_"))
                .map(e -> e.path("kind").asString() + " " + e.path("detail").path("clock").asString()).toList();
    }

    private String missedSummary(UUID id) {
        return timelineOf(id).stream().filter(e -> e.path("kind").asString().equals("DEADLINE_MISSED"))
                .reduce((a, b) -> b).orElseThrow().path("summary").asString();
    }

    private JsonNode clock(UUID id, String name) {
        for (JsonNode c : caseDetail(id).path("clocks")) {
            if (c.path("name").asString().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("case " + id + " has no clock " + name);
    }

    private List<String> clockNames(UUID id) {
        return StreamSupport.stream(caseDetail(id).path("clocks").spliterator(), false)
                .map(c -> c.path("name").asString()).toList();
    }

    private JsonNode accountability() {
        return body(mvc.get().uri("/api/casework/accountability?unit={u}", unit).exchange());
    }
}
