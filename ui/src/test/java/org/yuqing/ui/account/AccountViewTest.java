package org.yuqing.ui.account;

import java.util.List;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarTester;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.PasswordField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;
import org.yuqing.ui.ConsoleViewTestSupport;
import org.yuqing.ui.StandInGateway;
import org.yuqing.ui.StandInGateway.Answer;
import org.yuqing.ui.cases.CasesView;
import org.yuqing.ui.i18n.ConsoleLocales;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 我的账号 and 修改密码, driven in the JVM against the real console context; the gateway is a stand-in on loopback
 * answering {@code /api/identity/me}, {@code /api/identity/units} and {@code POST /api/identity/me/password} as the
 * gateway's contract says (204 for the right current password, else a 400 problem with the gateway's detail).
 */
@ViewPackages(packages = "org.yuqing.ui")
class AccountViewTest extends ConsoleViewTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CURRENT = "旧密码-current-1";
    private static volatile boolean identityDown;
    private static final StandInGateway GATEWAY = StandInGateway.start(call -> switch (call.request()) {
        case "GET /api/identity/me" -> identityDown ? new Answer(503, "{\"status\":503}") : Answer.ok("""
                {"login":"zhang","name":"张伟","roles":["LEADER","ANALYST"],"units":["east","lab"],
                 "unitScope":["east","east-1","lab"]}""");
        case "GET /api/identity/units" -> identityDown ? new Answer(503, "{\"status\":503}") : Answer.ok("""
                [{"id":"city","name":"市委网信办","parentId":null},{"id":"east","name":"东区","parentId":"city"}]""");
        case "GET /api/casework/cases" -> Answer.ok("[]");
        case "POST /api/identity/me/password" -> JSON.readTree(call.body()).path("currentPassword").asString()
                .equals(CURRENT)
                ? new Answer(204, "")
                : new Answer(400, "{\"status\":400,\"title\":\"Bad Request\",\"detail\":\"当前密码不正确。\"}");
        default -> new Answer(404, "{\"status\":404,\"detail\":\"no such path in the stand-in\"}");
    });

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
        registry.add("yuqing.console.gateway.url", GATEWAY::url);
    }

    @BeforeEach
    void gatewayUp() {
        identityDown = false;
        GATEWAY.forget();
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.stop();
    }

    @Test
    void the_header_menu_opens_my_account_with_login_name_unit_names_and_chinese_role_names() {
        signIn(TestTokens.shared().user("zhang").roles(Role.LEADER, Role.ANALYST).units("east"));

        menu().clickItem(0, 0);

        assertThat(getCurrentView()).isInstanceOf(AccountView.class);
        assertThat(text("account-login")).isEqualTo("zhang");
        assertThat(text("account-name")).isEqualTo("张伟");
        assertThat(text("account-units")).as("names where the directory has them, else the id").isEqualTo("东区、lab");
        assertThat(text("account-roles")).isEqualTo("研判员、领导");
        assertThat(GATEWAY.requests()).contains("GET /api/identity/me");
    }

    @Test
    void in_english_the_account_shows_english_role_names() {
        signIn(TestTokens.shared().user("zhang").roles(Role.LEADER).units("east"));
        UI.getCurrent().setLocale(ConsoleLocales.ENGLISH);

        UI.getCurrent().navigate(AccountView.class);

        assertThat(text("account-roles")).isEqualTo("Analyst, Leader");
        assertThat(text("account-units")).isEqualTo("东区, lab");
    }

    @Test
    void when_the_gateway_cannot_answer_the_page_shows_the_token_and_says_so() {
        identityDown = true;
        signIn(TestTokens.shared().user("li-token").roles(Role.PUBLISHER).units("west"));

        UI.getCurrent().navigate(AccountView.class);

        assertThat(text("account-login")).isEqualTo("li-token");
        assertThat(text("account-units")).isEqualTo("west");
        assertThat(text("account-roles")).isEqualTo("发布员");
        assertThat(test($(Notification.class).withId("error-notification").last()).getText())
                .startsWith("无法从网关读取账号信息").contains("后台服务暂时不可用");
    }

    @Test
    void the_password_dialog_opens_from_the_header_on_any_page_and_checks_the_entries_before_sending() {
        signIn(TestTokens.shared().user("zhang").roles(Role.MONITOR).units("east"));
        UI.getCurrent().navigate(CasesView.class);

        menu().clickItem(0, 1);
        assertThat(dialogOpen()).isTrue();

        type(CURRENT, "123456789", "123456789");
        save();
        assertThat(errorOf("password-new")).isEqualTo("新密码至少需要 10 个字符。");

        type(CURRENT, "十个汉字的新密码够长了", "十个汉字的新密码够长啦");
        save();
        assertThat(errorOf("password-new")).as("ten Chinese characters are long enough").isNull();
        assertThat(errorOf("password-repeat")).isEqualTo("两次输入的新密码不一致。");

        type("", "long-enough-new-1", "long-enough-new-1");
        save();
        assertThat(errorOf("password-current")).isEqualTo("请输入当前密码。");

        assertThat(dialogOpen()).as("a refused entry keeps the dialog open").isTrue();
        assertThat(GATEWAY.requests()).as("nothing is sent before the entries pass").doesNotContain(
                "POST /api/identity/me/password");
    }

    @Test
    void a_wrong_current_password_shows_the_gateway_s_explanation_and_keeps_the_dialog_open() {
        signIn(TestTokens.shared().user("zhang").roles(Role.MONITOR).units("east"));
        UI.getCurrent().navigate(AccountView.class);
        test($(Button.class).id("account-change-password")).click();

        type("not-the-current", "long-enough-new-1", "long-enough-new-1");
        save();

        assertThat(test($(Notification.class).withId("error-notification").last()).getText())
                .isEqualTo("当前密码不正确。");
        assertThat(dialogOpen()).isTrue();
        assertThat($(PasswordField.class).id("password-new").getValue()).isEqualTo("long-enough-new-1");
    }

    @Test
    void the_right_current_password_changes_it_confirms_and_closes_the_dialog() {
        signIn(TestTokens.shared().user("zhang").roles(Role.MONITOR).units("east"));
        UI.getCurrent().navigate(AccountView.class);
        test($(Button.class).id("account-change-password")).click();

        type(CURRENT, "我的-新密码-long-1", "我的-新密码-long-1");
        save();

        List<StandInGateway.Call> sent = GATEWAY.calls().stream()
                .filter(call -> call.request().equals("POST /api/identity/me/password")).toList();
        assertThat(sent).hasSize(1);
        JsonNode body = JSON.readTree(sent.getFirst().body());
        assertThat(body.path("currentPassword").asString()).isEqualTo(CURRENT);
        assertThat(body.path("newPassword").asString()).isEqualTo("我的-新密码-long-1");
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("currentPassword", "newPassword");
        assertThat(test($(Notification.class).withId("success-notification").last()).getText())
                .isEqualTo("密码已修改，请使用新密码重新登录。");
        assertThat(dialogOpen()).isFalse();
    }

    @Test
    void without_a_logged_in_user_the_header_has_no_account_menu() {
        UI.getCurrent().navigate(CasesView.class);

        assertThat($(MenuBar.class).withId("account-menu").exists()).isFalse();
    }

    /** By position: the frame of the first page was built before the test chose Chinese. Items: 账号信息, 修改密码. */
    private MenuBarTester<MenuBar> menu() {
        return new MenuBarTester<>($(MenuBar.class).id("account-menu"));
    }

    private String text(String id) {
        return $(Span.class).id(id).getText();
    }

    private void type(String current, String newPassword, String repeat) {
        test($(PasswordField.class).id("password-current")).setValue(current);
        test($(PasswordField.class).id("password-new")).setValue(newPassword);
        test($(PasswordField.class).id("password-repeat")).setValue(repeat);
    }

    private void save() {
        test($(Button.class).id("password-dialog-save")).click();
    }

    /** The field's error message while it is marked invalid, else {@code null}. */
    private String errorOf(String id) {
        PasswordField field = $(PasswordField.class).id(id);
        return field.isInvalid() ? field.getErrorMessage() : null;
    }

    private boolean dialogOpen() {
        return $(Dialog.class).withId("password-dialog").all().stream().anyMatch(Dialog::isOpened);
    }
}
