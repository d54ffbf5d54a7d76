package org.yuqing.casework.access;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.yuqing.casework.cases.TestClock;
import org.yuqing.casework.escalation.DeadlineWatcher;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.yuqing.casework.cases.Fixtures.T0;

/**
 * 属地管理: two users of sibling units, both holding every role, so that only unit scope can refuse. East opens a
 * case and receives a notice; west tries every endpoint of the service on them and finds nothing, and a user of
 * the parent unit sees both units' cases.
 */
class UnitIsolationTest extends AccessTestSupport {

    /** Valid bodies for the writes on an object, so that nothing but the scope can stop them. */
    private static final Map<String, String> WRITES = Map.ofEntries(
            entry("POST /api/casework/cases/{id}/reports", "{\"kind\":\"PHONE\",\"to\":[\"区委宣传部\"]}"),
            entry("POST /api/casework/cases/{id}/transitions", "{\"to\":\"REPORTED\",\"note\":\"越权尝试\"}"),
            entry("POST /api/casework/cases/{id}/review", "{\"summary\":\"越权总结\"}"),
            entry("POST /api/casework/cases/{id}/tasks", "{\"unitId\":\"%WEST%\",\"title\":\"越权交办\","
                    + "\"dueAt\":\"2030-01-01T00:00:00Z\"}"),
            entry("POST /api/casework/cases/{id}/comments", "{\"text\":\"越权批注\"}"),
            entry("PUT /api/casework/cases/{id}/assignees", "{\"assignees\":[{\"login\":\"west-user\","
                    + "\"unitId\":\"%WEST%\"}]}"),
            entry("POST /api/casework/cases/{id}/attachments", "越权附件"));

    /** Endpoints that show no unit's objects, and why. */
    private static final Map<String, String> NOT_UNIT_SCOPED = Map.of(
            "GET /api/casework/ledger/verify", "checks the whole chain and shows no case content",
            "GET /api/casework/audit", "the service's audit for administrators (security library)",
            "GET /internal/events", "the feed for platform services, refused to every person",
            "GET /error", "the container's error page, refused to every request");

    @Autowired
    TestClock clock;
    @Autowired
    DeadlineWatcher watcher;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;

    String east;
    String west;
    String parent;
    String eastLogin;
    String westLogin;
    String eastUser;
    String westUser;
    String parentUser;
    String eastPerson;

    @BeforeEach
    void setUp() {
        String tag = UUID.randomUUID().toString();
        east = "east-" + tag;
        west = "west-" + tag;
        parent = "parent-" + tag;
        eastLogin = "east-user-" + tag;
        westLogin = "west-user-" + tag;
        eastUser = TestTokens.shared().user(eastLogin).units(east).bearer();
        westUser = TestTokens.shared().user(westLogin).units(west).bearer();
        parentUser = TestTokens.shared().user("parent-user-" + tag).units(parent).scope(parent, east, west).bearer();
        eastPerson = "east-person-" + tag;
        clock.set(T0);
        // East's contact directory: a person and a group robot, so east's notices have deliveries.
        assertThat(call("PUT /api/casework/contacts/people/{login}", eastPerson, null, person(east), eastUser))
                .hasStatusOk();
        assertThat(call("PUT /api/casework/contacts/units/{unitId}", east, null, "{\"robots\":[{\"name\":\"值班群\","
                + "\"kind\":\"WECOM\",\"webhookUrl\":\"http://127.0.0.1:9/cgi-bin/webhook/send?key=east-key\"}]}",
                eastUser)).hasStatusOk();
    }

