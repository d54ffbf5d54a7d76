package org.yuqing.publishing.cases;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.domain.Level;
import org.yuqing.domain.events.CaseOpened;
import org.yuqing.domain.events.IncidentDetected;
import org.yuqing.publishing.PublishingIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CaseworkFeedListenerTest extends PublishingIntegrationTest {

    /** A case casework "opened": served on a stand-in for casework's feed. */
    private static final CaseOpened ON_THE_FEED = caseOpened(Level.MAJOR, MAJOR_APPROVALS);
    private static final HttpServer CASEWORK = caseworkFeed(ON_THE_FEED);

    @DynamicPropertySource
    static void caseworkStandIn(DynamicPropertyRegistry r) {
        // a feed name of its own, so its cursor is not shared with any other test context
        r.add("yuqing.events.subscriptions.casework-" + UUID.randomUUID() + ".uri",
                () -> "http://127.0.0.1:" + CASEWORK.getAddress().getPort() + "/internal/events");
    }

    @AfterAll
    static void stopFeed() {
        CASEWORK.stop(0);
    }

    @Autowired
    Cases cases;
    @Autowired
    CaseworkFeedListener caseworkListener;

    @Test
    void a_case_opened_on_the_casework_feed_becomes_known_with_its_approvals() throws Exception {
        Optional<CaseRef> known = Optional.empty();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (known.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            known = cases.find(ON_THE_FEED.caseId());
        }

        assertThat(known).as("case from the feed").isPresent();
        CaseRef c = known.get();
        assertThat(c.level()).isEqualTo(Level.MAJOR);
        assertThat(c.unitId()).isEqualTo("district");
        assertThat(c.incidentId()).isEqualTo(ON_THE_FEED.incidentId());
        assertThat(c.statementApprovals())
                .containsExactly(ApprovalStep.UNIT_HEAD, ApprovalStep.LEADER_IN_CHARGE, ApprovalStep.MAIN_LEADER);
    }

    @Test
    void a_redelivered_case_opened_leaves_one_case() {
        CaseOpened opened = caseOpened(Level.SERIOUS, List.of(ApprovalStep.UNIT_HEAD, ApprovalStep.LEADER_IN_CHARGE));

        caseworkListener.on("casework", opened);
        caseworkListener.on("casework", opened);

        assertThat(jdbc.queryForObject("select count(*) from publishing.case_ref where case_id = ?", Long.class,
                opened.caseId())).isEqualTo(1);
        CaseRef c = cases.find(opened.caseId()).orElseThrow();
        assertThat(c.level()).isEqualTo(Level.SERIOUS);
        assertThat(c.title()).isEqualTo(opened.title());
        // PostgreSQL keeps microseconds and rounds the rest
        assertThat(c.openedAt()).isCloseTo(opened.occurredAt(), within(1, ChronoUnit.MICROS));
        assertThat(c.statementApprovals()).containsExactly(ApprovalStep.UNIT_HEAD, ApprovalStep.LEADER_IN_CHARGE);
    }

    @Test
    void events_other_than_case_opened_are_ignored() {
        UUID incident = UUID.randomUUID();
        long before = jdbc.queryForObject("select count(*) from publishing.case_ref", Long.class);

        caseworkListener.on("casework", new IncidentDetected(UUID.randomUUID(), Instant.now(), incident,
                UUID.randomUUID(), "district", "无关事件", Instant.now(), IncidentMetrics.empty()));

        assertThat(jdbc.queryForObject("select count(*) from publishing.case_ref where incident_id = ?", Long.class,
                incident)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from publishing.case_ref", Long.class))
                .isGreaterThanOrEqualTo(before);
    }

    /** Serves one CaseOpened at position 1 in the shape of the events library's feed. */
    private static HttpServer caseworkFeed(CaseOpened event) {
        JsonMapper mapper = JsonMapper.builder().build();
        String withEvent = mapper.writeValueAsString(Map.of("next", 1, "events", List.of(Map.of(
                "position", 1, "eventId", event.eventId(), "type", "CaseOpened",
                "aggregateId", event.aggregateId(), "occurredAt", event.occurredAt(), "payload", event))));
        String empty = "{\"events\":[],\"next\":1}";
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/internal/events", exchange -> {
                String query = exchange.getRequestURI().getQuery();
                boolean fromStart = query != null && query.contains("after=0&");
                if (!fromStart) {
                    sleep();
                }
                byte[] body = (fromStart ? withEvent : empty).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
