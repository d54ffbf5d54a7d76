package org.yuqing.ui.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import org.yuqing.ui.access.AdminOnly;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.i18n.ConsoleTime;
import org.yuqing.ui.i18n.ConsoleTranslations;
import org.yuqing.ui.layout.ConsoleNotifications;
import org.yuqing.ui.layout.MainLayout;

/**
 * 审计日志: the audit lines of the gateway (logins, users, units) and of the four services (denials and sensitive
 * actions), merged newest first, with the source of each line. Filters by action and by actor; "刷新" reads what is
 * new. A source that cannot be read is named, the others are still shown.
 */
@Route(value = "audit", layout = MainLayout.class)
@AdminOnly
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    private static final int LINES_PER_SOURCE = 2_000;
    /** The actions the platform records (AuditTrail); others seen in the lines are offered too. */
    private static final List<String> KNOWN_ACTIONS = List.of("DENIED", "APPROVAL", "RELEASE", "PLAN_CHANGE",
            "OVERRIDE", "EXPORT", "CONFIG_CHANGE");

    private final AuditClient client;
    private final ConsoleTranslations translations;
    private final Clock clock;
    private final AuditBuffer buffer = new AuditBuffer(LINES_PER_SOURCE);
    private final Grid<AuditLine> grid = new Grid<>(AuditLine.class, false);
    private final ComboBox<String> actionFilter = new ComboBox<>();
    private final TextField actorFilter = new TextField();
    private final Span status = new Span();

    AuditView(AuditClient client, ConsoleTranslations translations, Clock clock) {
        this.client = client;
        this.translations = translations;
        this.clock = clock;
        setId("audit-view");
        setSizeFull();

        actionFilter.setId("audit-action-filter");
        actionFilter.setLabel(getTranslation("audit.filter.action"));
        actionFilter.setItemLabelGenerator(this::actionText);
        actionFilter.setClearButtonVisible(true);
        actionFilter.setPlaceholder(getTranslation("audit.filter.all"));
        actionFilter.addValueChangeListener(change -> show());
        actorFilter.setId("audit-actor-filter");
        actorFilter.setLabel(getTranslation("audit.filter.actor"));
        actorFilter.setClearButtonVisible(true);
        actorFilter.setValueChangeMode(ValueChangeMode.LAZY);
        actorFilter.addValueChangeListener(change -> show());
        Button refresh = new Button(getTranslation("audit.refresh"), click -> refresh());
        refresh.setId("audit-refresh");
        refresh.addThemeVariants(ButtonVariant.PRIMARY);
        status.setId("audit-status");

        HorizontalLayout toolbar = new HorizontalLayout(new H2(getTranslation("audit.heading")), status,
                actionFilter, actorFilter, refresh);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(status);

        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(line -> ConsoleTime.formatSeconds(line.record().occurredAt())).setKey("occurredAt")
                .setHeader(getTranslation("audit.column.occurredAt")).setWidth("11em").setFlexGrow(0);
        grid.addColumn(line -> getTranslation(line.source().messageKey())).setKey("source")
                .setHeader(getTranslation("audit.column.source")).setAutoWidth(true);
        grid.addColumn(line -> line.record().actor()).setKey("actor")
                .setHeader(getTranslation("audit.column.actor")).setAutoWidth(true);
        grid.addColumn(line -> line.record().actorUnits()).setKey("actorUnits")
                .setHeader(getTranslation("audit.column.actorUnits")).setAutoWidth(true);
        grid.addColumn(line -> actionText(line.record().action())).setKey("action")
                .setHeader(getTranslation("audit.column.action")).setAutoWidth(true);
        grid.addColumn(line -> line.record().target()).setKey("target")
                .setHeader(getTranslation("audit.column.target")).setFlexGrow(2);
        grid.addColumn(line -> outcomeText(line.record().outcome())).setKey("outcome")
                .setHeader(getTranslation("audit.column.outcome")).setAutoWidth(true);
        grid.addColumn(line -> line.record().clientAddress()).setKey("clientAddress")
                .setHeader(getTranslation("audit.column.clientAddress")).setAutoWidth(true);
        grid.addColumn(line -> line.record().detail()).setKey("detail")
                .setHeader(getTranslation("audit.column.detail")).setFlexGrow(2);
        grid.setEmptyStateText(getTranslation("audit.empty"));
        grid.setSizeFull();

        add(toolbar, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.heading") + " · " + getTranslation("app.name");
    }

    private void refresh() {
        List<String> unavailable = new ArrayList<>();
        String firstProblem = null;
        for (AuditSource source : AuditSource.values()) {
            try {
                client.readNew(source, buffer);
            } catch (GatewayCallException e) {
                unavailable.add(getTranslation(source.messageKey()));
                firstProblem = firstProblem == null ? e.userMessage(this::getTranslation) : firstProblem;
            }
        }
        List<AuditLine> all = buffer.merged();
        Set<String> actions = new TreeSet<>(KNOWN_ACTIONS);
        all.forEach(line -> {
            if (line.record().action() != null) {
                actions.add(line.record().action());
            }
        });
        String chosen = actionFilter.getValue();
        actionFilter.setItems(actions);
        if (chosen != null) {
            actionFilter.setValue(chosen);
        }
        String separator = getLocale().getLanguage().equals(Locale.ENGLISH.getLanguage()) ? ", " : "、";
        status.setText(unavailable.isEmpty()
                ? getTranslation("audit.status", all.size(),
                        ConsoleTime.formatSeconds(clock.instant()).substring(11))
                : getTranslation("audit.statusPartial", all.size(), String.join(separator, unavailable)));
        if (!unavailable.isEmpty()) {
            ConsoleNotifications.error(getTranslation("audit.unavailable", String.join(separator, unavailable),
                    firstProblem));
        }
        show();
    }

    private void show() {
        String action = actionFilter.getValue();
        String actor = actorFilter.getValue();
        grid.setItems(buffer.merged().stream().filter(line -> line.matches(action, actor)).toList());
    }

    private String actionText(String action) {
        return action == null ? "" : translatedOr("audit.action." + action, action);
    }

    private String outcomeText(String outcome) {
        return outcome == null ? "" : translatedOr("audit.outcome." + outcome, outcome);
    }

    private String translatedOr(String key, String raw) {
        return translations.has(key, getLocale()) ? getTranslation(key) : raw;
    }
}
