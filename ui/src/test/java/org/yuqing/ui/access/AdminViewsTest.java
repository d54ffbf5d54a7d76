package org.yuqing.ui.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yuqing.security.Caller;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;
import org.yuqing.ui.i18n.ConsoleLocales;
import org.yuqing.ui.units.Unit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin pages driven in the JVM (Vaadin browserless tests) against the real Spring context of the console. The
 * signed-in user is a real {@link Caller}: a test token is resolved by the console's own security filter chain. The
 * gateway is a stand-in on loopback answering the identity and audit API as the contract says.
 */
@SpringBootTest(properties = "yuqing.console.gateway.url=http://127.0.0.1:9")
@ViewPackages(packages = "org.yuqing.ui")
class AdminViewsTest extends SpringBrowserlessTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ConcurrentLinkedQueue<String> RECEIVED = new ConcurrentLinkedQueue<>();
    private static final HttpServer GATEWAY = standInGateway();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
        registry.add("yuqing.console.gateway.url", () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort());
    }

    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter securityFilters;

    @BeforeEach
    void forget() {
        RECEIVED.clear();
        chinese();
    }

    /** As every new console session starts (LanguageSetup); the mock session here is made without it. */
    private static void chinese() {
        UI.getCurrent().setLocale(ConsoleLocales.CHINESE);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.stop(0);
    }

    @Test
    void a_non_administrator_gets_the_access_denied_view_on_every_admin_route_and_no_admin_menu_entries() {
        signIn(TestTokens.shared().user("mon").roles(Role.MONITOR, Role.ANALYST, Role.LEADER, Role.UNIT_HANDLER,
                Role.PUBLISHER).units("east"));

        for (String route : List.of("users", "units", "audit")) {
            UI.getCurrent().navigate(route);

            assertThat(getCurrentView()).as(route).isInstanceOf(AccessDeniedView.class);
            assertThat($(Grid.class).withId(route + "-grid").exists()).as(route).isFalse();
        }
        assertThat($(SideNavItem.class).withId("nav-cases").exists()).isTrue();
        assertThat($(SideNavItem.class).withId("nav-users").exists()).isFalse();
        assertThat($(SideNavItem.class).withId("nav-units").exists()).isFalse();
        assertThat($(SideNavItem.class).withId("nav-audit").exists()).isFalse();
        assertThat(RECEIVED).as("a refused user's views never call the admin API").isEmpty();
    }

    @Test
    void without_a_valid_token_the_admin_routes_are_refused_too() {
        UI.getCurrent().navigate("users");

        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void an_administrator_gets_the_menu_entries_and_the_users_with_chinese_role_names_and_unit_names() {
        signIn(TestTokens.shared().user("boss").roles(Role.ADMIN).units("city"));

        UI.getCurrent().navigate("users");

        assertThat($(SideNavItem.class).withId("nav-users").exists()).isTrue();
        assertThat($(SideNavItem.class).withId("nav-units").exists()).isTrue();
        assertThat($(SideNavItem.class).withId("nav-audit").exists()).isTrue();
        @SuppressWarnings("unchecked")
        Grid<Object> grid = $(Grid.class).id("users-grid");
        assertThat(test(grid).size()).isEqualTo(2);
        int login = test(grid).getColumnPosition("login");
        int units = test(grid).getColumnPosition("units");
        int roles = test(grid).getColumnPosition("roles");
        int enabled = test(grid).getColumnPosition("enabled");
        assertThat(test(grid).getCellText(0, login)).isEqualTo("zhang");
        assertThat(test(grid).getCellText(0, units)).isEqualTo("东区");
        assertThat(test(grid).getCellText(0, roles)).isEqualTo("研判员、领导");
        assertThat(test(grid).getCellText(0, enabled)).isEqualTo("已启用");
        assertThat(test(grid).getCellText(1, enabled)).isEqualTo("已停用");
    }

    @Test
    void an_administrator_creates_a_user_with_units_and_roles_and_a_refusal_is_shown_as_the_gateway_explains_it() {
        signIn(TestTokens.shared().user("boss").roles(Role.ADMIN).units("city"));
        UI.getCurrent().navigate("users");

        test($(Button.class).id("users-create")).click();
        test($(TextField.class).id("users-field-login")).setValue("zhao");
        test($(TextField.class).id("users-field-name")).setValue("赵敏");
        test($(PasswordField.class).id("users-field-password")).setValue("初始-Passw0rd");
        test($(MultiSelectComboBox.class).id("users-field-units")).selectItem("西区");
        test($(CheckboxGroup.class).id("users-field-roles")).selectItems("研判员", "发布员");
        test($(Button.class).id("users-create-dialog-save")).click();

        JsonNode created = JSON.readTree(lastBody("POST /api/identity/users"));
        assertThat(created.path("login").asString()).isEqualTo("zhao");
        assertThat(created.path("name").asString()).isEqualTo("赵敏");
        assertThat(created.path("password").asString()).isEqualTo("初始-Passw0rd");
        assertThat(created.path("units").values()).extracting(JsonNode::asString).containsExactly("west");
        assertThat(created.path("roles").values()).extracting(JsonNode::asString)
                .containsExactly("ANALYST", "PUBLISHER");

        test($(Button.class).id("users-create")).click();
        test($(TextField.class).id("users-field-login")).setValue("zhang");
        test($(TextField.class).id("users-field-name")).setValue("重名");
        test($(PasswordField.class).id("users-field-password")).setValue("x");
        test($(Button.class).id("users-create-dialog-save")).click();

        assertThat(test($(Notification.class).withId("error-notification").last()).getText()).isEqualTo("登录名 zhang 已存在");
    }

    @Test
    void the_units_page_shows_the_tree_and_deleting_a_unit_that_is_not_empty_shows_why_not() {
        signIn(TestTokens.shared().user("boss").roles(Role.ADMIN).units("city"));

        UI.getCurrent().navigate("units");

        @SuppressWarnings("unchecked")
        TreeGrid<Object> grid = $(TreeGrid.class).id("units-grid");
        assertThat(test(grid).size()).isEqualTo(3);
        assertThat(List.of(0, 1, 2)).extracting(row -> ((Unit) test(grid).getRow(row)).label())
                .containsExactly("市委网信办", "东区", "西区");
        assertThat(test(grid).getCellText(1, test(grid).getColumnPosition("parent"))).isEqualTo("市委网信办");

        test(grid).select(1);
        test($(Button.class).id("units-delete")).click();
        test($(ConfirmDialog.class).id("units-delete-dialog")).confirm();

        assertThat(RECEIVED).contains("DELETE /api/identity/units/east ");
        assertThat(test($(Notification.class).withId("error-notification").last()).getText())
                .isEqualTo("单位“东区”下仍有用户，不能删除");
    }

    @Test
    void the_audit_page_merges_every_source_newest_first_names_a_source_it_cannot_read_and_filters_by_actor() {
        signIn(TestTokens.shared().user("boss").roles(Role.ADMIN).units("city"));

        UI.getCurrent().navigate("audit");

        @SuppressWarnings("unchecked")
        Grid<Object> grid = $(Grid.class).id("audit-grid");
        int source = test(grid).getColumnPosition("source");
        int actor = test(grid).getColumnPosition("actor");
        int action = test(grid).getColumnPosition("action");
        assertThat(test(grid).size()).isEqualTo(4);
        assertThat(List.of(0, 1, 2, 3)).extracting(row -> test(grid).getCellText(row, source))
                .containsExactly("发布", "处置", "身份认证", "研判");
        assertThat(test(grid).getCellText(0, action)).isEqualTo("发布");
        assertThat(test(grid).getCellText(2, action)).isEqualTo("拒绝访问");
        assertThat(test($(Notification.class).withId("error-notification").last()).getText()).contains("监测");

        test($(TextField.class).id("audit-actor-filter")).setValue("WANG");

        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, actor)).isEqualTo("wang");
    }

    /** Resolves the token through the console's own security filters and makes its caller the current user. */
    private void signIn(TestTokens.Token token) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.addHeader("Authorization", token.bearer());
        AtomicReference<Authentication> resolved = new AtomicReference<>();
        try {
            securityFilters.doFilter(request, new MockHttpServletResponse(),
                    (req, res) -> resolved.set(SecurityContextHolder.getContext().getAuthentication()));
        } catch (IOException | jakarta.servlet.ServletException e) {
            throw new IllegalStateException(e);
        }
        assertThat(resolved.get()).as("the token was accepted").isNotNull();
        // A new page load: the frame is built for the user who now calls.
        cleanVaadinEnvironment();
        SecurityContextHolder.setContext(new SecurityContextImpl(resolved.get()));
        initVaadinEnvironment();
        chinese();
        RECEIVED.clear();
        assertThat(Caller.current().login()).isNotEqualTo(Caller.SYSTEM.login());
    }

    private static String lastBody(String request) {
        return RECEIVED.stream().filter(r -> r.startsWith(request + " ")).reduce((a, b) -> b)
                .map(r -> r.substring(request.length() + 1)).orElseThrow();
    }

    // --- the stand-in gateway ---

    private static HttpServer standInGateway() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", AdminViewsTest::answer);
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        RECEIVED.add(method + " " + path + " " + body);
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        switch (method + " " + path) {
            case "GET /api/casework/cases" -> send(exchange, 200, "[]");
            case "GET /api/identity/units" -> send(exchange, 200, """
                    [{"id":"west","name":"西区","parentId":"city"},{"id":"city","name":"市委网信办","parentId":null},
                     {"id":"east","name":"东区","parentId":"city"}]""");
            case "GET /api/identity/users" -> send(exchange, 200, """
                    [{"login":"zhang","name":"张伟","units":["east"],"roles":["LEADER","ANALYST"],"enabled":true},
                     {"login":"old","name":"老用户","units":["gone"],"roles":[],"enabled":false}]""");
            case "POST /api/identity/users" -> {
                if (body.contains("\"zhang\"")) {
                    send(exchange, 409, "{\"status\":409,\"title\":\"Conflict\",\"detail\":\"登录名 zhang 已存在\"}");
                } else {
                    send(exchange, 201, body);
                }
            }
            case "DELETE /api/identity/units/east" -> send(exchange, 409,
                    "{\"status\":409,\"title\":\"Conflict\",\"detail\":\"单位“东区”下仍有用户，不能删除\"}");
            case "GET /api/identity/audit" -> sendAudit(exchange, query, """
                    [{"id":1,"occurredAt":"2026-11-21T08:00:10Z","actor":"anonymous","actorUnits":"",
                      "action":"DENIED","target":"POST /login","outcome":"DENIED","clientAddress":"10.0.0.9",
                      "detail":"bad password"}]""");
            case "GET /api/monitoring/audit" -> send(exchange, 503, "{\"status\":503}");
            case "GET /api/grading/audit" -> sendAudit(exchange, query, """
                    [{"id":4,"occurredAt":"2026-11-21T08:00:05Z","actor":"li","actorUnits":"east",
                      "action":"OVERRIDE","target":"incident 7","outcome":"DONE","clientAddress":null,"detail":null}]""");
            case "GET /api/casework/audit" -> sendAudit(exchange, query, """
                    [{"id":2,"occurredAt":"2026-11-21T08:00:20Z","actor":"zhou","actorUnits":"east",
                      "action":"CONFIG_CHANGE","target":"chain 1","outcome":"DONE","clientAddress":null,"detail":null}]""");
            case "GET /api/publishing/audit" -> sendAudit(exchange, query, """
                    [{"id":9,"occurredAt":"2026-11-21T08:00:30Z","actor":"wang","actorUnits":"east",
                      "action":"RELEASE","target":"statement 3","outcome":"DONE","clientAddress":null,"detail":null}]""");
            default -> send(exchange, 404, "{\"status\":404,\"detail\":\"no such path in the stand-in\"}");
        }
    }

    /** Audit lines after the {@code after} query parameter, as the services answer. */
    private static void sendAudit(HttpExchange exchange, Map<String, String> query, String lines) throws IOException {
        long after = Long.parseLong(query.getOrDefault("after", "0"));
        List<JsonNode> newer = JSON.readTree(lines).values().stream()
                .filter(line -> line.path("id").asLong() > after).toList();
        send(exchange, 200, JSON.writeValueAsString(newer));
    }

    private static Map<String, String> query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(raw.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p.length > 1
                        ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : ""));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json"
                : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
