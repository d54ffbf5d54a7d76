package org.yuqing.gateway.admin;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yuqing.gateway.GatewayIntegrationTest;
import org.yuqing.gateway.TestUsers;
import org.yuqing.security.YuqingClaims;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.gateway.GatewayClient.basic;
import static org.yuqing.gateway.GatewayClient.json;
import static org.yuqing.gateway.db.Tables.UNITS;
import static org.yuqing.gateway.db.Tables.USERS;

/**
 * Each test gets a tree of its own: {@code root} with the children {@code edu} and {@code emg}, an administrator of
 * the root, one of {@code edu}, a plain user of {@code edu} and one of {@code emg}.
 */
class AdminApiTest extends GatewayIntegrationTest {

    String root;
    String edu;
    String emg;
    String rootAdmin;
    String eduAdmin;
    String eduMonitor;
    String emgMonitor;

    @BeforeEach
    void tree() {
        root = TestUsers.unique("root");
        edu = TestUsers.unique("edu");
        emg = TestUsers.unique("emg");
        TestUsers.unit(db, root, null);
        TestUsers.unit(db, edu, root);
        TestUsers.unit(db, emg, root);
        rootAdmin = newUser("boss", List.of(root), TestUsers.ALL_PERSON_ROLES);
        eduAdmin = newUser("admin", List.of(edu), List.of("ADMIN"));
        eduMonitor = newUser("mon", List.of(edu), List.of("MONITOR"));
        emgMonitor = newUser("mon", List.of(emg), List.of("MONITOR"));
    }

    @Test
    void a_user_without_the_admin_role_is_refused_403_but_may_list_the_units_of_their_scope() {
        String as = basicOf(eduMonitor);

        assertThat(send("GET", "/api/identity/users", null, as).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/identity/units", unit("x-" + edu, edu), as).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/identity/users", newUser(TestUsers.unique("n"), edu), as).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/identity/audit", null, as).statusCode()).isEqualTo(403);
        HttpResponse<String> units = send("GET", "/api/identity/units", null, as);
        assertThat(units.statusCode()).isEqualTo(200);
        assertThat(json(units).values()).extracting(node -> node.get("id").asString()).containsExactly(edu);
    }

    @Test
    void an_admin_of_one_unit_neither_sees_nor_changes_users_and_units_of_a_sibling() {
        String as = basicOf(eduAdmin);

        HttpResponse<String> users = send("GET", "/api/identity/users", null, as);
        assertThat(json(users).values()).extracting(node -> node.get("login").asString())
                .contains(eduAdmin, eduMonitor).doesNotContain(emgMonitor, rootAdmin);
        assertThat(json(send("GET", "/api/identity/units", null, as)).values())
                .extracting(node -> node.get("id").asString()).containsExactly(edu);

        assertProblem(send("PUT", "/api/identity/users/" + emgMonitor,
                "{\"name\":\"x\",\"units\":[\"" + edu + "\"],\"roles\":[\"ADMIN\"],\"enabled\":true}", as), 404);
        assertProblem(send("POST", "/api/identity/users/" + emgMonitor + "/password",
                "{\"newPassword\":\"a-new-password-1\"}", as), 404);
        assertProblem(send("PUT", "/api/identity/units/" + emg, "{\"name\":\"x\",\"parentId\":\"" + root + "\"}", as),
                404);
        assertProblem(send("DELETE", "/api/identity/units/" + emg, null, as), 404);
        assertProblem(send("POST", "/api/identity/units", unit(TestUsers.unique("sub"), emg), as), 403);
        assertProblem(send("POST", "/api/identity/users", newUser(TestUsers.unique("n"), emg), as), 403);
        assertProblem(send("PUT", "/api/identity/units/" + edu,
                "{\"name\":\"教育\",\"parentId\":\"" + emg + "\"}", as), 403);
        assertThat(db.fetchValue(UNITS.PARENT_ID, UNITS.ID.eq(emg))).isEqualTo(root);
    }

