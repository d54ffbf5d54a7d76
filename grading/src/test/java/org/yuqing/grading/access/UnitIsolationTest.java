package org.yuqing.grading.access;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yuqing.domain.Category;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.domain.events.IncidentDetected;
import org.yuqing.events.IntegrationEventListener;
import org.yuqing.grading.GradingServiceTest;
import org.yuqing.grading.TestPlans;
import org.yuqing.grading.plans.PlanJson;
import org.yuqing.grading.plans.PlanRepository;
import org.yuqing.grading.classification.LexiconRepository;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 属地管理: users of sibling units, each holding every person role so that only the unit scope can refuse. West
 * tries every endpoint on east's incident (endpoints read from the handler mapping; path variables get east's ids)
 * and finds nothing, while east and a user of the parent unit reach it. Plans and the classification lexicon are
 * shared by every unit, and the audit API is the service's administrators' (not unit data): every endpoint is
 * classified below, so a new one without a row fails. Plan assignments belong to units: west cannot change east's
 * (403) and never lists it. The list of recently graded incidents holds the caller's scope only: west's never shows
 * east's incident, east's and the parent unit's do.
 */
class UnitIsolationTest extends GradingServiceTest {

    /** How an endpoint relates to units. */
    private enum Scope {
        /** Names one incident: out of scope it answers 404, like an unknown id. */
        INCIDENT,
        /** Shared by every unit (plans, lexicon, pure computations): every unit gets the same answer. */
        SHARED,
        /** Lists the plan assignments of the caller's units: never another unit's. */
        UNIT_LIST,
        /** Lists the incidents of the caller's unit scope: never another unit's. */
        INCIDENT_LIST,
        /** Changes a unit's plan assignment: refused (403) for a unit outside the caller's scope. */
        UNIT_WRITE,
        /** Not for persons at all (the event feed); covered by the access matrix. */
        NOT_FOR_PERSONS
    }

    private static final Map<String, Scope> SCOPES = Map.ofEntries(
            Map.entry("GET /api/grading/plans", Scope.SHARED),
            Map.entry("GET /api/grading/plans/{id}", Scope.SHARED),
            Map.entry("GET /api/grading/plans/{id}/versions", Scope.SHARED),
            Map.entry("GET /api/grading/plans/{id}/versions/{version}", Scope.SHARED),
            Map.entry("GET /api/grading/plans/{id}/versions/{version}/export", Scope.SHARED),
            Map.entry("POST /api/grading/plans", Scope.SHARED),
            Map.entry("PUT /api/grading/plans/{id}", Scope.SHARED),
            Map.entry("DELETE /api/grading/plans/{id}", Scope.SHARED),
            Map.entry("POST /api/grading/plans/import", Scope.SHARED),
            Map.entry("POST /api/grading/plans/validate", Scope.SHARED),
            Map.entry("POST /api/grading/what-if/compare", Scope.SHARED),
            Map.entry("GET /api/grading/what-if/compare", Scope.SHARED),
            Map.entry("GET /api/grading/what-if", Scope.SHARED),
            Map.entry("GET /api/grading/incidents", Scope.INCIDENT_LIST),
            Map.entry("GET /api/grading/assignments", Scope.UNIT_LIST),
            Map.entry("PUT /api/grading/assignments/{unitId}", Scope.UNIT_WRITE),
            Map.entry("GET /api/grading/incidents/{incidentId}", Scope.INCIDENT),
            Map.entry("POST /api/grading/incidents/{incidentId}/override", Scope.INCIDENT),
            Map.entry("DELETE /api/grading/incidents/{incidentId}/override", Scope.INCIDENT),
            Map.entry("POST /api/grading/what-if", Scope.SHARED),
            Map.entry("GET /api/grading/classification/lexicon", Scope.SHARED),
            Map.entry("PUT /api/grading/classification/lexicon/{category}", Scope.SHARED),
            Map.entry("POST /api/grading/classification/classify", Scope.SHARED),
            Map.entry("GET /api/grading/audit", Scope.SHARED),
            Map.entry("GET /internal/events", Scope.NOT_FOR_PERSONS));

    private final RequestMappingHandlerMapping mapping;
    private final IntegrationEventListener listener;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final LexiconRepository lexicons;
    private final PlanRepository plans;

    private final String suffix = UUID.randomUUID().toString();
    private final String east = "east-" + suffix;
    private final String west = "west-" + suffix;
    private final String city = "city-" + suffix;
    private final String eastUser = TestTokens.shared().user("east-" + suffix).units(east).bearer();
    private final String westLogin = "west-" + suffix;
    private final String westUser = TestTokens.shared().user(westLogin).units(west).bearer();
    private final String cityUser = TestTokens.shared().user("city-" + suffix).units(city).scope(city, east, west)
            .bearer();

