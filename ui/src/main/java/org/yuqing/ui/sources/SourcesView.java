package org.yuqing.ui.sources;

import java.time.Instant;
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
 * 信息源: the feeds of the user's unit scope with their polling status (状态, last success, last error, next try).
 * Monitors and administrators — those monitoring lets change sources — register, edit, poll now (立即采集,
 * {@code source-poll}) and delete them and import
 * files of posts ({@link ImportPanel}); everyone else reads.
 */
@Route(value = "sources", layout = MainLayout.class)
public class SourcesView extends VerticalLayout implements HasDynamicTitle {

    private final SourceClient client;
    private final Grid<SourceRecord> grid = new Grid<>(SourceRecord.class, false);
    private final Span status = new Span();
    private final boolean editor = CurrentIdentity.has(Role.MONITOR) || CurrentIdentity.has(Role.ADMIN);

    SourcesView(SourceClient client) {
        this.client = client;
        setSizeFull();

        status.setId("sources-status");
        HorizontalLayout toolbar = RecordToolbar.headed(getTranslation("monitoring.sources.heading"), status);
        if (editor) {
            Button create = new Button(getTranslation("monitoring.sources.create"), click -> edit(null));
            create.setId("source-create");
            create.addThemeVariants(ButtonVariant.PRIMARY);
            Button edit = RecordToolbar.forSelection(grid, "source-edit", getTranslation("monitoring.sources.edit"),
                    this::edit);
            Button delete = RecordToolbar.forSelection(grid, "source-delete",
                    getTranslation("monitoring.sources.delete"), this::confirmDelete);
            delete.addThemeVariants(ButtonVariant.ERROR);
            Button poll = RecordToolbar.forSelection(grid, "source-poll", getTranslation("monitoring.sources.poll"),
                    this::pollNow);
            poll.setTooltipText(getTranslation("monitoring.sources.poll.help"));
            grid.addItemDoubleClickListener(click -> edit(click.getItem()));
            toolbar.add(create, edit, poll, delete);
        }
        Button refresh = new Button(getTranslation("monitoring.refresh"), click -> refresh());
        refresh.setId("sources-refresh");
        toolbar.add(refresh);

        grid.setId("sources-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(SourceRecord::name).setKey("name").setHeader(getTranslation("monitoring.sources.column.name"))
                .setAutoWidth(true);
        grid.addColumn(this::kind).setKey("kind").setHeader(getTranslation("monitoring.sources.column.kind"))
                .setAutoWidth(true);
        grid.addColumn(SourceRecord::url).setKey("url").setHeader(getTranslation("monitoring.sources.column.url"))
                .setFlexGrow(2);
        grid.addColumn(this::schedule).setKey("schedule")
                .setHeader(getTranslation("monitoring.sources.column.schedule")).setAutoWidth(true);
        grid.addColumn(this::statusText).setKey("status")
                .setHeader(getTranslation("monitoring.sources.column.status")).setAutoWidth(true);
        grid.addColumn(s -> time(s.lastSuccessAt())).setKey("lastSuccess")
                .setHeader(getTranslation("monitoring.sources.column.lastSuccess")).setAutoWidth(true);
        grid.addColumn(s -> s.lastError() == null || s.lastError().isBlank() ? "—" : s.lastError()).setKey("lastError")
                .setHeader(getTranslation("monitoring.sources.column.lastError")).setFlexGrow(2);
        grid.addColumn(s -> s.enabled() ? time(s.nextPollAt()) : "—").setKey("nextPoll")
                .setHeader(getTranslation("monitoring.sources.column.nextPoll")).setAutoWidth(true);
        grid.setPartNameGenerator(s -> "FAILING".equals(s.status()) ? "source-failing" : null);
        grid.setEmptyStateText(getTranslation("monitoring.sources.empty"));
        grid.setWidthFull();
        grid.setHeight("24em");

        add(toolbar, grid);
        if (editor || CurrentIdentity.has(Role.INGEST)) {
            add(new ImportPanel(client));
        }
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("monitoring.sources.heading") + " · " + getTranslation("app.name");
    }

    private void refresh() {
        try {
            List<SourceRecord> sources = client.sources();
            grid.setItems(sources);
            grid.setEmptyStateText(getTranslation("monitoring.sources.empty"));
            long failing = sources.stream().filter(s -> "FAILING".equals(s.status())).count();
            status.setText(getTranslation("monitoring.sources.status", sources.size(), failing));
        } catch (GatewayCallException e) {
            grid.setItems(List.of());
            String message = e.userMessage(this::getTranslation);
            grid.setEmptyStateText(getTranslation("monitoring.sources.unavailable", message));
            status.setText("");
            ConsoleNotifications.error(message);
        }
    }

    private String kind(SourceRecord source) {
        String kind = "FEED".equals(source.kind()) ? getTranslation("monitoring.sources.kind.FEED")
                : source.kind() == null ? "" : source.kind();
        return source.mediaType() == null ? kind
                : kind + " · " + getTranslation("monitoring.medium." + source.mediaType());
    }

    private String schedule(SourceRecord source) {
        Integer minutes = SourceEditor.minutesOf(source.pollInterval());
        if (minutes == null) {
            return source.pollInterval() == null ? "" : source.pollInterval();
        }
        return minutes % 60 == 0
                ? getTranslation("monitoring.sources.everyHours", minutes / 60)
                : getTranslation("monitoring.sources.everyMinutes", minutes);
    }

    private String statusText(SourceRecord source) {
        String state = source.status() == null ? "" : source.status();
        return switch (state) {
            case "FAILING" -> getTranslation("monitoring.sources.state.FAILING", source.consecutiveFailures());
            case "OK" -> getTranslation("monitoring.sources.state.OK", source.lastIngested(), source.lastSkipped());
            case "NEW", "DISABLED" -> getTranslation("monitoring.sources.state." + state);
            default -> state;
        };
    }

    private static String time(Instant instant) {
        return instant == null ? "—" : ConsoleTime.format(instant);
    }

    private void edit(SourceRecord source) {
        new SourceEditor(client, units(), source, () -> {
            ConsoleNotifications.success(getTranslation("monitoring.sources.saved"));
            refresh();
        }).open();
    }

    /** The units a source may belong to: the user's own first, then the rest of their scope. */
    private static List<String> units() {
        List<String> own = CurrentIdentity.units();
        List<String> units = new ArrayList<>(own);
        Set<String> scope = CurrentIdentity.caller().map(Caller::unitScope).orElse(Set.of());
        scope.stream().filter(u -> !own.contains(u)).sorted().forEach(units::add);
        return units;
    }

    /** Asks monitoring to poll the source now; the status column shows the outcome after a refresh. */
    private void pollNow(SourceRecord source) {
        try {
            client.poll(source.id());
            ConsoleNotifications.success(getTranslation("monitoring.sources.polling", source.name()));
        } catch (GatewayCallException e) {
            ConsoleNotifications.error(e.userMessage(this::getTranslation));
        }
        refresh();
    }

    private void confirmDelete(SourceRecord source) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("source-delete-dialog");
        confirm.setHeader(getTranslation("monitoring.sources.deleteTitle", source.name()));
        confirm.setText(getTranslation("monitoring.sources.deleteText"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("dialog.cancel"));
        confirm.setConfirmText(getTranslation("monitoring.sources.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            try {
                client.delete(source.id());
                ConsoleNotifications.success(getTranslation("monitoring.sources.deleted", source.name()));
            } catch (GatewayCallException e) {
                ConsoleNotifications.error(e.userMessage(this::getTranslation));
            }
            refresh();
        });
        confirm.open();
    }
}