    @Test
    void west_finds_none_of_easts_objects_on_any_endpoint_and_cannot_create_for_east() {
        UUID eastCase = openByHand(east, eastUser);
        UUID westCase = openByHand(west, westUser);
        long eastNotice = noticeFor(eastCase);
        UUID eastTask = task(eastCase, east, eastUser);
        UUID eastAttachment = attachment(eastCase, eastUser);
        long eastDelivery = deliveryOf(eastNotice);
        assertThat(status(call("PUT /api/casework/cases/{id}/assignees", eastCase, null,
                "{\"assignees\":[{\"login\":\"" + westLogin + "\",\"unitId\":\"" + east + "\"}]}", eastUser)))
                .as("east assigning west's login to act for east").isEqualTo(200);
        String eastBefore = snapshot(eastCase);
        String eastContactsBefore = contacts(east);

        for (String endpoint : endpoints()) {
            if (NOT_UNIT_SCOPED.containsKey(endpoint)) {
                continue;
            }
            Object id = endpoint.contains("/notifications/") ? eastNotice : eastCase;
            switch (endpoint) {
                case "POST /api/casework/cases" -> {
                    assertThat(status(call(endpoint, null, null, openRequest(east), westUser)))
                            .as("west opening a case for east").isEqualTo(403);
                    assertThat(status(call(endpoint, null, null, openRequest(west), westUser)))
                            .as("west opening a case for west").isEqualTo(201);
                }
                case "GET /api/casework/cases" -> {
                    assertThat(caseIds(call(endpoint, null, null, null, westUser)))
                            .as(endpoint + " for west").contains(westCase).doesNotContain(eastCase);
                    assertThat(caseIds(call(endpoint, null, "unit=" + east, null, westUser)))
                            .as(endpoint + "?unit=east for west").isEmpty();
                    assertThat(caseIds(call(endpoint, null, null, null, eastUser)))
                            .as(endpoint + " for east").contains(eastCase).doesNotContain(westCase);
                }
                case "GET /api/casework/notifications" -> {
                    assertThat(ids(call(endpoint, null, null, null, westUser))).as(endpoint + " for west")
                            .doesNotContain(eastNotice);
                    assertThat(ids(call(endpoint, null, null, null, eastUser))).as(endpoint + " for east")
                            .contains(eastNotice);
                }
                case "GET /api/casework/accountability" -> {
                    assertThat(status(call(endpoint, null, "unit=" + east, null, westUser)))
                            .as("west reading east's accountability").isEqualTo(404);
                    assertThat(status(call(endpoint, null, "unit=" + east, null, eastUser)))
                            .as("east reading its own accountability").isEqualTo(200);
                }
                case "GET /api/casework/notifications/deliveries" -> {
                    assertThat(ids(call(endpoint, null, null, null, westUser))).as(endpoint + " for west")
                            .doesNotContain(eastDelivery);
                    assertThat(ids(call(endpoint, null, "unit=" + east, null, westUser))).as(endpoint + "?unit=east")
                            .isEmpty();
                    assertThat(ids(call(endpoint, null, null, null, eastUser))).as(endpoint + " for east")
                            .contains(eastDelivery);
                }
                case "POST /api/casework/notifications/deliveries/{id}/retry" -> {
                    MvcTestResult refused = call(endpoint, eastDelivery, null, null, westUser);
                    assertThat(status(refused)).as("west retrying east's delivery").isEqualTo(404);
                    assertThat(problem(refused)).as("the 404 of " + endpoint + " says what an unknown id's says")
                            .isEqualTo(problem(call(endpoint, Long.MAX_VALUE, null, null, westUser)));
                }
                case "GET /api/casework/accountability/units" -> {
                    assertThat(units(call(endpoint, null, null, null, westUser))).as(endpoint + " for west")
                            .contains(west).doesNotContain(east);
                    assertThat(status(call(endpoint, null, "unit=" + east, null, westUser)))
                            .as("west asking for east's record").isEqualTo(404);
                    assertThat(units(call(endpoint, null, null, null, eastUser))).as(endpoint + " for east")
                            .contains(east).doesNotContain(west);
                }
                case "GET /api/casework/contacts/people" -> {
                    assertThat(logins(call(endpoint, null, null, null, westUser))).as(endpoint + " for west")
                            .doesNotContain(eastPerson);
                    assertThat(logins(call(endpoint, null, null, null, eastUser))).as(endpoint + " for east")
                            .contains(eastPerson);
                }
                case "GET /api/casework/contacts/units" -> {
                    assertThat(units(call(endpoint, null, null, null, westUser))).as(endpoint + " for west")
                            .doesNotContain(east);
                    assertThat(units(call(endpoint, null, null, null, eastUser))).as(endpoint + " for east")
                            .contains(east);
                }
                case "PUT /api/casework/contacts/people/{login}" -> {
                    MvcTestResult refused = call(endpoint, eastPerson, null, person(west), westUser);
                    assertThat(status(refused)).as("west replacing east's contact").isEqualTo(404);
                    assertThat(status(call(endpoint, "west-new-" + eastPerson, null, person(east), westUser)))
                            .as("west entering a contact for east").isEqualTo(403);
                }
                case "DELETE /api/casework/contacts/people/{login}" -> {
                    MvcTestResult refused = call(endpoint, eastPerson, null, null, westUser);
                    assertThat(status(refused)).as("west removing east's contact").isEqualTo(404);
                    assertThat(problem(refused)).as("the 404 of " + endpoint + " says what an unknown id's says")
                            .isEqualTo(problem(call(endpoint, "nobody-" + UUID.randomUUID(), null, null, westUser)));
                }
                case "GET /api/casework/deadlines/mine" -> {
                    // Even west's login, which east assigned to east's case, sees none of it from west's scope.
                    assertThat(deadlineCases(call(endpoint, null, "units=true", null, westUser)))
                            .as(endpoint + " for west").contains(westCase).doesNotContain(eastCase);
                    assertThat(deadlineCases(call(endpoint, null, "units=true", null, eastUser)))
                            .as(endpoint + " for east").contains(eastCase).doesNotContain(westCase);
                    assertThat(deadlineCases(call(endpoint, null, null, null, westUser)))
                            .as(endpoint + " (assigned only) for west").doesNotContain(eastCase);
                }
                case "PUT /api/casework/contacts/units/{unitId}" ->
                        assertThat(status(call(endpoint, east, null, "{\"robots\":[]}", westUser)))
                                .as("west replacing east's robots").isEqualTo(403);
                case "POST /api/casework/cases/{id}/tasks/{taskId}/complete",
                     "GET /api/casework/cases/{id}/attachments/{attachmentId}" -> {
                    // Objects within east's case: west is refused at the case, and also with its own case's id.
                    UUID inner = endpoint.contains("/tasks/") ? eastTask : eastAttachment;
                    String path = endpoint.replace("{id}", eastCase.toString())
                            .replace(endpoint.contains("/tasks/") ? "{taskId}" : "{attachmentId}", inner.toString());
                    MvcTestResult refused = call(path, null, null, null, westUser);
                    assertThat(status(refused)).as("west on east's object: " + endpoint).isEqualTo(404);
                    assertThat(problem(refused)).as("the 404 of " + endpoint + " says what an unknown id's says")
                            .isEqualTo(problem(call(endpoint, UUID.randomUUID(), null, null, westUser)));
                    String viaOwnCase = endpoint.replace("{id}", westCase.toString())
                            .replace(endpoint.contains("/tasks/") ? "{taskId}" : "{attachmentId}", inner.toString());
                    assertThat(status(call(viaOwnCase, null, null, null, westUser)))
                            .as("west reaching east's object through west's own case: " + endpoint).isEqualTo(404);
                }
                case "GET /api/casework/cases/{id}/documents/{kind}.{format}" -> {
                    // Real documents, so that only the scope refuses (an unknown document name is a 404 of its own).
                    for (String document : List.of("registration.pdf", "special-report.docx", "review.pdf")) {
                        MvcTestResult refused = call("GET /api/casework/cases/" + eastCase + "/documents/" + document,
                                null, null, null, westUser);
                        assertThat(status(refused)).as("west reading east's " + document).isEqualTo(404);
                        assertThat(problem(refused)).as("the 404 of east's " + document + " says what an unknown id's says")
                                .isEqualTo(problem(call("GET /api/casework/cases/" + UUID.randomUUID() + "/documents/"
                                        + document, null, null, null, westUser)));
                    }
                    assertThat(status(call("GET /api/casework/cases/" + eastCase + "/documents/registration.pdf", null,
                            null, null, eastUser))).as("east reading its own registration form").isEqualTo(200);
                }
                default -> {
                    if (!namesAnObject(endpoint)) {
                        fail("classify the new endpoint " + endpoint + " in this test: which unit's objects does it show?");
                    }
                    String body = WRITES.containsKey(endpoint) ? WRITES.get(endpoint).replace("%WEST%", west) : null;
                    MvcTestResult refused = call(endpoint, id, null, body, westUser);
                    assertThat(status(refused)).as("west on east's object: " + endpoint).isEqualTo(404);
                    assertThat(problem(refused)).as("the 404 of " + endpoint + " says what an unknown id's says")
                            .isEqualTo(problem(call(endpoint, unknownIdLike(id), null, body, westUser)));
                }
            }
        }

        assertThat(status(call("POST /api/casework/cases/{id}/tasks", eastCase, null,
                WRITES.get("POST /api/casework/cases/{id}/tasks").replace("%WEST%", west), eastUser)))
                .as("east giving a task to west, outside east's scope").isEqualTo(403);
        assertThat(status(call("PUT /api/casework/cases/{id}/assignees", eastCase, null,
                WRITES.get("PUT /api/casework/cases/{id}/assignees").replace("%WEST%", west), eastUser)))
                .as("east assigning someone to act for west, outside east's scope").isEqualTo(403);
        assertThat(snapshot(eastCase)).as("east's case after west's attempts").isEqualTo(eastBefore)
                .contains("state=ASSESSING", "reportedAt=null");
        assertThat(contacts(east)).as("east's contacts after west's attempts").isEqualTo(eastContactsBefore)
                .contains(eastPerson, "值班群");
        assertThat(jdbc.queryForObject("select status || ' ' || attempts || ' ' || coalesce(retried_by, '-') "
                + "from casework.notification_delivery where id = ?", String.class, eastDelivery))
                .as("west's retry changed nothing").isEqualTo("PENDING 0 -");
        assertThat(ids(call("GET /api/casework/notifications", null, "unread=true", null, eastUser)))
                .as("west's attempt marked nothing read").contains(eastNotice);
        assertThat(jdbc.queryForList("select target from casework.audit_event where actor = ? and action = 'DENIED'",
                String.class, westLogin))
                .contains("GET /api/casework/cases/" + eastCase, "POST /api/casework/cases/" + eastCase + "/reports",
                        "POST /api/casework/notifications/" + eastNotice + "/read", "POST /api/casework/cases");
    }

