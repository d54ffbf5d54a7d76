package org.yuqing.publishing.access;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.publishing.PublishingIntegrationTest;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.yuqing.security.Role.ADMIN;
import static org.yuqing.security.Role.ANALYST;
import static org.yuqing.security.Role.LEADER;
import static org.yuqing.security.Role.MONITOR;
import static org.yuqing.security.Role.PUBLISHER;
import static org.yuqing.security.Role.SERVICE;
import static org.yuqing.security.Role.UNIT_HANDLER;

/**
 * Every role against every endpoint the running service serves. The expected table is the product's role matrix
 * written down as data; an endpoint without a row fails the test.
 */
class AccessMatrixTest extends PublishingIntegrationTest {

    private static final Set<Role> PERSONS = EnumSet.of(MONITOR, ANALYST, LEADER, UNIT_HANDLER, PUBLISHER, ADMIN);
    private static final Set<Role> DRAFTERS = EnumSet.of(PUBLISHER, UNIT_HANDLER, ANALYST);
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

    /** Who may call what: the product's matrix, not derived from the rules under test. */
    private static final Map<String, Set<Role>> EXPECTED = Map.ofEntries(
            entry("GET /api/publishing/statements", PERSONS),
            entry("GET /api/publishing/statements/{id}", PERSONS),
            entry("POST /api/publishing/statements", DRAFTERS),
            entry("PUT /api/publishing/statements/{id}", DRAFTERS),
            entry("POST /api/publishing/statements/{id}/approvals", EnumSet.of(LEADER)),
            entry("POST /api/publishing/statements/{id}/publish", EnumSet.of(PUBLISHER)),
            entry("POST /api/publishing/statements/{id}/releases/{channel}/retry", EnumSet.of(PUBLISHER)),
            entry("POST /api/publishing/statements/{id}/releases/manual/proof", EnumSet.of(PUBLISHER)),
            entry("PUT /api/publishing/statements/{id}/schedule", EnumSet.of(PUBLISHER)),
            entry("DELETE /api/publishing/statements/{id}/schedule", EnumSet.of(PUBLISHER)),
            entry("POST /api/publishing/statements/{id}/retract", EnumSet.of(PUBLISHER)),
            entry("POST /api/publishing/statements/{id}/corrections", EnumSet.of(PUBLISHER)),
            entry("GET /api/publishing/channels", EnumSet.of(ADMIN)),
            entry("GET /api/publishing/statements/{id}/versions", PERSONS),
            entry("GET /api/publishing/statements/{id}/versions/{a}/diff/{b}", PERSONS),
            entry("GET /api/publishing/statements/{id}/renditions", PERSONS),
            entry("GET /api/publishing/templates", PERSONS),
            entry("GET /api/publishing/audit", EnumSet.of(ADMIN)),
            entry("GET /internal/events", EnumSet.of(SERVICE)),
            entry("GET /public/statements", EVERYONE),
            entry("GET /public/statements/feed.atom", EVERYONE),
            entry("GET /public/statements/{id}", EVERYONE),
            // Spring's error page is reached by error dispatches only; called directly it is refused to everybody.
            entry("* /error", Set.of()));

    @Autowired
    ApplicationContext context;

    @Test
    void every_endpoint_the_service_serves_has_a_row_in_the_expected_table() {
        List<String> served = Endpoints.of(context).stream().map(Endpoints.Endpoint::key).toList();

        assertThat(served).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void each_role_reaches_exactly_the_endpoints_the_matrix_grants_it(Role role) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoints.Endpoint endpoint : Endpoints.of(context)) {
            Set<Role> allowed = EXPECTED.get(endpoint.key());
            assertThat(allowed).as("row for " + endpoint).isNotNull();
            MockHttpServletResponse response = mvc.perform(call(endpoint, tokenOf(role))).andReturn().getResponse();
            int status = response.getStatus();
            boolean refused = status == 401 || status == 403;
            if (allowed.contains(role) && refused) {
                wrong.add(endpoint + " refused with " + status);
            } else if (!allowed.contains(role) && status != 403) {
                wrong.add(endpoint + " answered " + status + " instead of 403");
            }
        }

        assertThat(wrong).as("endpoints where role " + role + " is treated against the matrix").isEmpty();
    }

    @Test
    void a_publisher_without_the_leader_role_cannot_approve_and_nothing_is_recorded() throws Exception {
        UUID id = draft(openMajorCase(), "情况通报", "正文");
        String login = "publisher-" + UUID.randomUUID();

        MockHttpServletResponse refused = mvc.perform(post("/api/publishing/statements/" + id + "/approvals")
                .header(HttpHeaders.AUTHORIZATION, as(login, PUBLISHER, ANALYST, UNIT_HANDLER, MONITOR, ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("step", "UNIT_HEAD", "decision", "APPROVE"))))
                .andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(jdbc.queryForObject("select count(*) from publishing.approval where statement_id = ?", Long.class, id))
                .isZero();
        assertThat(jdbc.queryForList("select action || ' ' || target from publishing.audit_event where actor = ?",
                String.class, login))
                .containsExactly("DENIED POST /api/publishing/statements/" + id + "/approvals");
        assertThat(approve(id, ApprovalStep.UNIT_HEAD, "zhang.unit").getResponse().getStatus())
                .as("a leader of the unit may").isEqualTo(200);
    }

    @Test
    void a_leader_without_the_publisher_role_cannot_publish_and_nothing_is_released() throws Exception {
        UUID id = draft(openMajorCase(), "情况通报", "正文");
        approveAll(id);
        String login = "leader-" + UUID.randomUUID();

        MockHttpServletResponse refused = mvc.perform(post("/api/publishing/statements/" + id + "/publish")
                .header(HttpHeaders.AUTHORIZATION, as(login, LEADER, ANALYST, UNIT_HANDLER, MONITOR, ADMIN)))
                .andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select state from publishing.statement where id = ?", String.class, id))
                .isEqualTo("APPROVED");
        assertThat(jdbc.queryForObject("select count(*) from publishing.release where statement_id = ?", Long.class, id))
                .isZero();
        assertThat(jdbc.queryForList("select action || ' ' || target from publishing.audit_event where actor = ?",
                String.class, login))
                .containsExactly("DENIED POST /api/publishing/statements/" + id + "/publish");
        assertThat(mvc.perform(post("/api/publishing/statements/" + id + "/publish")
                        .header(HttpHeaders.AUTHORIZATION, as("spokesperson", PUBLISHER))).andReturn().getResponse()
                .getStatus()).as("a publisher of the unit may").isEqualTo(200);
    }

    private static String tokenOf(Role role) {
        if (role == SERVICE) {
            return TestTokens.shared().service("casework");
        }
        return TestTokens.shared().user("matrix-" + role.name().toLowerCase()).roles(role).units(UNIT).bearer();
    }

    /** The endpoint with made-up ids (unknown ones: an allowed role meets 404, never a change) and an empty body. */
    private static MockHttpServletRequestBuilder call(Endpoints.Endpoint endpoint, String authorization) {
        String path = endpoint.path(Map.of("id", UUID.randomUUID().toString(), "channel", "website", "a", "1",
                "b", "2"));
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(endpoint.callMethod()), path)
                .header(HttpHeaders.AUTHORIZATION, authorization);
        if (path.equals("/internal/events")) {
            request.param("waitMillis", "0");
        }
        if (endpoint.method().equals("POST") || endpoint.method().equals("PUT") || endpoint.method().equals("DELETE")) {
            request.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        return request;
    }
}
