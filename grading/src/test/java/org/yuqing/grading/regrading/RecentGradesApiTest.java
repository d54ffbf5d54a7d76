package org.yuqing.grading.regrading;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.domain.events.IncidentDetected;
import org.yuqing.domain.events.IncidentMetricsChanged;
import org.yuqing.events.IntegrationEventListener;
import org.yuqing.grading.GradingServiceTest;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list of recently graded incidents (研判列表): the incidents of the caller's unit scope only, the grade in force
 * with the analyst's decision, newest change first, at most {@code limit}.
 */
class RecentGradesApiTest extends GradingServiceTest {

    private final IntegrationEventListener listener;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final String unit = "recent-" + UUID.randomUUID();
    private final String other = "recent-other-" + UUID.randomUUID();
    private final String viewer = TestTokens.shared().user("viewer-" + UUID.randomUUID()).units(unit).bearer();

    @Autowired
    RecentGradesApiTest(IntegrationEventListener listener, PlatformTransactionManager transactions, JsonMapper json) {
        this.listener = listener;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
    }

    @Test
    void the_list_holds_the_scopes_incidents_newest_change_first_with_the_grade_in_force() {
        UUID first = detected(unit, "旧事件", 3, 0);
        UUID second = detected(unit, "化工厂爆炸", 3, 1);
        UUID elsewhere = detected(other, "别处事件", 3, 1);
        escalate(first, 3, 2);
        String analyst = TestTokens.shared().user("analyst-" + UUID.randomUUID()).roles(Role.ANALYST).units(unit)
                .bearer();
        assertThat(call("POST", "/api/grading/incidents/" + second + "/override",
                "{\"level\": \"SERIOUS\", \"reason\": \"影响有限\"}", analyst).statusCode()).isEqualTo(200);

        HttpResponse<String> response = get("/api/grading/incidents", viewer);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> rows = json.readTree(response.body()).valueStream().toList();
        assertThat(rows).extracting(r -> r.path("incidentId").asString())
                .containsExactly(second.toString(), first.toString())
                .doesNotContain(elsewhere.toString());
        JsonNode overridden = rows.get(0);
        assertThat(overridden.path("title").asString()).isEqualTo("化工厂爆炸");
        assertThat(overridden.path("level").asString()).isEqualTo("SERIOUS");
        assertThat(overridden.path("levelName").asString()).isEqualTo("较大");
        assertThat(overridden.path("computedLevel").asString()).isEqualTo("MAJOR");
        assertThat(overridden.path("overridden").asBoolean()).isTrue();
        assertThat(overridden.path("planId").asString()).isEqualTo("district");
        JsonNode escalated = rows.get(1);
        assertThat(escalated.path("level").asString()).isEqualTo("MAJOR");
        assertThat(escalated.path("escalated").asBoolean()).isTrue();
        assertThat(escalated.path("overridden").asBoolean()).isFalse();
        assertThat(Instant.parse(escalated.path("lastChangedAt").asString()))
                .isBeforeOrEqualTo(Instant.parse(overridden.path("lastChangedAt").asString()));
    }

    @Test
    void the_list_is_cut_at_the_limit_and_a_limit_out_of_range_is_a_400_problem() {
        detected(unit, "一", 3, 0);
        detected(unit, "二", 3, 0);

        assertThat(json.readTree(get("/api/grading/incidents?limit=1", viewer).body())).hasSize(1);
        HttpResponse<String> zero = get("/api/grading/incidents?limit=0", viewer);
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(zero.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(get("/api/grading/incidents?limit=201", viewer).statusCode()).isEqualTo(400);
    }

    private UUID detected(String unitId, String title, long volume, int mainstream) {
        UUID incident = UUID.randomUUID();
        tx.executeWithoutResult(s -> listener.on("monitoring", new IncidentDetected(UUID.randomUUID(), Instant.now(),
                incident, UUID.randomUUID(), unitId, title, Instant.now(), metrics(volume, mainstream))));
        return incident;
    }

    private void escalate(UUID incident, long volume, int mainstream) {
        tx.executeWithoutResult(s -> listener.on("monitoring", new IncidentMetricsChanged(UUID.randomUUID(),
                Instant.now(), incident, unit, metrics(volume, mainstream))));
    }

    private static IncidentMetrics metrics(long volume, int mainstream) {
        return new IncidentMetrics(volume, 0, 0, 0, 1, mainstream, 1, volume, 0, 0, 0, 0, Set.of());
    }
}
