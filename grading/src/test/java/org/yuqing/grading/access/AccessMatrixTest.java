package org.yuqing.grading.access;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yuqing.grading.GradingServiceTest;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.security.Role.ADMIN;
import static org.yuqing.security.Role.ANALYST;
import static org.yuqing.security.Role.LEADER;
import static org.yuqing.security.Role.MONITOR;
import static org.yuqing.security.Role.PUBLISHER;
import static org.yuqing.security.Role.SERVICE;
import static org.yuqing.security.Role.UNIT_HANDLER;

/**
 * Every role against every endpoint of the running service. The expected table is the product's role matrix,
 * written here as data; the endpoints are read from the handler mapping, so an endpoint without a row fails.
 * Allowed requests carry a malformed body (or name an unknown incident or plan), so they change nothing: the role passed
 * when the answer is neither 401 nor 403.
 */
class AccessMatrixTest extends GradingServiceTest {

    private static final Set<Role> PERSONS = EnumSet.of(MONITOR, ANALYST, LEADER, UNIT_HANDLER, PUBLISHER, ADMIN);

    /** Who may call what: the role matrix of grading (issues 3 and 5). */
    private static final Map<String, Set<Role>> ALLOWED = Map.ofEntries(
            Map.entry("GET /api/grading/plans", PERSONS),
            Map.entry("GET /api/grading/plans/{id}", PERSONS),
            Map.entry("GET /api/grading/plans/{id}/versions", PERSONS),
            Map.entry("GET /api/grading/plans/{id}/versions/{version}", PERSONS),
            Map.entry("GET /api/grading/plans/{id}/versions/{version}/export", PERSONS),
            Map.entry("POST /api/grading/plans", EnumSet.of(ADMIN)),
            Map.entry("PUT /api/grading/plans/{id}", EnumSet.of(ADMIN)),
            Map.entry("DELETE /api/grading/plans/{id}", EnumSet.of(ADMIN)),
            Map.entry("POST /api/grading/plans/import", EnumSet.of(ADMIN)),
            Map.entry("POST /api/grading/plans/validate", EnumSet.of(ADMIN)),
            Map.entry("GET /api/grading/assignments", PERSONS),
            Map.entry("PUT /api/grading/assignments/{unitId}", EnumSet.of(ADMIN)),
            Map.entry("POST /api/grading/what-if/compare", PERSONS),
            Map.entry("GET /api/grading/what-if/compare", PERSONS),
            Map.entry("GET /api/grading/what-if", PERSONS),
            Map.entry("GET /api/grading/incidents", PERSONS),
            Map.entry("GET /api/grading/incidents/{incidentId}", PERSONS),
            Map.entry("POST /api/grading/incidents/{incidentId}/override", EnumSet.of(ANALYST)),
            Map.entry("DELETE /api/grading/incidents/{incidentId}/override", EnumSet.of(ANALYST)),
            Map.entry("POST /api/grading/what-if", PERSONS),
            Map.entry("GET /api/grading/classification/lexicon", PERSONS),
            Map.entry("PUT /api/grading/classification/lexicon/{category}", EnumSet.of(ADMIN)),
            Map.entry("POST /api/grading/classification/classify", PERSONS),
            Map.entry("GET /api/grading/audit", EnumSet.of(ADMIN)),
            Map.entry("GET /internal/events", EnumSet.of(SERVICE)));

    private final RequestMappingHandlerMapping mapping;

    @Autowired
    AccessMatrixTest(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping) {
        this.mapping = mapping;
    }

    @Test
    void every_endpoint_of_the_service_has_a_row_in_the_role_matrix_and_every_row_an_endpoint() {
        assertThat(Endpoint.of(mapping)).extracting(Endpoint::toString)
                .containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void each_role_reaches_exactly_the_endpoints_the_matrix_gives_it(Role role) {
        String bearer = role == SERVICE ? TestTokens.shared().service("casework")
                : TestTokens.shared().user("matrix-" + role.name().toLowerCase()).roles(role).units(UNIT).bearer();
        // An unknown plan id: an allowed DELETE answers 404 and removes nothing.
        Map<String, String> values = Map.of("incidentId", UUID.randomUUID().toString(), "id", "no-such-plan",
                "version", "1", "category", "INQUIRY", "unitId", UNIT);
        Map<String, Integer> refusedButAllowed = new TreeMap<>();
        Map<String, Integer> allowedButRefused = new TreeMap<>();

        for (Endpoint endpoint : Endpoint.of(mapping)) {
            String body = endpoint.method().equals("GET") ? null : "{ not json";
            HttpResponse<String> answer = call(endpoint.method(), endpoint.path(values), body, bearer);
            int status = answer.statusCode();
            boolean allowed = ALLOWED.getOrDefault(endpoint.toString(), Set.of()).contains(role);
            if (allowed && (status == 401 || status == 403)) {
                allowedButRefused.put(endpoint.toString(), status);
            } else if (!allowed && status != 403) {
                refusedButAllowed.put(endpoint.toString(), status);
            } else if (!allowed) {
                assertThat(answer.headers().firstValue("Content-Type")).as(endpoint.toString())
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            }
        }

        assertThat(allowedButRefused).as("endpoints the matrix allows %s but the service refused", role).isEmpty();
        assertThat(refusedButAllowed).as("endpoints the matrix refuses %s but the service did not answer 403", role)
                .isEmpty();
    }
}
