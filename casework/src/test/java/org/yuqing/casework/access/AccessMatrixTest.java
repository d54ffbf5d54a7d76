package org.yuqing.casework.access;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.security.Role.ADMIN;
import static org.yuqing.security.Role.ANALYST;
import static org.yuqing.security.Role.LEADER;
import static org.yuqing.security.Role.MONITOR;
import static org.yuqing.security.Role.PUBLISHER;
import static org.yuqing.security.Role.SERVICE;
import static org.yuqing.security.Role.UNIT_HANDLER;

/** Every role against every endpoint of the running service, checked against the product's role matrix. */
class AccessMatrixTest extends AccessTestSupport {

    private static final Set<Role> PERSONS = EnumSet.of(MONITOR, ANALYST, LEADER, UNIT_HANDLER, PUBLISHER, ADMIN);
    private static final Set<Role> CASE_WORKERS = EnumSet.of(ANALYST, UNIT_HANDLER, LEADER);

    /** The matrix, written down as the product states it: endpoint → the roles that may call it. */
    private static final Map<String, Set<Role>> MATRIX = Map.ofEntries(
            entry("GET /api/casework/cases", PERSONS),
            entry("GET /api/casework/cases/{id}", PERSONS),
            entry("GET /api/casework/cases/{id}/ledger", PERSONS),
            entry("GET /api/casework/ledger/verify", PERSONS),
            entry("GET /api/casework/accountability", PERSONS),
            entry("GET /api/casework/notifications", PERSONS),
            entry("POST /api/casework/notifications/{id}/read", PERSONS),
            entry("POST /api/casework/cases", EnumSet.of(ANALYST, UNIT_HANDLER)),
            entry("POST /api/casework/cases/{id}/reports", CASE_WORKERS),
            entry("POST /api/casework/cases/{id}/transitions", CASE_WORKERS),
            entry("POST /api/casework/cases/{id}/review", CASE_WORKERS),
            entry("POST /api/casework/cases/{id}/tasks", CASE_WORKERS),
            entry("POST /api/casework/cases/{id}/tasks/{taskId}/complete", CASE_WORKERS),
            entry("POST /api/casework/cases/{id}/comments", CASE_WORKERS),
            entry("POST /api/casework/cases/{id}/attachments", CASE_WORKERS),
            entry("GET /api/casework/cases/{id}/attachments/{attachmentId}", PERSONS),
            entry("GET /api/casework/notifications/deliveries", PERSONS),
            entry("POST /api/casework/notifications/deliveries/{id}/retry", EnumSet.of(ANALYST, UNIT_HANDLER, LEADER,
                    ADMIN)),
            entry("GET /api/casework/accountability/units", PERSONS),
            entry("GET /api/casework/cases/{id}/heat", PERSONS),
            entry("GET /api/casework/deadlines/mine", PERSONS),
            entry("PUT /api/casework/cases/{id}/assignees", CASE_WORKERS),
            entry("GET /api/casework/contacts/people", EnumSet.of(ADMIN)),
            entry("PUT /api/casework/contacts/people/{login}", EnumSet.of(ADMIN)),
            entry("DELETE /api/casework/contacts/people/{login}", EnumSet.of(ADMIN)),
            entry("GET /api/casework/contacts/units", EnumSet.of(ADMIN)),
            entry("PUT /api/casework/contacts/units/{unitId}", EnumSet.of(ADMIN)),
            entry("GET /api/casework/cases/{id}/documents/{kind}.{format}", PERSONS),
            entry("GET /api/casework/audit", EnumSet.of(ADMIN)),
            entry("GET /internal/events", EnumSet.of(SERVICE)),
            // The container's error page is reached by error dispatches only; asked for directly, nobody may.
            entry("GET /error", EnumSet.noneOf(Role.class)));

    @Test
    void every_endpoint_of_the_running_service_has_a_row_in_the_matrix_and_every_row_an_endpoint() {
        assertThat(endpoints()).containsExactlyInAnyOrderElementsOf(MATRIX.keySet());
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void each_role_reaches_exactly_the_endpoints_the_matrix_gives_it(Role role) {
        String unit = "matrix-" + UUID.randomUUID();
        String bearer = role == SERVICE
                ? TestTokens.shared().service("grading")
                : TestTokens.shared().user("matrix-" + role.name().toLowerCase()).roles(role).units(unit).bearer();
        SoftAssertions softly = new SoftAssertions();
        for (String endpoint : endpoints()) {
            Set<Role> allowed = MATRIX.getOrDefault(endpoint, Set.of());
            MvcTestResult result = call(endpoint, sampleId(endpoint), endpoint.endsWith("/internal/events")
                    ? "waitMillis=0" : null, null, bearer);
            int status = result.getResponse().getStatus();
            if (allowed.contains(role)) {
                softly.assertThat(status).as("%s may call %s", role, endpoint).isNotIn(401, 403);
            } else {
                softly.assertThat(status).as("%s may not call %s", role, endpoint).isEqualTo(403);
            }
        }
        softly.assertAll();
    }

    // Ids nobody has: an allowed role gets past the rules and then finds nothing (404), which is what we look for.
    private static Object sampleId(String endpoint) {
        return endpoint.contains("/notifications/") ? Long.MAX_VALUE : UUID.randomUUID();
    }
}
