package org.yuqing.ui.users;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import org.yuqing.security.Role;
import org.yuqing.ui.access.AdminOnly;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.layout.ConsoleNotifications;
import org.yuqing.ui.layout.FormDialog;
import org.yuqing.ui.layout.MainLayout;
import org.yuqing.ui.units.Unit;
import org.yuqing.ui.units.UnitClient;

/**
 * 用户管理: the people who may log in, with their units, roles (角色) and whether they are enabled. Administrators
 * create users with an initial password, change their name, units and roles, enable or disable them, and reset
 * passwords. A refusal of the directory (e.g. a login already taken) is shown as the directory explains it.
 */
@Route(value = "users", layout = MainLayout.class)
@AdminOnly
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final UserClient users;
    private final UnitClient units;
    private final Grid<UserAccount> grid = new Grid<>(UserAccount.class, false);
    private final Span status = new Span();
    private final Button edit = new Button();
    private final Button toggle = new Button();
    private final Button resetPassword = new Button();
    private Map<String, Unit> unitsById = Map.of();

    UsersView(UserClient users, UnitClient units) {
        this.users = users;
        this.units = units;
        setId("users-view");
        setSizeFull();

        Button create = new Button(getTranslation("users.create"), click -> openCreate());
        create.setId("users-create");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        edit.setText(getTranslation("users.edit"));
        edit.setId("users-edit");
        edit.addClickListener(click -> selected().ifPresent(this::openEdit));
        toggle.setText(getTranslation("users.disable"));
        toggle.setId("users-toggle");
        toggle.addClickListener(click -> selected().ifPresent(this::toggleEnabled));
        resetPassword.setText(getTranslation("users.resetPassword"));
        resetPassword.setId("users-reset-password");
        resetPassword.addClickListener(click -> selected().ifPresent(this::openResetPassword));
        Button refresh = new Button(getTranslation("users.refresh"), click -> refresh());
        refresh.setId("users-refresh");
        status.setId("users-status");

        HorizontalLayout toolbar = new HorizontalLayout(new H2(getTranslation("users.heading")), status, create, edit,
                toggle, resetPassword, refresh);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(status);

        grid.setId("users-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(UserAccount::login).setKey("login").setHeader(getTranslation("users.column.login"))
                .setAutoWidth(true);
        grid.addColumn(UserAccount::name).setKey("name").setHeader(getTranslation("users.column.name"))
                .setAutoWidth(true);
        grid.addColumn(user -> unitNames(user.units())).setKey("units")
                .setHeader(getTranslation("users.column.units")).setFlexGrow(2);
        grid.addColumn(user -> RoleNames.render(user.roles(), getLocale())).setKey("roles")
                .setHeader(getTranslation("users.column.roles")).setFlexGrow(2);
        grid.addColumn(user -> getTranslation(user.enabled() ? "users.enabled.yes" : "users.enabled.no"))
                .setKey("enabled").setHeader(getTranslation("users.column.enabled")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("users.empty"));
        grid.addSelectionListener(selection -> updateButtons());
        grid.setSizeFull();

        add(toolbar, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.heading") + " · " + getTranslation("app.name");
    }

    private Optional<UserAccount> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    private void updateButtons() {
        Optional<UserAccount> user = selected();
        edit.setEnabled(user.isPresent());
        toggle.setEnabled(user.isPresent());
        resetPassword.setEnabled(user.isPresent());
        toggle.setText(getTranslation(user.map(UserAccount::enabled).orElse(true) ? "users.disable" : "users.enable"));
    }

    private void refresh() {
        try {
            // Units first: without them the grid would show bare ids.
            Map<String, Unit> byId = new LinkedHashMap<>();
            units.units().forEach(unit -> byId.putIfAbsent(unit.id(), unit));
            unitsById = byId;
            List<UserAccount> accounts = users.users();
            grid.setItems(accounts);
            grid.setEmptyStateText(getTranslation("users.empty"));
            status.setText(getTranslation("users.status", accounts.size()));
        } catch (GatewayCallException e) {
            grid.setItems(List.of());
            String message = e.userMessage(this::getTranslation);
            grid.setEmptyStateText(getTranslation("users.unavailable", message));
            status.setText("");
            ConsoleNotifications.error(message);
        }
        updateButtons();
    }

    private String unitNames(List<String> ids) {
        return ids.stream().map(id -> Optional.ofNullable(unitsById.get(id)).map(Unit::label).orElse(id))
                .collect(Collectors.joining(", "));
    }

    /** Runs a change; on success refreshes and confirms, on refusal shows the directory's explanation. */
    private boolean change(Runnable call, String doneKey, Object... params) {
        try {
            call.run();
        } catch (GatewayCallException e) {
            ConsoleNotifications.error(e.userMessage(this::getTranslation));
            return false;
        }
        refresh();
        ConsoleNotifications.success(getTranslation(doneKey, params));
        return true;
    }

    private MultiSelectComboBox<Unit> unitPicker(Collection<String> chosen) {
        MultiSelectComboBox<Unit> picker = new MultiSelectComboBox<>(getTranslation("users.field.units"));
        picker.setId("users-field-units");
        List<Unit> items = new ArrayList<>(unitsById.values());
        // A unit the directory no longer lists stays selectable, so saving does not silently drop it.
        chosen.stream().filter(id -> !unitsById.containsKey(id)).forEach(id -> items.add(new Unit(id, null, null)));
        picker.setItems(items);
        picker.setItemLabelGenerator(Unit::label);
        picker.setValue(items.stream().filter(u -> chosen.contains(u.id())).collect(Collectors.toSet()));
        picker.setWidthFull();
        return picker;
    }

    private CheckboxGroup<Role> rolePicker(Collection<Role> chosen) {
        CheckboxGroup<Role> picker = new CheckboxGroup<>(getTranslation("users.field.roles"));
        picker.setId("users-field-roles");
        picker.setItems(RoleNames.assignable());
        picker.setItemLabelGenerator(role -> RoleNames.label(role, getLocale()));
        picker.setValue(Set.copyOf(chosen));
        return picker;
    }

    private static List<String> unitIds(Set<Unit> chosen) {
        return chosen.stream().map(Unit::id).sorted().toList();
    }

    private void openCreate() {
        TextField login = new TextField(getTranslation("users.field.login"));
        login.setId("users-field-login");
        login.setRequired(true);
        TextField name = new TextField(getTranslation("users.field.name"));
        name.setId("users-field-name");
        name.setRequired(true);
        PasswordField password = new PasswordField(getTranslation("users.field.password"));
        password.setId("users-field-password");
        password.setRequired(true);
        MultiSelectComboBox<Unit> unitPicker = unitPicker(List.of());
        CheckboxGroup<Role> rolePicker = rolePicker(List.of());
        FormLayout form = new FormLayout(login, name, password, unitPicker, rolePicker);
        form.setColspan(rolePicker, 2);
        form.setColspan(unitPicker, 2);
        new FormDialog("users-create-dialog", getTranslation("users.create"), form, () -> {
            String newLogin = login.getValue().strip();
            if (newLogin.isEmpty() || name.getValue().isBlank() || password.getValue().isEmpty()) {
                ConsoleNotifications.error(getTranslation("users.required"));
                return false;
            }
            return change(() -> users.create(new UserClient.NewUser(newLogin, name.getValue().strip(),
                            password.getValue(), unitIds(unitPicker.getValue()),
                            RoleNames.wire(rolePicker.getValue()))),
                    "users.created", newLogin);
        }).open();
    }

    private void openEdit(UserAccount user) {
        TextField login = new TextField(getTranslation("users.field.login"));
        login.setValue(user.login());
        login.setReadOnly(true);
        TextField name = new TextField(getTranslation("users.field.name"));
        name.setId("users-field-name");
        name.setRequired(true);
        name.setValue(user.name() == null ? "" : user.name());
        MultiSelectComboBox<Unit> unitPicker = unitPicker(user.units());
        CheckboxGroup<Role> rolePicker = rolePicker(RoleNames.known(user.roles()));
        Checkbox enabled = new Checkbox(getTranslation("users.field.enabled"), user.enabled());
        enabled.setId("users-field-enabled");
        FormLayout form = new FormLayout(login, name, unitPicker, rolePicker, enabled);
        form.setColspan(rolePicker, 2);
        form.setColspan(unitPicker, 2);
        new FormDialog("users-edit-dialog", getTranslation("users.editTitle", user.login()), form, () -> {
            if (name.getValue().isBlank()) {
                ConsoleNotifications.error(getTranslation("users.required"));
                return false;
            }
            return change(() -> users.update(user.login(), new UserClient.Change(name.getValue().strip(),
                            unitIds(unitPicker.getValue()), rolesKeepingUnknown(user, rolePicker.getValue()),
                            enabled.getValue())),
                    "users.updated", user.login());
        }).open();
    }

    private void toggleEnabled(UserAccount user) {
        boolean enable = !user.enabled();
        change(() -> users.update(user.login(), new UserClient.Change(user.name(), user.units(), user.roles(), enable)),
                enable ? "users.enabledDone" : "users.disabledDone", user.login());
    }

    private void openResetPassword(UserAccount user) {
        PasswordField password = new PasswordField(getTranslation("users.field.newPassword"));
        password.setId("users-field-new-password");
        password.setRequired(true);
        new FormDialog("users-password-dialog", getTranslation("users.resetPasswordTitle", user.login()),
                new FormLayout(password), () -> {
            if (password.getValue().isEmpty()) {
                ConsoleNotifications.error(getTranslation("users.required"));
                return false;
            }
            return change(() -> users.resetPassword(user.login(), password.getValue()), "users.passwordReset",
                    user.login());
        }).open();
    }

    /** The chosen roles, plus any role the dialog has no checkbox for (unknown names, SERVICE): those stay. */
    private static List<String> rolesKeepingUnknown(UserAccount user, Set<Role> chosen) {
        Set<String> roles = new LinkedHashSet<>(RoleNames.wire(chosen));
        Set<Role> offered = RoleNames.assignable();
        user.roles().stream().filter(name -> Role.parse(name).filter(offered::contains).isEmpty())
                .forEach(roles::add);
        return List.copyOf(roles);
    }
}
