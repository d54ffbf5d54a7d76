package org.yuqing.publishing;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.Level;
import org.yuqing.domain.events.CaseOpened;
import org.yuqing.events.IntegrationEventListener;
import org.yuqing.platform.stack.StackTestProperties;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The publishing service on the shared PostgreSQL of the test JVM, driven through its HTTP API.
 * Each test opens its own cases (random ids), so tests do not see each other's data. Tokens come
 * from the test issuer ({@link TestTokens}); a request without an {@code Authorization} header gets
 * one of {@value #TESTER} (every person's role, unit {@value #UNIT}).
 */
@SpringBootTest(classes = PublishingApplication.class)
@AutoConfigureMockMvc
@Import(PublishingIntegrationTest.DefaultToken.class)
public abstract class PublishingIntegrationTest {

    /** The unit the cases of these tests belong to. */
    protected static final String UNIT = "district";
    /** The login of requests that name no user. */
    protected static final String TESTER = "tester";

    /** The public base URL the tests configure; links must be built from it. */
    protected static final String PUBLIC_BASE = "https://news.example.gov.cn";
    /** The approvals the district plan requires at MAJOR. */
    protected static final List<ApprovalStep> MAJOR_APPROVALS =
            List.of(ApprovalStep.UNIT_HEAD, ApprovalStep.LEADER_IN_CHARGE, ApprovalStep.MAIN_LEADER);

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry r) {
        StackTestProperties.postgres(r);
        TestTokens.shared().register(r);
        // nothing listens on port 9: the casework subscription stays idle instead of reading a stray service
        r.add("yuqing.events.subscriptions.casework.uri", () -> "http://127.0.0.1:9/internal/events");
        r.add("yuqing.publishing.public-base-url", () -> PUBLIC_BASE + "/");
        // tests drive the delivery worker themselves, never by waiting for a schedule
        r.add("yuqing.publishing.delivery.schedule", () -> "false");
    }

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected IntegrationEventListener listener;

    /**
     * Gives every MockMvc request without an {@code Authorization} header a fresh token of {@value #TESTER}
     * (minted per request, so a long test run never meets an expired one); explicit headers win.
     */
    @TestConfiguration
    static class DefaultToken {

        @Bean
        MockMvcBuilderCustomizer defaultToken() {
            return builder -> builder.defaultRequest(get("/").with(request -> {
                if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
                    request.addHeader(HttpHeaders.AUTHORIZATION, as(TESTER));
                }
                return request;
            }));
        }
    }

    /** The {@code Authorization} value of a user of {@value #UNIT} holding every person's role. */
    protected static String as(String login) {
        return TestTokens.shared().user(login).units(UNIT).bearer();
    }

    /** The {@code Authorization} value of a user of {@value #UNIT} holding exactly these roles. */
    protected static String as(String login, Role... roles) {
        return TestTokens.shared().user(login).roles(roles).units(UNIT).bearer();
    }

    /** A CaseOpened as casework sends it, for a case of {@value #UNIT}. */
    protected static CaseOpened caseOpened(Level level, List<ApprovalStep> approvals) {
        return caseOpened(UNIT, level, approvals);
    }

    /** A CaseOpened as casework sends it, for a case of the unit. */
    protected static CaseOpened caseOpened(String unitId, Level level, List<ApprovalStep> approvals) {
        Instant now = Instant.now();
        UUID caseId = UUID.randomUUID();
        return new CaseOpened(UUID.randomUUID(), now, caseId, UUID.randomUUID(), unitId,
                "化工厂事故 " + caseId, level, now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(24)), approvals);
    }

    /** Makes a MAJOR case known to publishing the way the casework feed does, and returns its id. */
    protected UUID openMajorCase() {
        CaseOpened opened = caseOpened(Level.MAJOR, MAJOR_APPROVALS);
        listener.on("casework", opened);
        return opened.caseId();
    }

    /** Posts JSON as the given user (every person's role, unit {@value #UNIT}). */
    protected MvcResult postJson(String path, Object body, String user) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, as(user))
                .content(json.writeValueAsString(body))).andReturn();
    }

    /** Drafts a fact report for the case and returns the statement's id. */
    protected UUID draft(UUID caseId, String title, String body) throws Exception {
        MvcResult created = postJson("/api/publishing/statements",
                Map.of("caseId", caseId, "kind", "FACT_REPORT", "title", title, "body", body), "drafter");
        if (created.getResponse().getStatus() != 201) {
            throw new AssertionError("draft failed: " + created.getResponse().getContentAsString());
        }
        return UUID.fromString(body(created).path("id").asString());
    }

    /** Records an APPROVE by the given user at the step and returns the response. */
    protected MvcResult approve(UUID statementId, ApprovalStep step, String approver) throws Exception {
        return postJson("/api/publishing/statements/" + statementId + "/approvals",
                Map.of("step", step.name(), "decision", "APPROVE", "comment", "同意发布"), approver);
    }

    /** Approves every MAJOR step, each by its own leader. */
    protected void approveAll(UUID statementId) throws Exception {
        for (ApprovalStep step : MAJOR_APPROVALS) {
            MvcResult r = approve(statementId, step, approverFor(step));
            if (r.getResponse().getStatus() != 200) {
                throw new AssertionError("approval failed: " + r.getResponse().getContentAsString());
            }
        }
    }

    /** The login the tests use for the leader of a step. */
    protected static String approverFor(ApprovalStep step) {
        return switch (step) {
            case UNIT_HEAD -> "zhang.unit";
            case LEADER_IN_CHARGE -> "li.incharge";
            case MAIN_LEADER -> "wang.main";
        };
    }

    /** Asks to publish the statement. */
    protected MvcResult publish(UUID statementId) throws Exception {
        return mvc.perform(post("/api/publishing/statements/" + statementId + "/publish")
                .header(HttpHeaders.AUTHORIZATION, as("spokesperson"))).andReturn();
    }

    /** Drafts, approves and publishes a statement of a new MAJOR case; returns its id. */
    protected UUID publishedStatement(String title, String body) throws Exception {
        UUID id = draft(openMajorCase(), title, body);
        approveAll(id);
        MvcResult r = publish(id);
        if (r.getResponse().getStatus() != 200) {
            throw new AssertionError("publish failed: " + r.getResponse().getContentAsString());
        }
        return id;
    }

    /** The response body as JSON. */
    protected JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