    @Autowired
    UnitIsolationTest(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping,
                      IntegrationEventListener listener, PlatformTransactionManager transactions, JdbcTemplate jdbc,
                      JsonMapper json, LexiconRepository lexicons, PlanRepository plans) {
        this.mapping = mapping;
        this.listener = listener;
        this.tx = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.json = json;
        this.lexicons = lexicons;
        this.plans = plans;
    }

    @Test
    void every_endpoint_is_classified_by_how_it_relates_to_units() {
        assertThat(Endpoint.of(mapping)).extracting(Endpoint::toString)
                .containsExactlyInAnyOrderElementsOf(SCOPES.keySet());
    }

    @Test
    void west_reaches_none_of_easts_incidents_through_any_endpoint_while_east_reaches_all() {
        UUID incident = detected(east);
        override(incident, eastUser, "{\"level\": \"SERIOUS\", \"reason\": \"东区核实\"}", 200);
        String before = jdbc.queryForObject("select row_to_json(g)::text from grading.incident_grade g "
                + "where incident_id = ?", String.class, incident);
        long historyBefore = history(incident);
        List<String> leaks = new ArrayList<>();
        List<Endpoint> incidentEndpoints = new ArrayList<>();
        List<Endpoint> unitWrites = new ArrayList<>();

        for (Endpoint endpoint : Endpoint.of(mapping)) {
            Scope scope = SCOPES.get(endpoint.toString());
            if (scope == Scope.INCIDENT) {
                incidentEndpoints.add(endpoint);
                HttpResponse<String> answer = request(endpoint, incident, westUser);
                if (answer.statusCode() != 404 || answer.body().contains(east)) {
                    leaks.add(endpoint + " → " + answer.statusCode() + " " + answer.body());
                }
            } else if (scope == Scope.SHARED) {
                HttpResponse<String> asWest = request(endpoint, incident, westUser);
                HttpResponse<String> asEast = request(endpoint, incident, eastUser);
                assertThat(asWest.statusCode()).as(endpoint + " is shared by every unit: " + asWest.body())
                        .isEqualTo(asEast.statusCode()).isBetween(200, 299);
            } else if (scope == Scope.UNIT_WRITE) {
                unitWrites.add(endpoint);
                HttpResponse<String> asWest = request(endpoint, incident, westUser);
                assertThat(asWest.statusCode()).as(endpoint + " for west: " + asWest.body()).isEqualTo(403);
                HttpResponse<String> asEast = request(endpoint, incident, eastUser);
                assertThat(asEast.statusCode()).as(endpoint + " for east: " + asEast.body()).isEqualTo(200);
            }
        }
        assertThat(unitWrites).hasSize(1);
        assertThat(get("/api/grading/assignments", westUser).body()).doesNotContain(east);
        assertThat(get("/api/grading/assignments", eastUser).body()).contains(east).doesNotContain(west);
        assertThat(get("/api/grading/assignments", cityUser).body()).contains(east);
        assertThat(get("/api/grading/incidents?limit=200", westUser).body()).doesNotContain(incident.toString())
                .doesNotContain(east);
        assertThat(get("/api/grading/incidents", eastUser).body()).contains(incident.toString());
        assertThat(get("/api/grading/incidents", cityUser).body()).contains(incident.toString());

        assertThat(incidentEndpoints).hasSizeGreaterThanOrEqualTo(3);
        assertThat(leaks).isEmpty();
        assertThat(jdbc.queryForObject("select row_to_json(g)::text from grading.incident_grade g "
                + "where incident_id = ?", String.class, incident)).isEqualTo(before);
        assertThat(history(incident)).isEqualTo(historyBefore);
        assertThat(jdbc.queryForList("select target from grading.audit_event where actor = ? and action = 'DENIED'",
                String.class, westLogin)).hasSize(incidentEndpoints.size() + unitWrites.size())
                .contains("GET /api/grading/incidents/" + incident);
        for (Endpoint endpoint : incidentEndpoints) {
            HttpResponse<String> answer = request(endpoint, incident, eastUser);
            assertThat(answer.statusCode()).as(endpoint + " for east: " + answer.body()).isEqualTo(200);
        }
    }

    @Test
    void east_does_not_see_wests_incident_either() {
        UUID westIncident = detected(west);

        assertThat(get("/api/grading/incidents/" + westIncident, eastUser).statusCode()).isEqualTo(404);
        assertThat(get("/api/grading/incidents/" + westIncident, westUser).statusCode()).isEqualTo(200);
    }

