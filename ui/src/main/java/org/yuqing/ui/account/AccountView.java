package org.yuqing.ui.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import org.yuqing.security.Caller;
import org.yuqing.security.Role;
import org.yuqing.ui.gateway.CurrentIdentity;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.i18n.ConsoleLocales;
import org.yuqing.ui.layout.ConsoleNotifications;
import org.yuqing.ui.layout.MainLayout;
import org.yuqing.ui.units.UnitClient;
import org.yuqing.ui.users.RoleNames;

/**
 * 我的账号: the logged-in user's login, name, units (by name) and roles (by their Chinese names in Chinese), as the
 * gateway's {@code /api/identity/me} says, and the button 修改密码 ({@code account-change-password}). When the
 * gateway cannot answer, the page shows what the user's token says and names the problem; unit names the directory
 * cannot give are shown as ids.
 */
@Route(value = "account", layout = MainLayout.class)
public class AccountView extends VerticalLayout implements HasDynamicTitle {

    private final AccountClient client;
    private final UnitClient units;

    AccountView(AccountClient client, UnitClient units) {
        this.client = client;
        this.units = units;
        setId("account-view");

        Button change = new Button(getTranslation("account.menu.password"), click -> PasswordForm.dialog(client).open());
        change.setId("account-change-password");
        change.addThemeVariants(ButtonVariant.PRIMARY);

        FormLayout details = new FormLayout();
        details.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        details.setMaxWidth("40em");
        Optional<AccountClient.Me> me = me();
        me.ifPresent(account -> {
            details.addFormItem(value("account-login", account.login()), getTranslation("account.login"));
            details.addFormItem(value("account-name", account.name()), getTranslation("account.name"));
            details.addFormItem(value("account-units", unitNames(account.units())), getTranslation("account.units"));
            details.addFormItem(value("account-roles", RoleNames.render(account.roles(), getLocale())),
                    getTranslation("account.roles"));
        });
        if (me.isEmpty()) {
            details.add(value("account-unknown", getTranslation("layout.userUnknown")));
        }
        add(new H2(getTranslation("account.heading")), details, change);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.heading") + " · " + getTranslation("app.name");
    }

    /** The gateway's answer, else the token's claims (with the problem shown), else nothing. */
    private Optional<AccountClient.Me> me() {
        try {
            return Optional.of(client.me());
        } catch (GatewayCallException e) {
            ConsoleNotifications.error(getTranslation("account.unavailable", e.userMessage(this::getTranslation)));
            return CurrentIdentity.caller().map(AccountView::fromToken);
        }
    }

    private static AccountClient.Me fromToken(Caller caller) {
        return new AccountClient.Me(caller.login(), caller.name(),
                caller.roles().stream().sorted().map(Role::name).toList(),
                caller.units().stream().sorted().toList(), caller.unitScope().stream().sorted().toList());
    }

    private String unitNames(List<String> ids) {
        Map<String, String> names = new LinkedHashMap<>();
        try {
            units.units().forEach(unit -> names.putIfAbsent(unit.id(), unit.label()));
        } catch (GatewayCallException e) {
            // The ids still say which units they are; the page stays useful without names.
        }
        boolean chinese = ConsoleLocales.closest(getLocale()).equals(ConsoleLocales.CHINESE);
        return ids.stream().map(id -> names.getOrDefault(id, id)).collect(Collectors.joining(chinese ? "、" : ", "));
    }

    private static Span value(String id, String text) {
        Span value = new Span(text == null || text.isBlank() ? "—" : text);
        value.setId(id);
        return value;
    }
}
