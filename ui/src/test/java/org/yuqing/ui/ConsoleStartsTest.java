package org.yuqing.ui;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console starts as a Spring Boot app and serves its Vaadin bootstrap page for the routes to a request carrying
 * a valid token, with no gateway present (views then show their error state).
 */
class ConsoleStartsTest extends ConsoleHttpTestSupport {

    @Test
    void the_cases_search_account_and_admin_routes_serve_the_console_page() throws Exception {
        String bearer = TestTokens.shared().user("starter").roles(Role.MONITOR).units("district").bearer();
        for (String path : new String[] {"/", "/cases", "/search", "/users", "/units", "/audit", "/account"}) {
            HttpResponse<String> page = call("GET", path, bearer);

            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body()).as(path).contains("<div id=\"outlet\">");
        }
    }
}
