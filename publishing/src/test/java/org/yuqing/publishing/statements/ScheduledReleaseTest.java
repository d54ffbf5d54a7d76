package org.yuqing.publishing.statements;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.yuqing.publishing.PublishingIntegrationTest;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * 定时发布: an approved statement is released when the scheduler's clock reaches the scheduled time — the clock of
 * each pass is given here, as the schedule gives it — and only if the approvals still bind its text then.
 */
class ScheduledReleaseTest extends PublishingIntegrationTest {

    @Autowired
    private ScheduledReleases scheduler;

    @Test
    void an_approved_statement_is_released_when_the_clock_reaches_its_scheduled_time_and_not_before() throws Exception {
        UUID id = approved("定时发布的通报");
        Instant at = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);

        MvcResult scheduled = schedule(id, at);

        assertThat(scheduled.getResponse().getStatus()).as(scheduled.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode view = view(id);
        assertThat(Instant.parse(view.path("scheduledAt").asString())).isEqualTo(at);
        assertThat(view.path("scheduledBy").asString()).isEqualTo("spokesperson");
        assertThat(view.path("state").asString()).isEqualTo("APPROVED");
        assertThat(summary(id).path("scheduledAt").isNull()).as("the list shows it too").isFalse();

        runScheduler(at.minusSeconds(1));
        assertThat(view(id).path("state").asString()).as("a second early").isEqualTo("APPROVED");

        runScheduler(at);
        JsonNode released = view(id);
        assertThat(released.path("state").asString()).isEqualTo("PUBLISHED");
        assertThat(Instant.parse(released.path("publishedAt").asString())).isEqualTo(at);
        assertThat(released.path("scheduledAt").isNull()).isTrue();
        assertThat(jdbc.queryForList("select actor || ':' || outcome from publishing.release_attempt "
                + "where statement_id = ?", String.class, id)).containsExactly("spokesperson:PUBLISHED");
        assertThat(jdbc.queryForObject("select count(*) from publishing.outbox where event_type = 'StatementPublished'"
                + " and aggregate_id = ?", Long.class, id.toString())).isEqualTo(1L);
        assertThat(jdbc.queryForList("select actor || ' ' || detail from publishing.audit_event where action = 'RELEASE'"
                + " and outcome = 'DONE' and target = ? order by id", String.class, "statement " + id))
                .hasSize(2).satisfies(lines -> {
                    assertThat(lines.get(0)).startsWith("spokesperson scheduled the release for " + at);
                    assertThat(lines.get(1)).startsWith("spokesperson published as scheduled");
                });
        assertThat(mvc.perform(get("/public/statements/" + id)).andReturn().getResponse().getStatus()).isEqualTo(200);

        runScheduler(at.plusSeconds(60));
        assertThat(jdbc.queryForObject("select count(*) from publishing.release_attempt where statement_id = ?",
                Long.class, id)).as("released once").isEqualTo(1L);
    }

    @Test
    void a_cancelled_schedule_releases_nothing() throws Exception {
        UUID id = approved("取消定时的通报");
        Instant at = Instant.now().plus(1, ChronoUnit.HOURS);
        schedule(id, at);

        MvcResult cancelled = mvc.perform(delete("/api/publishing/statements/" + id + "/schedule")
                .header(HttpHeaders.AUTHORIZATION, as("spokesperson"))).andReturn();
        MvcResult again = mvc.perform(delete("/api/publishing/statements/" + id + "/schedule")
                .header(HttpHeaders.AUTHORIZATION, as("spokesperson"))).andReturn();
        runScheduler(at.plusSeconds(1));

        assertThat(cancelled.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(cancelled).path("scheduledAt").isNull()).isTrue();
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(again).path("type").asString()).isEqualTo("urn:yuqing:publishing:not-scheduled");
        assertThat(view(id).path("state").asString()).isEqualTo("APPROVED");
        assertThat(jdbc.queryForList("select detail from publishing.audit_event where target = ? and detail like "
                + "'cancelled%'", String.class, "statement " + id)).hasSize(1);
    }

    @Test
    void a_text_edited_after_scheduling_is_refused_at_the_scheduled_time_and_the_refusal_is_shown() throws Exception {
        UUID id = approved("定时后被修改的通报");
        Instant at = Instant.now().plus(1, ChronoUnit.HOURS);
        schedule(id, at);
        mvc.perform(put("/api/publishing/statements/" + id).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("title", "定时后被修改的通报", "body", "改过的正文。"))));

        runScheduler(at.plusSeconds(5));

        JsonNode view = view(id);
        assertThat(view.path("state").asString()).isEqualTo("DRAFT");
        assertThat(view.path("scheduledAt").isNull()).isTrue();
        assertThat(view.path("scheduleRefusal").asString()).contains("lacks the approvals");
        assertThat(jdbc.queryForList("select actor || ':' || outcome from publishing.release_attempt "
                + "where statement_id = ?", String.class, id)).containsExactly("spokesperson:REFUSED");
        assertThat(mvc.perform(get("/public/statements/" + id)).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void only_an_approved_statement_is_scheduled_and_only_in_the_future() throws Exception {
        UUID draft = draft(openMajorCase(), "未审定的通报", "正文。");
        UUID approved = approved("已审定的通报");

        MvcResult unapproved = schedule(draft, Instant.now().plusSeconds(3600));
        MvcResult past = schedule(approved, Instant.now().minusSeconds(60));
        MvcResult noTime = mvc.perform(put("/api/publishing/statements/" + approved + "/schedule")
                .header(HttpHeaders.AUTHORIZATION, as("spokesperson"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn();
        MvcResult unknown = schedule(UUID.randomUUID(), Instant.now().plusSeconds(3600));

        assertThat(unapproved.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(unapproved).path("type").asString()).isEqualTo("urn:yuqing:publishing:approvals-missing");
        assertThat(past.getResponse().getStatus()).isEqualTo(422);
        assertThat(past.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(noTime.getResponse().getStatus()).isEqualTo(400);
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(view(approved).path("scheduledAt").isNull()).isTrue();
    }

    /** One scheduler pass at the given time (the controllable clock), as {@code ReleaseSchedule} runs it. */
    private void runScheduler(Instant now) {
        scheduler.releaseDue(now);
    }

    private UUID approved(String title) throws Exception {
        UUID id = draft(openMajorCase(), title + " " + UUID.randomUUID(), "正文。");
        approveAll(id);
        return id;
    }

    private MvcResult schedule(UUID id, Instant at) throws Exception {
        return mvc.perform(put("/api/publishing/statements/" + id + "/schedule")
                .header(HttpHeaders.AUTHORIZATION, as("spokesperson"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("at", at.toString())))).andReturn();
    }

    private JsonNode view(UUID id) throws Exception {
        return body(mvc.perform(get("/api/publishing/statements/" + id)).andReturn());
    }

    private JsonNode summary(UUID id) throws Exception {
        UUID caseId = UUID.fromString(view(id).path("caseId").asString());
        return body(mvc.perform(get("/api/publishing/statements").param("caseId", caseId.toString())).andReturn())
                .get(0);
    }
}
