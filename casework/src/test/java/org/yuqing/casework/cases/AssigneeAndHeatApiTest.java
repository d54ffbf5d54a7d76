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
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.domain.Level;
import org.yuqing.domain.events.IncidentDetected;
import org.yuqing.domain.events.IncidentGraded;
import org.yuqing.domain.events.IncidentMetricsChanged;
import org.yuqing.domain.events.IntegrationEvent;
import org.yuqing.events.IntegrationEventListener;
import org.yuqing.platform.stack.StackTestProperties;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.casework.cases.Fixtures.T0;
import static org.yuqing.casework.cases.Fixtures.firstGrade;

/** Who works a case (指派经办人) and the heat series of its incident from monitoring's feed. */
@CaseworkIntegrationTest
class AssigneeAndHeatApiTest {

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
    @Autowired
    JdbcTemplate jdbc;

    String unit;
    String subunit;

    @BeforeEach
    void setUp() {
        unit = "unit-" + UUID.randomUUID();
        subunit = unit + "-street";
        caller.is(TestCaller.DEFAULT_LOGIN, unit, subunit);
        clock.set(T0);
    }

    @Test
    void assigning_people_puts_them_on_the_case_its_list_entry_its_timeline_and_its_ledger() {
        UUID id = open(UUID.randomUUID());
        clock.set(T0.plus(Duration.ofMinutes(5)));

        JsonNode assigned = body(assign(id, "{\"assignees\":[{\"login\":\"zhang\",\"unitId\":\"" + unit + "\"},"
                + "{\"login\":\" li \",\"unitId\":\"" + subunit + "\"}]}", "leader-wang"), HttpStatus.OK);

        assertThat(assigned.path("assignees").toString()).isEqualTo("[{\"login\":\"li\",\"unitId\":\"" + subunit
                + "\"},{\"login\":\"zhang\",\"unitId\":\"" + unit + "\"}]");
        JsonNode detail = body(mvc.get().uri("/api/casework/cases/{id}", id).exchange(), HttpStatus.OK);
        assertThat(detail.path("assignees").findValuesAsString("login")).containsExactly("li", "zhang");
        JsonNode entry = detail.path("timeline").get(detail.path("timeline").size() - 1);
        assertThat(entry.path("kind").asString()).isEqualTo("ASSIGNED");
        assertThat(entry.path("summary").asString()).isEqualTo("指派经办人：li（" + subunit + "）、zhang（" + unit + "）");
        assertThat(entry.path("actor").asString()).isEqualTo("leader-wang");
        assertThat(entry.path("at").asString()).isEqualTo("2026-11-21T08:05:00Z");
        JsonNode list = body(mvc.get().uri("/api/casework/cases?unit={u}", unit).exchange(), HttpStatus.OK);
        assertThat(list.get(0).path("assignees").findValuesAsString("login")).containsExactly("li", "zhang");
        assertThat(jdbc.queryForList("select kind || ' ' || actor || ' ' || summary from casework.ledger_entry "
                + "where case_id = ? order by seq", String.class, id)).last()
                .isEqualTo("ASSIGNED leader-wang 指派经办人：li（" + subunit + "）、zhang（" + unit + "）");
    }

    @Test
    void the_same_assignment_again_records_nothing_and_an_empty_one_unassigns_everyone() {
        UUID id = open(UUID.randomUUID());
        String body = "{\"assignees\":[{\"login\":\"zhang\",\"unitId\":\"" + unit + "\"}]}";
        body(assign(id, body, null), HttpStatus.OK);
        int entries = timelineSize(id);

        body(assign(id, body, null), HttpStatus.OK);
        assertThat(timelineSize(id)).as("nothing changed, nothing recorded").isEqualTo(entries);

        JsonNode none = body(assign(id, "{\"assignees\":[]}", null), HttpStatus.OK);
        assertThat(none.path("assignees").size()).isZero();
        JsonNode detail = body(mvc.get().uri("/api/casework/cases/{id}", id).exchange(), HttpStatus.OK);
        assertThat(detail.path("assignees").size()).isZero();
        assertThat(detail.path("timeline").get(detail.path("timeline").size() - 1).path("summary").asString())
                .isEqualTo("指派：取消全部经办人");
    }

    @Test
    void an_assignee_acting_for_a_unit_outside_the_callers_scope_is_refused_with_403_and_nothing_changes() {
        UUID id = open(UUID.randomUUID());
        int entries = timelineSize(id);

        MvcTestResult refused = assign(id, "{\"assignees\":[{\"login\":\"zhang\",\"unitId\":\"" + unit + "\"},"
                + "{\"login\":\"zhao\",\"unitId\":\"elsewhere-" + UUID.randomUUID() + "\"}]}", null);

        assertThat(refused).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(timelineSize(id)).isEqualTo(entries);
        assertThat(jdbc.queryForObject("select count(*) from casework.case_assignee where case_id = ?", Integer.class,
                id)).isZero();
    }