    @Test
    void a_user_of_the_parent_unit_sees_the_cases_of_both_children() {
        UUID eastCase = openByHand(east, eastUser);
        UUID westCase = openByHand(west, westUser);

        assertThat(caseIds(call("GET /api/casework/cases", null, null, null, parentUser))).contains(eastCase, westCase);
        for (UUID id : List.of(eastCase, westCase)) {
            assertThat(status(call("GET /api/casework/cases/{id}", id, null, null, parentUser))).isEqualTo(200);
            assertThat(status(call("GET /api/casework/cases/{id}/ledger", id, null, null, parentUser))).isEqualTo(200);
            assertThat(status(call("GET /api/casework/cases/" + id + "/documents/registration.pdf", null, null, null,
                    parentUser))).isEqualTo(200);
        }
        for (String unit : List.of(east, west)) {
            assertThat(status(call("GET /api/casework/accountability", null, "unit=" + unit, null, parentUser)))
                    .isEqualTo(200);
        }
        assertThat(status(call("POST /api/casework/cases", null, null, openRequest(east), parentUser))).isEqualTo(201);
    }

    @Test
    void a_case_opened_by_hand_is_in_the_audit_as_an_override_with_who_did_it() {
        UUID eastCase = openByHand(east, eastUser);

        // After the contact directory entries of the set-up, which are configuration changes.
        assertThat(jdbc.queryForList("select action || ' ' || target || ' ' || outcome from casework.audit_event "
                + "where actor = ? order by id", String.class, eastLogin)).containsExactly(
                "CONFIG_CHANGE contact " + eastPerson + " DONE", "CONFIG_CHANGE robots of unit " + east + " DONE",
                "OVERRIDE case " + eastCase + " DONE");
    }

