package org.yuqing.ui.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.shared.Registration;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.i18n.ConsoleTime;
import org.yuqing.ui.i18n.ConsoleTranslations;
import org.yuqing.ui.layout.MainLayout;

/**
 * 案件: the cases the user may see, with the report and first-statement deadlines as Beijing time and a countdown,
 * and each case's next deadline (下一时限, the earliest not met yet) counting down. Countdowns are red when overdue and
 * amber when at most 30 minutes are left ({@link Countdown}).
 * Without server push, the countdowns are re-rendered by a poll every 30 seconds; the list itself is re-read on
 * "刷新".
 */
@Route(value = "", layout = MainLayout.class)
@RouteAlias(value = "cases", layout = MainLayout.class)
public class CasesView extends VerticalLayout implements HasDynamicTitle {

    private static final int COUNTDOWN_POLL_MILLIS = 30_000;

    private final CaseClient client;
    private final ConsoleTranslations translations;
    private final Clock clock;
    private final Grid<CaseSummary> grid = new Grid<>(CaseSummary.class, false);
    private final Span status = new Span();
    private Registration countdownPoll;

    CasesView(CaseClient client, ConsoleTranslations translations, Clock clock) {
        this.client = client;
        this.translations = translations;
        this.clock = clock;
        setSizeFull();

        Button refresh = new Button(getTranslation("cases.refresh"), click -> refresh());
        refresh.setId("cases-refresh");
        refresh.addThemeVariants(ButtonVariant.PRIMARY);
        status.setId("cases-status");
        HorizontalLayout toolbar = new HorizontalLayout(new H2(getTranslation("cases.heading")), status, refresh);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(status);

        grid.setId("cases-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(CaseSummary::title).setKey("title").setHeader(getTranslation("cases.column.title"))
                .setFlexGrow(3).setAutoWidth(false);
        grid.addColumn(this::levelText).setKey("level").setHeader(getTranslation("cases.column.level"))
                .setAutoWidth(true);
        grid.addColumn(this::stateText).setKey("state").setHeader(getTranslation("cases.column.state"))
                .setAutoWidth(true);
        grid.addColumn(CaseSummary::unitId).setKey("unit").setHeader(getTranslation("cases.column.unit"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::nextDeadline).setKey("nextDeadline")
                .setHeader(getTranslation("cases.column.nextDeadline")).setWidth("12em").setFlexGrow(0);
        grid.addComponentColumn(c -> deadline(c.reportDueAt(), c.reportedAt(), "cases.reported"))
                .setKey("reportDue").setHeader(getTranslation("cases.column.reportDue")).setWidth("12em")
                .setFlexGrow(0);
        grid.addComponentColumn(c -> deadline(c.firstStatementDueAt(), c.firstStatementAt(), "cases.published"))
                .setKey("firstStatementDue").setHeader(getTranslation("cases.column.firstStatementDue"))
                .setWidth("12em").setFlexGrow(0);
        grid.addColumn(c -> c.firstStatementAt() == null ? "—" : ConsoleTime.format(c.firstStatementAt()))
                .setKey("firstStatementAt").setHeader(getTranslation("cases.column.firstStatementAt"))
                .setWidth("11em").setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("cases.empty"));
        grid.setSizeFull();

        add(toolbar, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cases.heading") + " · " + getTranslation("app.name");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(COUNTDOWN_POLL_MILLIS);
        countdownPoll = event.getUI().addPollListener(poll -> grid.getDataProvider().refreshAll());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (countdownPoll != null) {
            countdownPoll.remove();
            countdownPoll = null;
        }
    }

    private void refresh() {
        try {
            List<CaseSummary> cases = client.cases();
            grid.setEmptyStateText(getTranslation("cases.empty"));
            grid.setItems(cases);
            status.setText(getTranslation("cases.status", cases.size(),
                    ConsoleTime.format(clock.instant()).substring(11)));
        } catch (GatewayCallException e) {
            grid.setItems(List.of());
            String message = getTranslation(e.messageKey());
            grid.setEmptyStateText(getTranslation("cases.unavailable", message));
            status.setText("");
            showError(message);
        }
    }

    private void showError(String message) {
        Notification notification = new Notification(message, 6_000, Notification.Position.TOP_CENTER);
        notification.setId("error-notification");
        notification.addThemeVariants(NotificationVariant.ERROR);
        notification.open();
    }

    private String levelText(CaseSummary summary) {
        return translatedOr("level." + summary.level(), summary.levelName(), summary.level());
    }

    private String stateText(CaseSummary summary) {
        return translatedOr("state." + summary.state(), summary.stateName(), summary.state());
    }

    /** Our own text for a code when we have one, else the service's name, else the code. */
    private String translatedOr(String key, String serviceName, String code) {
        if (translations.has(key, getLocale())) {
            return getTranslation(key);
        }
        return serviceName != null ? serviceName : code == null ? "" : code;
    }

    /** The earliest deadline not met yet, named, with its countdown; a dash when none is open. */
    private Div nextDeadline(CaseSummary summary) {
        Div cell = new Div();
        Deadline.next(summary).ifPresentOrElse(next -> {
            Span name = new Span(getTranslation(next.nameKey()));
            Span state = countdown(next.dueAt());
            name.getStyle().set("display", "block");
            state.getStyle().set("display", "block").set("font-size", "0.875em");
            cell.add(name, state);
        }, () -> cell.setText("—"));
        return cell;
    }

    /** 剩余… or 已超时…: red when overdue, amber when at most 30 minutes are left, else quiet. */
    private Span countdown(Instant due) {
        Countdown countdown = Countdown.until(due, clock.instant());
        Span state = new Span(getTranslation(countdown.phraseKey(),
                getTranslation(countdown.durationKey(), countdown.hours(), countdown.minutes())));
        state.getStyle().set("color", countdown.color());
        if (countdown.overdue() || countdown.soon()) {
            state.getStyle().set("font-weight", "600");
        }
        state.addClassNames("countdown", countdown.stateClass());
        return state;
    }

    private Div deadline(Instant due, Instant doneAt, String doneKey) {
        Div cell = new Div();
        if (due == null) {
            cell.setText("—");
            return cell;
        }
        Span when = new Span(ConsoleTime.format(due));
        Span state;
        if (doneAt != null) {
            state = new Span(getTranslation(doneKey));
            state.getStyle().set("color", "var(--lumo-success-text-color)");
            state.addClassNames("countdown", "countdown-met");
        } else {
            state = countdown(due);
        }
        // Two lines: the deadline, then how far it is, so neither is cut off in a narrow column.
        when.getStyle().set("display", "block");
        state.getStyle().set("display", "block").set("font-size", "0.875em");
        cell.add(when, state);
        return cell;
    }
}