    @Test
    void malformed_assignments_are_400_problems() {
        UUID id = open(UUID.randomUUID());

        assertThat(problem(assign(id, "{}", null), HttpStatus.BAD_REQUEST)).contains("assignees is required");
        assertThat(problem(assign(id, "{\"assignees\":[{\"login\":\"zhang\"}]}", null), HttpStatus.BAD_REQUEST))
                .contains("login and the unitId");
        assertThat(problem(assign(id, "{\"assignees\":[{\"login\":\"zhang\",\"unitId\":\"" + unit + "\"},"
                + "{\"login\":\"zhang\",\"unitId\":\"" + subunit + "\"}]}", null), HttpStatus.BAD_REQUEST))
                .contains("zhang is assigned twice");
        assertThat(assign(id, "{\"assignees\":", null)).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(assign(UUID.randomUUID(), "{\"assignees\":[]}", null)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void the_heat_series_starts_at_detection_before_the_case_exists_and_a_redelivered_event_keeps_nothing_more() {
        UUID incident = UUID.randomUUID();
        IncidentDetected detected = new IncidentDetected(UUID.randomUUID(), T0.minus(Duration.ofHours(2)), incident,
                UUID.randomUUID(), unit, "化工厂爆炸", T0.minus(Duration.ofHours(3)), metrics(40, 900, 0.3));
        IncidentMetricsChanged grown = new IncidentMetricsChanged(UUID.randomUUID(), T0.minus(Duration.ofHours(1)),
                incident, unit, metrics(180, 5200, 0.45));
        deliver("monitoring", detected);
        deliver("monitoring", grown);
        deliver("monitoring", grown);
        UUID id = open(incident);
        deliver("monitoring", new IncidentMetricsChanged(UUID.randomUUID(), T0.plus(Duration.ofHours(1)), incident,
                unit, metrics(612, 20500, 0.6)));

        JsonNode heat = body(mvc.get().uri("/api/casework/cases/{id}/heat", id).exchange(), HttpStatus.OK);

        assertThat(heat.path("caseId").asString()).isEqualTo(id.toString());
        assertThat(heat.path("incidentId").asString()).isEqualTo(incident.toString());
        assertThat(heat.path("points").findValuesAsString("at")).containsExactly("2026-11-21T06:00:00Z",
                "2026-11-21T07:00:00Z", "2026-11-21T09:00:00Z");
        assertThat(heat.path("points").findValues("volume").stream().map(JsonNode::asLong))
                .containsExactly(40L, 180L, 612L);
        JsonNode last = heat.path("points").get(2);
        assertThat(last.path("reads").asLong()).isEqualTo(20500);
        assertThat(last.path("comments").asLong()).isEqualTo(61);
        assertThat(last.path("reposts").asLong()).isEqualTo(30);
        assertThat(last.path("sites").asInt()).isEqualTo(12);
        assertThat(last.path("mainstream").asInt()).isEqualTo(3);
        assertThat(last.path("negativeShare").asDouble()).isEqualTo(0.6);
    }

    @Test
    void a_case_whose_incident_monitoring_never_measured_has_an_empty_heat_series_and_another_units_case_is_404() {
        UUID id = open(UUID.randomUUID());

        assertThat(body(mvc.get().uri("/api/casework/cases/{id}/heat", id).exchange(), HttpStatus.OK)
                .path("points").size()).isZero();
        assertThat(mvc.get().uri("/api/casework/cases/{id}/heat", id).header(HttpHeaders.AUTHORIZATION,
                TestTokens.shared().user("stranger").units("other-" + UUID.randomUUID()).bearer()).exchange())
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/casework/cases/{id}/heat", UUID.randomUUID()).exchange())
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    private static IncidentMetrics metrics(long volume, long reads, double negative) {
        return new IncidentMetrics(volume, reads, volume / 10, volume / 20, 12, 3, 2, volume, reads, volume / 10,
                volume / 20, negative, Set.of());
    }

    private void deliver(String feed, IntegrationEvent event) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> listener.on(feed, event));
    }

    private UUID open(UUID incident) {
        IncidentGraded grade = firstGrade(incident, unit, Level.MAJOR, T0);
        deliver("grading", grade);
        return jdbc.queryForObject("select id from casework.case_file where incident_id = ?", UUID.class, incident);
    }

    private int timelineSize(UUID id) {
        return jdbc.queryForObject("select count(*) from casework.timeline_entry where case_id = ?", Integer.class, id);
    }

    private MvcTestResult assign(UUID id, String body, String user) {
        var request = mvc.put().uri("/api/casework/cases/{id}/assignees", id)
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

    private String problem(MvcTestResult result, HttpStatus expected) {
        assertThat(result).hasStatus(expected).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        return json.readTree(result.getResponse().getContentAsByteArray()).path("detail").asString();
    }
}