    @Test
    void a_created_user_has_a_hashed_password_can_log_in_and_gets_a_token_with_their_units() throws Exception {
        String login = TestUsers.unique("new");

        HttpResponse<String> created = send("POST", "/api/identity/users", newUser(login, edu), basicOf(eduAdmin));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/identity/users/" + login);
        assertThat(created.body()).doesNotContain("password");
        String hash = db.fetchValue(USERS.PASSWORD_HASH, USERS.LOGIN.eq(login));
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("first-password-1");
        logIn(login, "first-password-1");
        HttpResponse<String> token = gateway.send("POST", "/api/identity/token",
                "Authorization", basic(login, "first-password-1"));
        var claims = SignedJWT.parse(json(token).get("access_token").asString()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(login);
        assertThat(claims.getStringListClaim(YuqingClaims.UNITS)).containsExactly(edu);
        assertThat(claims.getStringListClaim(YuqingClaims.ROLES)).containsExactly("ANALYST");
    }

    @Test
    void new_users_are_validated_and_a_taken_login_is_a_conflict() {
        String as = basicOf(eduAdmin);
        String login = TestUsers.unique("v");

        assertProblem(send("POST", "/api/identity/users", "{\"login\":\"" + login + "\",\"name\":\"v\","
                + "\"password\":\"short\",\"units\":[\"" + edu + "\"],\"roles\":[]}", as), 400);
        assertProblem(send("POST", "/api/identity/users", "{\"login\":\"" + login + "\",\"name\":\"v\","
                + "\"password\":\"" + login + "\",\"units\":[\"" + edu + "\"],\"roles\":[]}", as), 400);
        assertProblem(send("POST", "/api/identity/users", "{\"login\":\"Bad Login\",\"name\":\"v\","
                + "\"password\":\"long-enough-1\",\"units\":[\"" + edu + "\"],\"roles\":[]}", as), 400);
        assertProblem(send("POST", "/api/identity/users", "{\"login\":\"" + login + "\",\"name\":\"v\","
                + "\"password\":\"long-enough-1\",\"units\":[\"" + edu + "\"],\"roles\":[\"SERVICE\"]}", as), 400);
        assertProblem(send("POST", "/api/identity/users", "{not json", as), 400);
        assertThat(send("POST", "/api/identity/users", newUser(login, edu), as).statusCode()).isEqualTo(201);
        assertProblem(send("POST", "/api/identity/users", newUser(login, edu), as), 409);
    }

    @Test
    void one_user_is_read_for_the_edit_dialog_within_the_admins_scope_only() {
        HttpResponse<String> own = send("GET", "/api/identity/users/" + eduMonitor, null, basicOf(eduAdmin));
        HttpResponse<String> fromAbove = send("GET", "/api/identity/users/" + eduMonitor, null, basicOf(rootAdmin));

        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        JsonNode user = json(own);
        assertThat(user.get("login").asString()).isEqualTo(eduMonitor);
        assertThat(user.get("name").asString()).isEqualTo("测试 " + eduMonitor);
        assertThat(user.get("units").values()).extracting(JsonNode::asString).containsExactly(edu);
        assertThat(user.get("roles").values()).extracting(JsonNode::asString).containsExactly("MONITOR");
        assertThat(user.get("enabled").asBoolean()).isTrue();
        assertThat(own.body()).doesNotContain("password", "bcrypt");
        assertThat(json(fromAbove).get("login").asString()).isEqualTo(eduMonitor);
        assertProblem(send("GET", "/api/identity/users/" + emgMonitor, null, basicOf(eduAdmin)), 404);
        assertProblem(send("GET", "/api/identity/users/" + TestUsers.unique("nobody"), null, basicOf(eduAdmin)), 404);
        assertProblem(send("GET", "/api/identity/users/" + eduMonitor, null, basicOf(emgMonitor)), 403);
        assertProblem(send("GET", "/api/identity/users/" + eduAdmin, null, basicOf(eduMonitor)), 403);
    }

    @Test
    void a_disabled_user_can_no_longer_log_in() {
        HttpResponse<String> disabled = send("PUT", "/api/identity/users/" + eduMonitor,
                "{\"enabled\":false}", basicOf(eduAdmin));

        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(json(disabled).get("enabled").asBoolean()).isFalse();
        assertThat(gateway.send("GET", "/api/identity/me", "Authorization", basicOf(eduMonitor)).statusCode())
                .isEqualTo(401);
    }

    @Test
    void units_are_created_renamed_moved_and_deleted_within_scope_and_a_cycle_is_a_conflict() {
        String as = basicOf(rootAdmin);
        String sub = TestUsers.unique("sub");

        assertThat(send("POST", "/api/identity/units", unit(sub, edu), as).statusCode()).isEqualTo(201);
        assertProblem(send("POST", "/api/identity/units", unit(sub, edu), as), 409);
        assertProblem(send("POST", "/api/identity/units", unit("Not An Id", edu), as), 400);
        assertProblem(send("PUT", "/api/identity/units/" + root,
                "{\"name\":\"根\",\"parentId\":\"" + sub + "\"}", as), 409);
        assertProblem(send("PUT", "/api/identity/units/" + edu,
                "{\"name\":\"教育\",\"parentId\":\"" + edu + "\"}", as), 409);
        HttpResponse<String> moved = send("PUT", "/api/identity/units/" + sub,
                "{\"name\":\"新名称\",\"parentId\":\"" + emg + "\"}", as);
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(json(moved).get("parentId").asString()).isEqualTo(emg);
        assertProblem(send("DELETE", "/api/identity/units/" + emg, null, as), 409);
        assertThat(send("DELETE", "/api/identity/units/" + sub, null, as).statusCode()).isEqualTo(204);
        assertProblem(send("DELETE", "/api/identity/units/" + emg, null, as), 409);
        assertThat(db.fetchExists(UNITS, UNITS.ID.eq(sub))).isFalse();
    }

    @Test
    void an_admin_cannot_disable_themself_or_drop_their_own_admin_role() {
        String as = basicOf(eduAdmin);

        assertProblem(send("PUT", "/api/identity/users/" + eduAdmin, "{\"enabled\":false}", as), 409);
        assertProblem(send("PUT", "/api/identity/users/" + eduAdmin, "{\"roles\":[\"MONITOR\"]}", as), 409);
        assertThat(send("GET", "/api/identity/users", null, as).statusCode()).as("still an admin").isEqualTo(200);
    }

    @Test
    void an_admin_sets_a_password_and_a_user_changes_their_own() {
        assertThat(send("POST", "/api/identity/users/" + eduMonitor + "/password",
                "{\"newPassword\":\"set-by-admin-1\"}", basicOf(eduAdmin)).statusCode()).isEqualTo(204);
        String self = basic(eduMonitor, "set-by-admin-1");

        assertProblem(send("POST", "/api/identity/me/password",
                "{\"currentPassword\":\"wrong-current\",\"newPassword\":\"mine-and-long-1\"}", self), 400);
        assertProblem(send("POST", "/api/identity/me/password",
                "{\"currentPassword\":\"set-by-admin-1\",\"newPassword\":\"short\"}", self), 400);
        assertThat(send("POST", "/api/identity/me/password",
                "{\"currentPassword\":\"set-by-admin-1\",\"newPassword\":\"mine-and-long-1\"}", self).statusCode())
                .isEqualTo(204);
        assertThat(gateway.send("GET", "/api/identity/me", "Authorization", self).statusCode()).isEqualTo(401);
        HttpResponse<String> me = gateway.send("GET", "/api/identity/me",
                "Authorization", basic(eduMonitor, "mine-and-long-1"));
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode body = json(me);
        assertThat(body.get("login").asString()).isEqualTo(eduMonitor);
        assertThat(body.get("unitScope").values()).extracting(JsonNode::asString).containsExactly(edu);
    }

    @Test
    void the_root_admin_changes_a_user_of_a_child_unit_and_units_outside_an_admins_scope_are_kept() {
        String both = newUser("both", List.of(edu, emg), List.of("MONITOR"));

        HttpResponse<String> changed = send("PUT", "/api/identity/users/" + both,
                "{\"name\":\"两边\",\"units\":[\"" + edu + "\"],\"roles\":[\"ANALYST\"]}", basicOf(eduAdmin));

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json(changed).get("units").values()).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder(edu, emg);
        assertThat(json(changed).get("roles").values()).extracting(JsonNode::asString).containsExactly("ANALYST");
        assertThat(json(send("GET", "/api/identity/users", null, basicOf(rootAdmin))).values())
                .extracting(node -> node.get("login").asString())
                .contains(rootAdmin, eduAdmin, eduMonitor, emgMonitor, both);
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization) {
        return body == null
                ? gateway.send(method, path, "Authorization", authorization)
                : gateway.send(method, path, HttpRequest.BodyPublishers.ofString(body),
                        "Content-Type", "application/json", "Authorization", authorization);
    }

    private static String unit(String id, String parentId) {
        return "{\"id\":\"" + id + "\",\"name\":\"单位\",\"parentId\":\"" + parentId + "\"}";
    }

    private static String newUser(String login, String unit) {
        return "{\"login\":\"" + login + "\",\"name\":\"新用户\",\"password\":\"first-password-1\","
                + "\"units\":[\"" + unit + "\"],\"roles\":[\"ANALYST\"]}";
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }
}
