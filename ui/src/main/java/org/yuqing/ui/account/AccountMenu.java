package org.yuqing.ui.account;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import org.yuqing.ui.gateway.CurrentIdentity;
import org.yuqing.ui.layout.HeaderItem;

/**
 * 我的账号 in the header (id {@code account-menu}) for a logged-in user: 账号信息 ({@code account-menu-details},
 * opens {@link AccountView}) and 修改密码 ({@code account-menu-password}, opens the password dialog on the page the
 * user is on).
 */
@org.springframework.stereotype.Component
class AccountMenu implements HeaderItem {

    private final AccountClient client;

    AccountMenu(AccountClient client) {
        this.client = client;
    }

    @Override
    public Component create() {
        if (CurrentIdentity.caller().isEmpty()) {
            return null;
        }
        MenuBar menu = new MenuBar();
        menu.setId("account-menu");
        menu.addThemeVariants(MenuBarVariant.TERTIARY);
        MenuItem account = menu.addItem(menu.getTranslation("account.menu"));
        account.setId("account-menu-root");
        SubMenu items = account.getSubMenu();
        MenuItem details = items.addItem(menu.getTranslation("account.menu.details"),
                click -> UI.getCurrent().navigate(AccountView.class));
        details.setId("account-menu-details");
        MenuItem password = items.addItem(menu.getTranslation("account.menu.password"),
                click -> PasswordForm.dialog(client).open());
        password.setId("account-menu-password");
        return menu;
    }
}
