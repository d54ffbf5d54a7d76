package org.yuqing.monitoring.access;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yuqing.monitoring.MonitoringIntegrationTest;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.yuqing.security.Role.ADMIN;
import static org.yuqing.security.Role.ANALYST;
import static org.yuqing.security.Role.INGEST;
import static org.yuqing.security.Role.LEADER;
import static org.yuqing.security.Role.MONITOR;
import static org.yuqing.security.Role.PUBLISHER;
import static org.yuqing.security.Role.SERVICE;
import static org.yuqing.security.Role.UNIT_HANDLER;

/**
 * The role matrix of the monitoring service, endpoint by endpoint, for every role: refused is 403, allowed is
 * anything but 401 and 403 (a 400 or 404 means the role got past the rules). The endpoints come from the running
 * application, so a new endpoint without a row here fails.
 */
class AccessMatrixTest extends MonitoringIntegrationTest {

    private static final Set<Role> PERSONS = EnumSet.of(MONITOR, ANALYST, LEADER, UNIT_HANDLER, PUBLISHER, ADMIN);

    /** The product's rules, written out: who may call each endpoint. */
    private static final Map<String, Set<Role>> MATRIX = Map.ofEntries(
            entry("GET /api/monitoring/topics", PERSONS),
            entry("GET /api/monitoring/topics/{id}", PERSONS),
            entry("POST /api/monitoring/topics", EnumSet.of(MONITOR, ANALYST, ADMIN)),
            entry("PUT /api/monitoring/topics/{id}", EnumSet.of(MONITOR, ANALYST, ADMIN)),
            entry("DELETE /api/monitoring/topics/{id}", EnumSet.of(MONITOR, ANALYST, ADMIN)),
            entry("POST /api/monitoring/topics/test", EnumSet.of(MONITOR, ANALYST, ADMIN)),
            entry("GET /api/monitoring/sources", PERSONS),
            entry("GET /api/monitoring/sources/{id}", PERSONS),
            entry("POST /api/monitoring/sources", EnumSet.of(MONITOR, ADMIN)),
            entry("PUT /api/monitoring/sources/{id}", EnumSet.of(MONITOR, ADMIN)),
            entry("DELETE /api/monitoring/sources/{id}", EnumSet.of(MONITOR, ADMIN)),
            entry("POST /api/monitoring/sources/{id}/poll", EnumSet.of(MONITOR, ADMIN)),
            entry("POST /api/monitoring/posts", EnumSet.of(INGEST, MONITOR, ADMIN)),
            entry("POST /api/monitoring/posts/bulk", EnumSet.of(INGEST, MONITOR, ADMIN)),
            entry("GET /api/monitoring/posts/{id}", PERSONS),
            entry("GET /api/monitoring/posts/{id}/snapshots", PERSONS),
            entry("GET /api/monitoring/posts/search", PERSONS),
            entry("GET /api/monitoring/posts/export", PERSONS),
            entry("POST /api/monitoring/imports", EnumSet.of(INGEST, MONITOR, ADMIN)),
            entry("GET /api/monitoring/imports/{id}", EnumSet.of(INGEST, MONITOR, ADMIN)),
            entry("POST /api/monitoring/topics/{id}/backfill", EnumSet.of(MONITOR, ANALYST, ADMIN)),
            entry("GET /api/monitoring/topics/{id}/backfills/{jobId}", EnumSet.of(MONITOR, ANALYST, ADMIN)),
            entry("POST /api/monitoring/admin/reindex", EnumSet.of(ADMIN)),
            entry("GET /api/monitoring/admin/reindex/{jobId}", EnumSet.of(ADMIN)),
            entry("GET /api/monitoring/negative-words", PERSONS),
            entry("PUT /api/monitoring/negative-words", EnumSet.of(ADMIN)),
            entry("GET /api/monitoring/incidents", PERSONS),
            entry("GET /api/monitoring/incidents/{id}", PERSONS),
            entry("GET /api/monitoring/audit", EnumSet.of(ADMIN)),
            entry("GET /internal/events", EnumSet.of(SERVICE)));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void every_endpoint_of_the_service_has_a_row_in_the_matrix_and_every_row_an_endpoint() {
        List<String> endpoints = Endpoint.all(mapping).stream().map(Endpoint::toString).toList();

        assertThat(endpoints).containsExactlyInAnyOrderElementsOf(MATRIX.keySet());
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void a_role_is_refused_every_endpoint_the_matrix_does_not_give_it_and_passes_the_others(Role role) throws Exception {
        String authorization = role == SERVICE ? TestTokens.shared().service("grading")
                : TestTokens.shared().user("matrix-" + role.name().toLowerCase()).roles(role).units(UNIT).bearer();
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.all(mapping)) {
            Set<Role> allowed = MATRIX.getOrDefault(endpoint.toString(), Set.of());
            int status = mvc.perform(harmless(endpoint).header(HttpHeaders.AUTHORIZATION, authorization))
                    .andReturn().getResponse().getStatus();
            boolean passed = status != 401 && status != 403;
            if (allowed.contains(role) != passed || (!passed && status != 403)) {
                wrong.add(endpoint + " answered " + status + (allowed.contains(role) ? " (allowed)" : " (refused)"));
            }
        }
        assertThat(wrong).as("endpoints answering %s against the matrix", role).isEmpty();
    }

    /**
     * A request that changes nothing when it passes: unknown ids, bodies that fail validation, a feed read that
     * does not wait.
     */
    static MockHttpServletRequestBuilder harmless(Endpoint endpoint) {
        String path = endpoint.path(UUID.randomUUID());
        if (path.equals("/internal/events")) {
            path += "?waitMillis=0";
        }
        MockHttpServletRequestBuilder request = request(endpoint.method(), path);
        if (endpoint.method() == HttpMethod.POST || endpoint.method() == HttpMethod.PUT) {
            boolean bulk = endpoint.pattern().endsWith("/bulk");
            request.contentType(bulk ? MediaType.parseMediaType("application/x-ndjson") : MediaType.APPLICATION_JSON)
                    .content(bulk ? "{}\n" : "{}");
        }
        return request;
    }
}