    @Test
    void a_user_of_the_parent_unit_sees_and_decides_on_the_incidents_of_both_children() {
        UUID eastIncident = detected(east);
        UUID westIncident = detected(west);

        HttpResponse<String> eastGrade = get("/api/grading/incidents/" + eastIncident, cityUser);
        assertThat(eastGrade.statusCode()).isEqualTo(200);
        assertThat(json.readTree(eastGrade.body()).path("unitId").asString()).isEqualTo(east);
        assertThat(get("/api/grading/incidents/" + westIncident, cityUser).statusCode()).isEqualTo(200);
        assertThat(get("/api/grading/incidents", cityUser).body()).contains(eastIncident.toString())
                .contains(westIncident.toString());
        override(westIncident, cityUser, "{\"category\": \"INQUIRY\", \"reason\": \"市里确认\"}", 200);
        override(eastIncident, cityUser, "{\"level\": \"GENERAL\", \"reason\": \"市里核实\"}", 200);
    }

    private HttpResponse<String> request(Endpoint endpoint, UUID incident, String bearer) {
        // Every request gets a plan of its own, so edits and deletes by one unit cannot change the other's answer.
        String planId = TestPlans.freshId("shared");
        plans.saveAsNextVersion(TestPlans.districtAs(planId, "共享预案"));
        Map<String, String> values = Map.of("incidentId", incident.toString(), "id", planId, "version", "1",
                "category", Category.INQUIRY.name(), "unitId", east);
        String query = endpoint.toString().equals("GET /api/grading/what-if/compare")
                ? "?planA=district&planB=" + planId + "&planBVersion=1&volume=3" : "";
        return call(endpoint.method(), endpoint.path(values) + query, body(endpoint, planId), bearer);
    }

    /** A body that would succeed for a caller in scope. */
    private String body(Endpoint endpoint, String planId) {
        return switch (endpoint.toString()) {
            case "POST /api/grading/plans", "POST /api/grading/plans/import", "POST /api/grading/plans/validate" ->
                    PlanJson.write(TestPlans.districtAs(TestPlans.freshId("new"), "新预案"));
            case "PUT /api/grading/plans/{id}" -> PlanJson.write(TestPlans.districtAs(planId, "修订"));
            case "POST /api/grading/what-if/compare" ->
                    "{\"snapshot\": {\"volume\": 3}, \"planA\": {\"id\": \"district\"}, \"planB\": {\"id\": \""
                            + planId + "\", \"version\": 1}}";
            case "PUT /api/grading/assignments/{unitId}" -> "{\"planId\": \"district\"}";
            case "DELETE /api/grading/plans/{id}" -> null;
            case "POST /api/grading/incidents/{incidentId}/override" ->
                    "{\"level\": \"MAJOR\", \"category\": \"HYPE\", \"reason\": \"越权尝试\"}";
            case "DELETE /api/grading/incidents/{incidentId}/override" -> "{\"reason\": \"越权撤销\"}";
            case "POST /api/grading/what-if" -> "{\"planId\": \"district\", \"metrics\": {\"volume\": 3}}";
            case "POST /api/grading/classification/classify" -> "{\"text\": \"网民质疑化工厂排污\"}";
            // The words as they are: a real edit that changes nothing other tests rely on.
            case "PUT /api/grading/classification/lexicon/{category}" ->
                    json.writeValueAsString(lexicons.lexicon().of(Category.INQUIRY));
            default -> {
                assertThat(endpoint.method()).as("a body for " + endpoint).isEqualTo("GET");
                yield null;
            }
        };
    }

    private void override(UUID incident, String bearer, String body, int status) {
        HttpResponse<String> answer = call("POST", "/api/grading/incidents/" + incident + "/override", body, bearer);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    }

    private UUID detected(String unit) {
        UUID incident = UUID.randomUUID();
        IncidentMetrics metrics = new IncidentMetrics(3, 0, 0, 0, 1, 1, 1, 3, 0, 0, 0, 0, Set.of());
        tx.executeWithoutResult(s -> listener.on("monitoring", new IncidentDetected(UUID.randomUUID(), Instant.now(),
                incident, UUID.randomUUID(), unit, "化工厂泄漏 " + unit, Instant.now(), metrics)));
        return incident;
    }

    private long history(UUID incident) {
        return jdbc.queryForObject("select count(*) from grading.grade_history where incident_id = ?", Long.class,
                incident);
    }
}
