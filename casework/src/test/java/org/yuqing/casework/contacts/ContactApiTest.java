package org.yuqing.casework.contacts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.yuqing.casework.cases.CaseworkIntegrationTest;
import org.yuqing.casework.cases.TestCaller;
import org.yuqing.platform.stack.StackTestProperties;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Administrators keep the contact directory: people by unit and role, and each unit's group robots. */
@CaseworkIntegrationTest
class ContactApiTest {

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry r) {
        StackTestProperties.postgres(r);
        TestTokens.shared().register(r);
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestCaller caller;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    ContactDirectory directory;

    String unit;
    String admin;

    @BeforeEach
    void setUp() {
        unit = "unit-" + UUID.randomUUID();
        admin = "admin-" + UUID.randomUUID();
        caller.is(admin, unit);
    }

    @Test
    void an_administrator_enters_a_person_who_is_then_reached_for_their_role_on_the_channels_with_an_address() {
        String login = "zhang-" + UUID.randomUUID();

        JsonNode entered = ok(put("/api/casework/contacts/people/" + login, "{\"name\":\" 张科长 \",\"units\":[\"" + unit
                + "\"],\"roles\":[\"ASSIGNEE\",\"UNIT_HEAD\"],\"email\":\"zhang@district.example.gov.cn\","
                + "\"mobile\":\"138-0000 1234\"}"));

        assertThat(entered.path("name").asString()).isEqualTo("张科长");
        assertThat(entered.path("mobile").asString()).isEqualTo("13800001234");
        assertThat(texts(entered.path("channels"))).containsExactly("EMAIL", "SMS");
        assertThat(entered.path("updatedBy").asString()).isEqualTo(admin);
        assertThat(texts(ok(mvc.get().uri("/api/casework/contacts/people").exchange()).findValues("login")))
                .contains(login);
        assertThat(directory.peopleFor(unit, "UNIT_HEAD")).extracting(PersonContact::login).containsExactly(login);
        assertThat(directory.peopleFor(unit, "LEADER_IN_CHARGE")).isEmpty();
        assertThat(directory.peopleFor("elsewhere-" + UUID.randomUUID(), "ASSIGNEE")).isEmpty();

        // Email only from now on: the mobile stays on file, SMS is off.
        ok(put("/api/casework/contacts/people/" + login, "{\"name\":\"张科长\",\"units\":[\"" + unit + "\"],"
                + "\"roles\":[\"ASSIGNEE\"],\"email\":\"zhang@district.example.gov.cn\",\"mobile\":\"13800001234\","
                + "\"channels\":[\"EMAIL\"]}"));
        PersonContact now = directory.peopleFor(unit, "ASSIGNEE").getFirst();
        assertThat(now.reachableOn(PersonContact.EMAIL)).isTrue();
        assertThat(now.reachableOn(PersonContact.SMS)).isFalse();

        assertThat(mvc.delete().uri("/api/casework/contacts/people/" + login).exchange())
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(directory.peopleFor(unit, "ASSIGNEE")).isEmpty();
        assertThat(mvc.delete().uri("/api/casework/contacts/people/" + login).exchange())
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForList("select action || ' ' || target from casework.audit_event where actor = ? "
                + "order by id", String.class, admin)).containsExactly("CONFIG_CHANGE contact " + login,
                "CONFIG_CHANGE contact " + login, "CONFIG_CHANGE contact " + login);
    }

    @Test
    void an_entry_that_cannot_reach_anyone_is_refused_with_what_is_wrong() {
        String person = "/api/casework/contacts/people/li-" + UUID.randomUUID();
        String units = "\"units\":[\"" + unit + "\"]";
        assertThat(problem(put(person, "{" + units + ",\"roles\":[\"ASSIGNEE\"]}"))).contains("name is required");
        assertThat(problem(put(person, "{\"name\":\"李\",\"roles\":[\"ASSIGNEE\"]}"))).contains("units");
        assertThat(problem(put(person, "{\"name\":\"李\"," + units + "}"))).contains("roles");
        assertThat(problem(put(person, "{\"name\":\"李\"," + units + ",\"roles\":[\"ASSIGNEE\"],\"email\":\"li-at-home\"}")))
                .contains("not an email address");
        assertThat(problem(put(person, "{\"name\":\"李\"," + units + ",\"roles\":[\"ASSIGNEE\"],\"mobile\":\"12ab\"}")))
                .contains("mobile");
        assertThat(problem(put(person, "{\"name\":\"李\"," + units + ",\"roles\":[\"ASSIGNEE\"],\"channels\":[\"SMS\"]}")))
                .contains("channel SMS needs a mobile number");
        assertThat(problem(put(person, "{\"name\":\"李\"," + units + ",\"roles\":[\"ASSIGNEE\"],\"channels\":[\"FAX\"]}")))
                .contains("FAX is neither");
        assertThat(put(person, "{\"name\":\"李\",\"units\":[\"other-" + UUID.randomUUID() + "\"],\"roles\":[\"ASSIGNEE\"]}"))
                .as("a unit outside the administrator's scope").hasStatus(HttpStatus.FORBIDDEN);
        assertThat(put(person, "{not json")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void robots_are_shown_without_their_credentials_and_keep_them_when_an_update_leaves_them_out() {
        String wecom = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=wecom-secret-key";
        String dingtalk = "https://oapi.dingtalk.com/robot/send?access_token=ding-secret-token";
        JsonNode shown = ok(put("/api/casework/contacts/units/" + unit, "{\"robots\":[{\"name\":\"应急值班群\","
                + "\"kind\":\"WECOM\",\"webhookUrl\":\"" + wecom + "\"},{\"name\":\"领导群\",\"kind\":\"DINGTALK\","
                + "\"webhookUrl\":\"" + dingtalk + "\",\"secret\":\"SECding\"}]}"));

        assertThat(shown.path("unitId").asString()).isEqualTo(unit);
        // By name: 应急值班群 (WeCom) before 领导群 (DingTalk).
        assertThat(texts(shown.findValues("webhook"))).containsExactly("https://qyapi.weixin.qq.com/cgi-bin/webhook/send",
                "https://oapi.dingtalk.com/robot/send");
        assertThat(shown.toString()).doesNotContain("wecom-secret-key", "ding-secret-token", "SECding");
        JsonNode listed = ok(mvc.get().uri("/api/casework/contacts/units?unit=" + unit).exchange());
        assertThat(listed.toString()).doesNotContain("wecom-secret-key", "ding-secret-token", "SECding");
        assertThat(listed.findValues("signed").stream().map(JsonNode::asBoolean).toList()).containsExactly(false, true);

        // Renamed nothing, named no address or secret: both kept.
        ok(put("/api/casework/contacts/units/" + unit, "{\"robots\":[{\"name\":\"应急值班群\",\"kind\":\"WECOM\"},"
                + "{\"name\":\"领导群\",\"kind\":\"DINGTALK\"}]}"));
        assertThat(directory.robotsOf(unit)).extracting(r -> r.webhookUrl().toString() + " " + r.secret())
                .containsExactly(wecom + " null", dingtalk + " SECding");
        assertThat(directory.robotsOf(unit).toString()).doesNotContain("wecom-secret-key", "ding-secret-token", "SECding");

        // An empty secret unsigns; a new robot needs its address; WeCom takes no secret.
        ok(put("/api/casework/contacts/units/" + unit, "{\"robots\":[{\"name\":\"领导群\",\"kind\":\"DINGTALK\","
                + "\"secret\":\"\"}]}"));
        assertThat(directory.robotsOf(unit)).singleElement().satisfies(r -> assertThat(r.signed()).isFalse());
        assertThat(problem(put("/api/casework/contacts/units/" + unit, "{\"robots\":[{\"name\":\"新群\","
                + "\"kind\":\"WECOM\"}]}"))).contains("webhookUrl is required");
        assertThat(problem(put("/api/casework/contacts/units/" + unit, "{\"robots\":[{\"name\":\"新群\","
                + "\"kind\":\"WECOM\",\"webhookUrl\":\"" + wecom + "\",\"secret\":\"x\"}]}"))).contains("not signed");
        assertThat(problem(put("/api/casework/contacts/units/" + unit, "{\"robots\":[{\"name\":\"新群\","
                + "\"kind\":\"SLACK\",\"webhookUrl\":\"" + wecom + "\"}]}"))).contains("WECOM or DINGTALK");
        assertThat(problem(put("/api/casework/contacts/units/" + unit, "{\"robots\":[{\"name\":\"新群\","
                + "\"kind\":\"WECOM\",\"webhookUrl\":\"ftp://example.cn/x\"}]}"))).contains("http(s)");

        ok(put("/api/casework/contacts/units/" + unit, "{\"robots\":[]}"));
        assertThat(directory.robotsOf(unit)).isEmpty();
        List<String> audited = jdbc.queryForList("select detail from casework.audit_event where actor = ? "
                + "and action = 'CONFIG_CHANGE' order by id", String.class, admin);
        assertThat(audited).hasSize(4).noneMatch(d -> d.contains("secret-key") || d.contains("SECding")
                || d.contains("ding-secret-token"));
    }

    private MvcTestResult put(String uri, String body) {
        return mvc.put().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private JsonNode ok(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    private String problem(MvcTestResult result) {
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        return json.readTree(result.getResponse().getContentAsByteArray()).path("detail").asString();
    }

    private static List<String> texts(Iterable<JsonNode> nodes) {
        List<String> out = new java.util.ArrayList<>();
        nodes.forEach(n -> {
            if (n.isArray()) {
                n.forEach(e -> out.add(e.asString()));
            } else {
                out.add(n.asString());
            }
        });
        return out;
    }
}
