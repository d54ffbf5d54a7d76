package org.yuqing.ui.units;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import org.yuqing.ui.access.AdminOnly;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.layout.ConsoleNotifications;
import org.yuqing.ui.layout.FormDialog;
import org.yuqing.ui.layout.MainLayout;

/**
 * 单位管理: the unit tree of the gateway's directory. Administrators add a unit (below the selected one, or at the
 * top), rename it, move it below another unit, or delete it (the directory refuses a unit that still has users or
 * units below it; its explanation is shown).
 */
@Route(value = "units", layout = MainLayout.class)
@AdminOnly
public class UnitsView extends VerticalLayout implements HasDynamicTitle {

    private static final int EXPAND_DEPTH = 16;

    private final UnitClient client;
    private final TreeGrid<Unit> grid = new TreeGrid<>();
    private final Span status = new Span();
    private final Button rename = new Button();
    private final Button move = new Button();
    private final Button delete = new Button();
    private UnitTree tree = UnitTree.of(List.of());

    UnitsView(UnitClient client) {
        this.client = client;
        setId("units-view");
        setSizeFull();

        Button add = new Button(getTranslation("units.add"), click -> openAdd());
        add.setId("units-add");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        rename.setText(getTranslation("units.rename"));
        rename.setId("units-rename");
        rename.addClickListener(click -> selected().ifPresent(this::openRename));
        move.setText(getTranslation("units.move"));
        move.setId("units-move");
        move.addClickListener(click -> selected().ifPresent(this::openMove));
        delete.setText(getTranslation("units.delete"));
        delete.setId("units-delete");
        delete.addThemeVariants(ButtonVariant.ERROR);
        delete.addClickListener(click -> selected().ifPresent(this::confirmDelete));
        Button refresh = new Button(getTranslation("units.refresh"), click -> refresh());
        refresh.setId("units-refresh");
        status.setId("units-status");

        HorizontalLayout toolbar = new HorizontalLayout(new H2(getTranslation("units.heading")), status, add, rename,
                move, delete, refresh);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(status);

        grid.setId("units-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.addHierarchyColumn(Unit::label).setKey("name").setHeader(getTranslation("units.column.name"))
                .setFlexGrow(3);
        grid.addColumn(Unit::id).setKey("id").setHeader(getTranslation("units.column.id")).setAutoWidth(true);
        grid.addColumn(unit -> unit.parentId() == null ? "—" : tree.label(unit.parentId())).setKey("parent")
                .setHeader(getTranslation("units.column.parent")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("units.empty"));
        grid.addSelectionListener(selection -> updateButtons());
        grid.setSizeFull();

        add(toolbar, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("units.heading") + " · " + getTranslation("app.name");
    }

    private Optional<Unit> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    private void updateButtons() {
        boolean one = selected().isPresent();
        rename.setEnabled(one);
        move.setEnabled(one);
        delete.setEnabled(one);
    }

    private void refresh() {
        try {
            tree = UnitTree.of(client.units());
            grid.setEmptyStateText(getTranslation("units.empty"));
            status.setText(getTranslation("units.status", tree.size()));
        } catch (GatewayCallException e) {
            tree = UnitTree.of(List.of());
            String message = e.userMessage(this::getTranslation);
            grid.setEmptyStateText(getTranslation("units.unavailable", message));
            status.setText("");
            ConsoleNotifications.error(message);
        }
        grid.setItems(tree.roots(), tree::children);
        grid.expandRecursively(tree.roots(), EXPAND_DEPTH);
        grid.deselectAll();
        updateButtons();
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

    private void openAdd() {
        Optional<Unit> parent = selected();
        TextField id = new TextField(getTranslation("units.field.id"));
        id.setId("units-new-id");
        id.setRequired(true);
        id.setHelperText(getTranslation("units.field.idHelp"));
        id.setPattern("[A-Za-z0-9][A-Za-z0-9_.-]*");
        TextField name = new TextField(getTranslation("units.field.name"));
        name.setId("units-new-name");
        name.setRequired(true);
        TextField under = new TextField(getTranslation("units.field.parent"));
        under.setReadOnly(true);
        under.setValue(parent.map(p -> tree.path(p.id())).orElse(getTranslation("units.topLevel")));
        new FormDialog("units-add-dialog", getTranslation("units.add"), new FormLayout(id, name, under), () -> {
            String newId = id.getValue().strip();
            String newName = name.getValue().strip();
            if (newId.isEmpty() || newName.isEmpty() || id.isInvalid()) {
                ConsoleNotifications.error(getTranslation("units.required"));
                return false;
            }
            return change(() -> client.create(newId, newName, parent.map(Unit::id).orElse(null)),
                    "units.added", newName);
        }).open();
    }

    private void openRename(Unit unit) {
        TextField name = new TextField(getTranslation("units.field.name"));
        name.setId("units-rename-name");
        name.setRequired(true);
        name.setValue(unit.label());
        new FormDialog("units-rename-dialog", getTranslation("units.renameTitle", unit.label()),
                new FormLayout(name), () -> {
            String newName = name.getValue().strip();
            if (newName.isEmpty()) {
                ConsoleNotifications.error(getTranslation("units.required"));
                return false;
            }
            return change(() -> client.update(unit.id(), newName, unit.parentId()), "units.renamed", newName);
        }).open();
    }

    private void openMove(Unit unit) {
        ComboBox<Unit> parent = new ComboBox<>(getTranslation("units.field.newParent"));
        parent.setId("units-move-parent");
        parent.setItems(tree.possibleParents(unit.id()));
        parent.setItemLabelGenerator(u -> tree.path(u.id()));
        parent.setClearButtonVisible(true);
        parent.setPlaceholder(getTranslation("units.topLevel"));
        parent.setHelperText(getTranslation("units.field.newParentHelp"));
        parent.setWidthFull();
        tree.possibleParents(unit.id()).stream().filter(u -> u.id().equals(unit.parentId())).findFirst()
                .ifPresent(parent::setValue);
        new FormDialog("units-move-dialog", getTranslation("units.moveTitle", unit.label()),
                new FormLayout(parent), () -> {
            String newParent = parent.getValue() == null ? null : parent.getValue().id();
            String where = newParent == null ? getTranslation("units.topLevel") : tree.path(newParent);
            return change(() -> client.update(unit.id(), unit.label(), newParent), "units.moved", unit.label(),
                    where);
        }).open();
    }

    private void confirmDelete(Unit unit) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("units.deleteTitle", unit.label()),
                getTranslation("units.deleteText", unit.label()), getTranslation("units.delete"),
                event -> change(() -> client.delete(unit.id()), "units.deleted", unit.label()));
        confirm.setId("units-delete-dialog");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("dialog.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }
}