    private UUID openByHand(String unit, String bearer) {
        MvcTestResult opened = call("POST /api/casework/cases", null, null, openRequest(unit), bearer);
        assertThat(opened).hasStatus(HttpStatus.CREATED);
        return UUID.fromString(json.readTree(opened.getResponse().getContentAsByteArray()).path("id").asString());
    }

    private UUID task(UUID caseId, String unit, String bearer) {
        MvcTestResult given = call("POST /api/casework/cases/{id}/tasks", caseId, null, "{\"unitId\":\"" + unit
                + "\",\"title\":\"核实情况\",\"dueAt\":\"2030-01-01T00:00:00Z\"}", bearer);
        assertThat(given).hasStatus(HttpStatus.CREATED);
        return UUID.fromString(json.readTree(given.getResponse().getContentAsByteArray()).path("id").asString());
    }

    private UUID attachment(UUID caseId, String bearer) {
        MvcTestResult uploaded = call("POST /api/casework/cases/{id}/attachments", caseId, null, "情况说明", bearer);
        assertThat(uploaded).hasStatus(HttpStatus.CREATED);
        return UUID.fromString(json.readTree(uploaded.getResponse().getContentAsByteArray()).path("id").asString());
    }

    private static String person(String unit) {
        return "{\"name\":\"值班员\",\"units\":[\"" + unit + "\"],\"roles\":[\"ASSIGNEE\"],"
                + "\"email\":\"duty@" + unit + ".example.cn\",\"mobile\":\"13800001234\"}";
    }

