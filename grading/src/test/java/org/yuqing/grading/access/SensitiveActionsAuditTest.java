package org.yuqing.grading.access;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.domain.Category;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.domain.events.IncidentDetected;
import org.yuqing.events.IntegrationEventListener;
import org.yuqing.grading.GradingServiceTest;
import org.yuqing.grading.classification.LexiconRepository;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sensitive actions of grading leave an audit line with who did what: an analyst's override and its
 * clearing (OVERRIDE), an administrator's lexicon edit (CONFIG_CHANGE); a refused or failed action leaves none
 * of those. Plan changes (PLAN_CHANGE) and plan exports (EXPORT) are asserted where they are tested:
 * {@code PlanEditingApiTest} and {@code AssignmentsApiTest}.
 */
class SensitiveActionsAuditTest extends GradingServiceTest {

    private final IntegrationEventListener listener;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final LexiconRepository lexicons;

    @Autowired
    SensitiveActionsAuditTest(IntegrationEventListener listener, PlatformTransactionManager transactions,
                              JdbcTemplate jdbc, JsonMapper json, LexiconRepository lexicons) {
        this.listener = listener;
        this.tx = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.json = json;
        this.lexicons = lexicons;
    }

    @Test
    void an_analysts_override_and_its_clearing_are_audited_with_who_and_which_incident() {
        String analyst = "analyst-" + UUID.randomUUID();
        String bearer = TestTokens.shared().user(analyst).roles(Role.ANALYST).units(UNIT).bearer();
        UUID incident = detected();

        assertThat(call("POST", "/api/grading/incidents/" + incident + "/override",
                "{\"level\": \"SERIOUS\", \"reason\": \"旧闻转载\"}", bearer).statusCode()).isEqualTo(200);
        assertThat(call("DELETE", "/api/grading/incidents/" + incident + "/override",
                "{\"reason\": \"新的主流报道\"}", bearer).statusCode()).isEqualTo(200);

        List<Map<String, Object>> lines = lines(analyst);
        assertThat(lines).hasSize(2).allSatisfy(line -> {
            assertThat(line).containsEntry("action", "OVERRIDE").containsEntry("outcome", "DONE")
                    .containsEntry("target", "incident " + incident).containsEntry("actor_units", UNIT);
        });
        assertThat((String) lines.get(0).get("detail")).contains("SERIOUS").contains("MAJOR").contains("旧闻转载");
        assertThat((String) lines.get(1).get("detail")).contains("cleared").contains("新的主流报道");
    }

    @Test
    void a_refused_or_failed_override_leaves_no_override_line() {
        String monitor = "monitor-" + UUID.randomUUID();
        String analyst = "analyst-" + UUID.randomUUID();
        UUID incident = detected();

        assertThat(call("POST", "/api/grading/incidents/" + incident + "/override",
                "{\"level\": \"SERIOUS\", \"reason\": \"无权\"}",
                TestTokens.shared().user(monitor).roles(Role.MONITOR).units(UNIT).bearer()).statusCode())
                .isEqualTo(403);
        assertThat(call("POST", "/api/grading/incidents/" + incident + "/override",
                "{\"level\": \"SERIOUS\", \"reason\": \" \"}",
                TestTokens.shared().user(analyst).roles(Role.ANALYST).units(UNIT).bearer()).statusCode())
                .isEqualTo(400);

        assertThat(lines(monitor)).extracting(line -> line.get("action")).containsExactly("DENIED");
        assertThat(lines(analyst)).isEmpty();
    }

    @Test
    void an_administrators_lexicon_edit_is_audited_as_a_configuration_change_and_listed_by_the_audit_api() {
        String admin = "admin-" + UUID.randomUUID();
        String bearer = TestTokens.shared().user(admin).roles(Role.ADMIN).units(UNIT).bearer();
        Map<String, Double> words = lexicons.lexicon().of(Category.CONSTRUCTIVE);
        Map<String, Double> edited = new LinkedHashMap<>(words);
        edited.put("金点子", 0.8);
        try {
            HttpResponse<String> put = call("PUT", "/api/grading/classification/lexicon/CONSTRUCTIVE",
                    json.writeValueAsString(edited), bearer);
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        } finally {
            lexicons.replace(Category.CONSTRUCTIVE, words);
        }

        assertThat(lines(admin)).singleElement().satisfies(line -> assertThat(line)
                .containsEntry("action", "CONFIG_CHANGE").containsEntry("outcome", "DONE")
                .containsEntry("target", "classification lexicon CONSTRUCTIVE"));
        long id = jdbc.queryForObject("select id from grading.audit_event where actor = ?", Long.class, admin);
        HttpResponse<String> audit = get("/api/grading/audit?after=" + (id - 1) + "&limit=1", bearer);
        assertThat(audit.statusCode()).isEqualTo(200);
        JsonNode listed = json.readTree(audit.body()).get(0);
        assertThat(listed.path("actor").asString()).isEqualTo(admin);
        assertThat(listed.path("action").asString()).isEqualTo("CONFIG_CHANGE");
    }

    private List<Map<String, Object>> lines(String actor) {
        return jdbc.queryForList("select action, target, outcome, actor_units, detail from grading.audit_event "
                + "where actor = ? order by id", actor);
    }

    private UUID detected() {
        UUID incident = UUID.randomUUID();
        IncidentMetrics metrics = new IncidentMetrics(3, 0, 0, 0, 1, 1, 1, 3, 0, 0, 0, 0, Set.of());
        tx.executeWithoutResult(s -> listener.on("monitoring", new IncidentDetected(UUID.randomUUID(), Instant.now(),
                incident, UUID.randomUUID(), UNIT, "化工厂泄漏", Instant.now(), metrics)));
        return incident;
    }
}
