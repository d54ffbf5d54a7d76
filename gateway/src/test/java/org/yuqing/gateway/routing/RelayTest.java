package org.yuqing.gateway.routing;

import java.net.http.HttpResponse;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.yuqing.gateway.GatewayIntegrationTest;
import org.yuqing.gateway.TestUsers;
import org.yuqing.security.YuqingClaims;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.gateway.GatewayClient.json;
import static org.yuqing.gateway.GatewayClient.relayedClaims;
import static org.yuqing.gateway.db.Tables.USERS;
import static org.yuqing.gateway.db.Tables.USER_ROLES;

class RelayTest extends GatewayIntegrationTest {

    @Test
    void a_basic_users_request_reaches_the_service_with_their_bearer_token_and_never_with_the_basic_password() {
        String login = newUser("he", List.of("district-education"), List.of("ANALYST"));

        JsonNode echo = json(gateway.send("GET", "/api/grading/plans", "Authorization", basicOf(login)));

        assertThat(echo.get("authorization").values()).singleElement()
                .satisfies(value -> assertThat(value.asString()).startsWith("Bearer ")
                        .doesNotContain(TestUsers.PASSWORD));
        JWTClaimsSet claims = relayedClaims(echo);
        assertThat(claims.getSubject()).isEqualTo(login);
        assertThat(claims.getClaim(YuqingClaims.UNITS)).isEqualTo(List.of("district-education"));
    }

    @Test
    void a_session_user_gets_a_token_on_the_console_and_on_the_api_alike() {
        String login = newUser("lu", List.of("district"), List.of("MONITOR"));
        String session = logIn(login, TestUsers.PASSWORD);

        JsonNode console = json(gateway.send("GET", "/incidents", "Cookie", "YUQING_SESSION=" + session));
        JsonNode api = json(gateway.send("GET", "/api/monitoring/incidents", "Cookie", "YUQING_SESSION=" + session));

        assertThat(console.get("backend").asString()).isEqualTo("console");
        assertThat(relayedClaims(console).getSubject()).isEqualTo(login);
        assertThat(relayedClaims(api).getSubject()).isEqualTo(login);
    }

    @Test
    void every_client_sent_yuqing_identity_header_is_stripped() {
        String login = newUser("ma", List.of("district"), List.of("MONITOR"));

        JsonNode echo = json(gateway.send("GET", "/api/casework/cases", "Authorization", basicOf(login),
                "X-Yuqing-User", "admin", "X-Yuqing-Units", "province", "X-Yuqing-Roles", "ADMIN",
                "X-Yuqing-Client-Address", "203.0.113.9"));

        assertThat(echo.get("user").isNull()).isTrue();
        // The services' audit says where a request came from: the address the gateway saw, never the client's claim.
        assertThat(echo.get("clientAddress").toString()).isEqualTo("[\"127.0.0.1\"]");
        assertThat(echo.get("units").isNull()).isTrue();
        assertThat(relayedClaims(echo).getSubject()).isEqualTo(login);
    }

    @Test
    void the_public_site_gets_no_authorization_whatever_the_client_sends() {
        String login = newUser("niu", List.of("district"), List.of("MONITOR"));

        JsonNode withBasic = json(gateway.send("GET", "/public/statements", "Authorization", basicOf(login)));
        JsonNode withBearer = json(gateway.send("GET", "/public/statements",
                "Authorization", "Bearer " + userToken(login)));

        assertThat(withBasic.get("authorization").isNull()).isTrue();
        assertThat(withBearer.get("authorization").isNull()).isTrue();
    }

    @Test
    void the_relayed_token_is_reused_until_the_user_changes_in_the_directory_and_then_minted_again() throws Exception {
        String login = newUser("gao", List.of("district-emergency"), List.of("MONITOR"));

        JWTClaimsSet first = relayedClaims(json(gateway.send("GET", "/api/monitoring/topics",
                "Authorization", basicOf(login))));
        JWTClaimsSet second = relayedClaims(json(gateway.send("GET", "/api/monitoring/topics",
                "Authorization", basicOf(login))));
        db.insertInto(USER_ROLES, USER_ROLES.LOGIN, USER_ROLES.ROLE).values(login, "LEADER").execute();
        JWTClaimsSet afterChange = relayedClaims(json(gateway.send("GET", "/api/monitoring/topics",
                "Authorization", basicOf(login))));

        assertThat(second.getJWTID()).as("cached").isEqualTo(first.getJWTID());
        assertThat(afterChange.getJWTID()).as("re-minted").isNotEqualTo(first.getJWTID());
        assertThat(afterChange.getStringListClaim(YuqingClaims.ROLES)).containsExactly("MONITOR", "LEADER");
    }

    @Test
    void a_disabled_users_session_is_logged_out_relays_nothing_and_their_password_no_longer_logs_in() {
        String login = newUser("xu", List.of("district"), List.of("MONITOR"));
        String session = logIn(login, TestUsers.PASSWORD);
        db.update(USERS).set(USERS.ENABLED, false).where(USERS.LOGIN.eq(login)).execute();
        int proxiedBefore = CONSOLE.requests();

        HttpResponse<String> console = gateway.send("GET", "/cases", "Cookie", "YUQING_SESSION=" + session);
        HttpResponse<String> basic = gateway.send("GET", "/api/casework/cases", "Authorization", basicOf(login));

        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
        assertThat(CONSOLE.requests()).as("nothing proxied for a disabled user").isEqualTo(proxiedBefore);
        assertThat(basic.statusCode()).isEqualTo(401);
    }
}
