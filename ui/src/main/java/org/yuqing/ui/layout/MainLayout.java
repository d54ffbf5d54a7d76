package org.yuqing.ui.layout;

import java.util.Comparator;
import java.util.Objects;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.beans.factory.ObjectProvider;
import org.yuqing.ui.gateway.CurrentIdentity;
import org.yuqing.ui.i18n.ConsoleLocales;

/**
 * The frame of the console: product name 舆情应急处置平台, the navigation the features contribute ({@link NavEntry};
 * administrators also get 单位管理, 用户管理, 审计日志), the user named by the request's token, what features add to the header ({@link HeaderItem},
 * e.g. 我的账号), the language switch (kept in the session) and logout (the gateway's {@code /logout}).
 */
public class MainLayout extends AppLayout {

    /**
     * Builds the frame in the session's language.
     *
     * @param headerItems what features add to the header, in their beans' order
     * @param navEntries  what features add to the side navigation ({@link NavEntry#order()} decides the order)
     */
    public MainLayout(ObjectProvider<HeaderItem> headerItems, ObjectProvider<NavEntry> navEntries) {
        Span product = new Span(getTranslation("app.name"));
        product.setId("product-name");
        product.getStyle().set("font-size", "1.125rem").set("font-weight", "600");
        Span brand = new Span("Yuqing");
        brand.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "0.875rem");

        Span user = new Span(CurrentIdentity.name()
                .map(name -> getTranslation("layout.user", name))
                .orElse(getTranslation("layout.userUnknown")));
        user.setId("current-user");
        CurrentIdentity.login().ifPresent(login -> user.getElement().setAttribute("data-login", login));
        String units = String.join(", ", CurrentIdentity.units());
        if (!units.isEmpty()) {
            user.setTitle(getTranslation("layout.units", units));
        }

        Button language = new Button(getTranslation("layout.switchLanguage"), click -> switchLanguage());
        language.setId("language-switch");
        language.addThemeVariants(ButtonVariant.TERTIARY);

        Anchor logout = new Anchor("/logout", getTranslation("layout.logout"));
        logout.setId("logout-link");
        // A plain link: the gateway, not the console's router, handles /logout.
        logout.setRouterIgnore(true);

        HorizontalLayout bar = new HorizontalLayout(product, brand, user);
        headerItems.orderedStream().map(HeaderItem::create).filter(Objects::nonNull).forEach(bar::add);
        bar.add(language, logout);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setWidthFull();
        bar.expand(brand);
        bar.getStyle().set("padding-inline-end", "1rem");
        addToNavbar(new DrawerToggle(), bar);

        SideNav nav = new SideNav();
        // Features contribute their entries as beans: the views name this layout, so it must not name them back.
        boolean admin = CurrentIdentity.isAdmin();
        navEntries.orderedStream()
                .filter(entry -> admin || !entry.adminOnly())
                .sorted(Comparator.comparingInt(NavEntry::order))
                .map(this::item)
                .forEach(nav::addItem);
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }

    private SideNavItem item(NavEntry entry) {
        SideNavItem item = new SideNavItem(getTranslation(entry.labelKey()), entry.path());
        item.setId(entry.id());
        // The entry stays highlighted on the pages below it, e.g. statements/<id> under statements.
        item.setMatchNested(true);
        if (!entry.aliases().isEmpty()) {
            item.setPathAliases(entry.aliases());
        }
        return item;
    }

    private void switchLanguage() {
        VaadinSession session = VaadinSession.getCurrent();
        session.setLocale(ConsoleLocales.other(session.getLocale()));
        // Every text is built in constructors: a reload rebuilds the page in the new language.
        UI.getCurrent().getPage().reload();
    }
}