    private long deliveryOf(long notice) {
        return jdbc.queryForObject("select min(id) from casework.notification_delivery where notification_id = ?",
                Long.class, notice);
    }

    // What a write to a unit's contacts could change.
    private String contacts(String unit) {
        return jdbc.queryForObject("select coalesce(string_agg(login || '/' || array_to_string(units, ',') || '/' "
                + "|| coalesce(email, ''), ';' order by login), '') || ' robots=' || (select coalesce(string_agg(name "
                + "|| '/' || webhook_url, ';' order by name), '') from casework.contact_robot where unit_id = ?) "
                + "from casework.contact_person where ? = any(units)", String.class, unit, unit);
    }

    private List<UUID> deadlineCases(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        return StreamSupport.stream(json.readTree(result.getResponse().getContentAsByteArray()).spliterator(), false)
                .map(d -> UUID.fromString(d.path("caseId").asString())).distinct().toList();
    }

    private Set<String> units(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        JsonNode body = json.readTree(result.getResponse().getContentAsByteArray());
        JsonNode list = body.has("units") ? body.path("units") : body;
        return Set.copyOf(StreamSupport.stream(list.spliterator(), false).map(n -> n.path("unitId").asString())
                .toList());
    }

    private Set<String> logins(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        return Set.copyOf(StreamSupport.stream(json.readTree(result.getResponse().getContentAsByteArray()).spliterator(),
                false).map(n -> n.path("login").asString()).toList());
    }

    private static String openRequest(String unit) {
        return "{\"incidentId\":\"" + UUID.randomUUID() + "\",\"title\":\"化工厂泄漏 " + unit + "\",\"unitId\":\"" + unit
                + "\",\"level\":\"MAJOR\",\"reason\":\"网民集中反映\"}";
    }

    // The case misses its report deadline; the escalation chain's first notice goes to the case's unit.
    private long noticeFor(UUID caseId) {
        clock.set(T0.plus(Duration.ofHours(3)));
        watcher.watch();
        return jdbc.queryForObject("select min(id) from casework.notification where case_id = ?", Long.class, caseId);
    }

    // What a write could change: state, report, review, timeline, ledger, tasks and attachments.
    private String snapshot(UUID caseId) {
        return jdbc.queryForObject("select 'state=' || state || ' reportedAt=' || coalesce(reported_at::text, 'null')"
                + " || ' reviewedAt=' || coalesce(reviewed_at::text, 'null')"
                + " || ' timeline=' || (select count(*) from casework.timeline_entry t where t.case_id = c.id)"
                + " || ' ledger=' || (select count(*) from casework.ledger_entry l where l.case_id = c.id)"
                + " || ' openTasks=' || (select count(*) from casework.case_task k where k.case_id = c.id"
                + " and k.completed_at is null)"
                + " || ' attachments=' || (select count(*) from casework.case_attachment a where a.case_id = c.id)"
                + " || ' assignees=' || (select coalesce(string_agg(s.login || '/' || s.unit_id, ','), '')"
                + " from casework.case_assignee s where s.case_id = c.id)"
                + " from casework.case_file c where id = ?", String.class, caseId);
    }

    private static Object unknownIdLike(Object id) {
        return id instanceof UUID ? UUID.randomUUID() : (Object) Long.MAX_VALUE;
    }

    private static int status(MvcTestResult result) {
        return result.getResponse().getStatus();
    }

    private Map<String, String> problem(MvcTestResult result) {
        JsonNode body = json.readTree(result.getResponse().getContentAsByteArray());
        return Map.of("status", body.path("status").asString(), "title", body.path("title").asString(),
                "detail", body.path("detail").asString(), "type", body.path("type").asString());
    }

    private Set<UUID> caseIds(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        return Set.copyOf(StreamSupport.stream(json.readTree(result.getResponse().getContentAsByteArray()).spliterator(),
                false).map(c -> UUID.fromString(c.path("id").asString())).toList());
    }

    private Set<Long> ids(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        return Set.copyOf(StreamSupport.stream(json.readTree(result.getResponse().getContentAsByteArray()).spliterator(),
                false).map(n -> n.path("id").asLong()).toList());
    }
}
