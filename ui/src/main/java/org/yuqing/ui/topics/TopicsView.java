package org.yuqing.ui.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import org.yuqing.security.Caller;
import org.yuqing.security.Role;
import org.yuqing.ui.gateway.CurrentIdentity;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.i18n.ConsoleTime;
import org.yuqing.ui.layout.ConsoleNotifications;
import org.yuqing.ui.layout.MainLayout;
import org.yuqing.ui.layout.RecordToolbar;

/**
 * 监测主题: the topics of the user's unit scope (name, owning unit, the word groups, last change). Monitors, analysts
 * and administrators — those monitoring lets change topics — create, edit (editor with a trial run, {@link TopicEditor}),
 * run over the stored history (回溯, with its progress: {@link BackfillProgress}) and delete them; everyone else
 * reads.
 */
@Route(value = "topics", layout = MainLayout.class)
public class TopicsView extends VerticalLayout implements HasDynamicTitle {

    private final TopicClient client;
    private final BackfillClient backfills;
    private final Grid<TopicRecord> grid = new Grid<>(TopicRecord.class, false);
    private final Span status = new Span();
    private final boolean editor = CurrentIdentity.has(Role.MONITOR) || CurrentIdentity.has(Role.ANALYST)
            || CurrentIdentity.has(Role.ADMIN);

    TopicsView(TopicClient client, BackfillClient backfills) {
        this.client = client;
        this.backfills = backfills;
        setSizeFull();

        status.setId("topics-status");
        HorizontalLayout toolbar = RecordToolbar.headed(getTranslation("monitoring.topics.heading"), status);
        if (editor) {
            Button create = new Button(getTranslation("monitoring.topics.create"), click -> edit(null));
            create.setId("topic-create");
            create.addThemeVariants(ButtonVariant.PRIMARY);
            Button edit = RecordToolbar.forSelection(grid, "topic-edit", getTranslation("monitoring.topics.edit"),
                    this::edit);
            Button delete = RecordToolbar.forSelection(grid, "topic-delete", getTranslation("monitoring.topics.delete"),
                    this::confirmDelete);
            delete.addThemeVariants(ButtonVariant.ERROR);
            Button backfill = RecordToolbar.forSelection(grid, "topic-backfill",
                    getTranslation("monitoring.topics.backfill"), this::backfill);
            backfill.setTooltipText(getTranslation("monitoring.topics.backfill.help"));
            grid.addItemDoubleClickListener(click -> edit(click.getItem()));
            toolbar.add(create, edit, backfill, delete);
        }
        Button refresh = new Button(getTranslation("monitoring.refresh"), click -> refresh());
        refresh.setId("topics-refresh");
        toolbar.add(refresh);

        grid.setId("topics-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(TopicRecord::name).setKey("name").setHeader(getTranslation("monitoring.topics.column.name"))
                .setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(TopicRecord::unitId).setKey("unit").setHeader(getTranslation("monitoring.topics.column.unit"))
                .setAutoWidth(true);
        grid.addColumn(this::groups).setKey("groups").setHeader(getTranslation("monitoring.topics.column.groups"))
                .setFlexGrow(3);
        grid.addColumn(t -> getTranslation("monitoring.topics.changed", t.updatedBy() == null ? "" : t.updatedBy(),
                        ConsoleTime.format(t.updatedAt())))
                .setKey("updated").setHeader(getTranslation("monitoring.topics.column.updated")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("monitoring.topics.empty"));
        grid.setSizeFull();

        add(toolbar, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("monitoring.topics.heading") + " · " + getTranslation("app.name");
    }

    private void refresh() {
        try {
            List<TopicRecord> topics = client.topics();
            grid.setItems(topics);
            grid.setEmptyStateText(getTranslation("monitoring.topics.empty"));
            status.setText(getTranslation("monitoring.topics.status", topics.size()));
        } catch (GatewayCallException e) {
            grid.setItems(List.of());
            String message = e.userMessage(this::getTranslation);
            grid.setEmptyStateText(getTranslation("monitoring.topics.unavailable", message));
            status.setText("");
            ConsoleNotifications.error(message);
        }
    }

    /**
     * 地域：…；主体：…；事件：…；排除：…, naming only the groups that have words, or 表达式：… for an expression topic;
     * then the filters (站点：…；媒体：…) and 已停用 when the topic is disabled.
     */
    private String groups(TopicRecord topic) {
        List<String> parts = new ArrayList<>();
        if (topic.isExpression()) {
            parts.add(getTranslation("monitoring.topics.group.expression", topic.expression()));
        } else {
            group(parts, "monitoring.topics.group.region", topic.regionWords());
            group(parts, "monitoring.topics.group.subject", topic.subjectWords());
            group(parts, "monitoring.topics.group.event", topic.eventWords());
            group(parts, "monitoring.topics.group.exclude", topic.excludeWords());
        }
        group(parts, "monitoring.topics.group.sites", topic.sites());
        group(parts, "monitoring.topics.group.media", topic.mediaTypes().stream()
                .map(m -> getTranslation("monitoring.medium." + m)).toList());
        if (!topic.enabled()) {
            parts.add(getTranslation("monitoring.topics.group.disabled"));
        }
        return String.join(getTranslation("monitoring.topics.group.separator"), parts);
    }

    private void group(List<String> parts, String key, List<String> words) {
        if (!words.isEmpty()) {
            parts.add(getTranslation(key, WordList.format(words)));
        }
    }

    private void edit(TopicRecord topic) {
        new TopicEditor(client, units(), topic, name -> {
            ConsoleNotifications.success(getTranslation("monitoring.topics.saved", name));
            refresh();
        }).open();
    }

    /** The units a topic may belong to: the user's own first, then the rest of their scope. */
    private static List<String> units() {
        List<String> own = CurrentIdentity.units();
        List<String> units = new ArrayList<>(own);
        Set<String> scope = CurrentIdentity.caller().map(Caller::unitScope).orElse(Set.of());
        scope.stream().filter(u -> !own.contains(u)).sorted().forEach(units::add);
        return units;
    }

    /** 回溯: runs the topic over the stored history and shows the progress until it has ended. */
    private void backfill(TopicRecord topic) {
        try {
            new BackfillProgress(backfills, topic.name(), backfills.start(topic.id())).open();
        } catch (GatewayCallException e) {
            ConsoleNotifications.error(e.userMessage(this::getTranslation));
        }
    }

    private void confirmDelete(TopicRecord topic) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("topic-delete-dialog");
        confirm.setHeader(getTranslation("monitoring.topics.deleteTitle", topic.name()));
        confirm.setText(getTranslation("monitoring.topics.deleteText"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("dialog.cancel"));
        confirm.setConfirmText(getTranslation("monitoring.topics.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            try {
                client.delete(topic.id());
                ConsoleNotifications.success(getTranslation("monitoring.topics.deleted", topic.name()));
            } catch (GatewayCallException e) {
                ConsoleNotifications.error(e.userMessage(this::getTranslation));
            }
            refresh();
        });
        confirm.open();
    }
}
