package org.yuqing.ui.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import org.yuqing.ui.gateway.CurrentIdentity;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.i18n.ConsoleTime;
import org.yuqing.ui.i18n.ConsoleTranslations;
import org.yuqing.ui.layout.ConsoleNotifications;
import org.yuqing.ui.layout.MainLayout;

/**
 * 案件看板, the start page: the cases the user may see as cards in one column per workflow state (研判, 已报告, 会商,
 * 处置回应, 动态跟踪, 平息, 总结评估; 发现 only when a case is there), each card with its title, level colour,
 * responsible unit, its assignees (经办人, people by login) and its next deadline (下一时限, the earliest not met yet) counting down
 * — red when overdue, amber when at most 30 minutes are left ({@link Countdown}). A toggle shows the same cases as a
 * list with the report and first-statement deadlines. Filters: unit, level, and 只看我的 (cases assigned to the user). Without server push, countdowns are re-rendered by
 * a poll every 30 seconds; the cases are re-read on "刷新".
 */
@Route(value = "", layout = MainLayout.class)
@RouteAlias(value = "cases", layout = MainLayout.class)
public class CasesView extends VerticalLayout implements HasDynamicTitle {

    /** The workflow states in order; a column each ({@code DETECTED} only when a case stands there). */
    static final List<String> STATES = List.of("DETECTED", "ASSESSING", "REPORTED", "CONSULTING", "RESPONDING",
            "TRACKING", "SUBSIDED", "REVIEWED");
    private static final List<String> LEVELS = List.of("EXTRAORDINARY", "MAJOR", "SERIOUS", "GENERAL");
    private static final int COUNTDOWN_POLL_MILLIS = 30_000;

    private final CaseClient client;
    private final ConsoleTranslations translations;
    private final Clock clock;
    private final Grid<CaseSummary> grid = new Grid<>(CaseSummary.class, false);
    private final HorizontalLayout board = new HorizontalLayout();
    private final Span status = new Span();
    private final Select<String> unitFilter = new Select<>();
    private final Select<String> levelFilter = new Select<>();
    private final Checkbox mineFilter = new Checkbox();
    private final Button toggle = new Button();
    private List<CaseSummary> cases = List.of();
    private boolean listMode;
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
        toggle.setId("cases-view-toggle");
        toggle.addClickListener(click -> {
            listMode = !listMode;
            showMode();
        });
        HorizontalLayout toolbar = new HorizontalLayout(new H2(getTranslation("casework.board.heading")), status,
                toggle, refresh);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(status);

        unitFilter.setId("cases-filter-unit");
        unitFilter.setLabel(getTranslation("casework.filter.unit"));
        unitFilter.setEmptySelectionAllowed(true);
        unitFilter.setEmptySelectionCaption(getTranslation("casework.filter.allUnits"));
        unitFilter.addValueChangeListener(change -> show());
        levelFilter.setId("cases-filter-level");
        levelFilter.setLabel(getTranslation("casework.filter.level"));
        levelFilter.setEmptySelectionAllowed(true);
        levelFilter.setEmptySelectionCaption(getTranslation("casework.filter.allLevels"));
        levelFilter.setItems(LEVELS);
        levelFilter.setItemLabelGenerator(level -> level == null ? getTranslation("casework.filter.allLevels")
                : translatedOr("level." + level, null, level));
        levelFilter.addValueChangeListener(change -> show());
        mineFilter.setId("cases-filter-mine");
        mineFilter.setLabel(getTranslation("casework.filter.mine"));
        mineFilter.addValueChangeListener(change -> show());
        HorizontalLayout filters = new HorizontalLayout(unitFilter, levelFilter, mineFilter);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        board.setId("cases-board");
        board.setWidthFull();
        board.getStyle().set("overflow-x", "auto").set("align-items", "flex-start");

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
        grid.addItemClickListener(click -> open(click.getItem()));
        grid.setSizeFull();

        add(toolbar, filters, board, grid);
        showMode();
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("casework.board.heading") + " · " + getTranslation("app.name");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(COUNTDOWN_POLL_MILLIS);
        countdownPoll = event.getUI().addPollListener(poll -> show());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (countdownPoll != null) {
            countdownPoll.remove();
            countdownPoll = null;
        }
    }

    private void showMode() {
        board.setVisible(!listMode);
        grid.setVisible(listMode);
        toggle.setText(getTranslation(listMode ? "casework.board.showBoard" : "casework.board.showList"));
    }

    private void refresh() {
        try {
            cases = client.cases();
            grid.setEmptyStateText(getTranslation("cases.empty"));
            String unit = unitFilter.getValue();
            unitFilter.setItems(cases.stream().map(CaseSummary::unitId).filter(Objects::nonNull).distinct()
                    .sorted().toList());
            if (unit != null && cases.stream().anyMatch(c -> unit.equals(c.unitId()))) {
                unitFilter.setValue(unit);
            }
            status.setText(getTranslation("cases.status", cases.size(),
                    ConsoleTime.format(clock.instant()).substring(11)));
        } catch (GatewayCallException e) {
            cases = List.of();
            String message = e.userMessage(this::getTranslation);
            grid.setEmptyStateText(getTranslation("cases.unavailable", message));
            status.setText(getTranslation("cases.unavailable", message));
            ConsoleNotifications.error(message);
        }
        show();
    }

    /** The cases that pass the filters, in the service's order. */
    List<CaseSummary> shown() {
        String unit = unitFilter.getValue();
        String level = levelFilter.getValue();
        String me = CurrentIdentity.login().orElse(null);
        return cases.stream()
                .filter(c -> unit == null || unit.equals(c.unitId()))
                .filter(c -> level == null || level.equals(c.level()))
                .filter(c -> !mineFilter.getValue() || c.assignedTo(me))
                .toList();
    }

    private void show() {
        List<CaseSummary> visible = shown();
        grid.setItems(visible);
        board.removeAll();
        Map<String, List<CaseSummary>> byState = new LinkedHashMap<>();
        STATES.forEach(state -> byState.put(state, new ArrayList<>()));
        for (CaseSummary c : visible) {
            byState.computeIfAbsent(c.state(), unknown -> new ArrayList<>()).add(c);
        }
        Instant now = clock.instant();
        byState.forEach((state, inState) -> {
            if (!"DETECTED".equals(state) || !inState.isEmpty()) {
                board.add(column(state, inState, now));
            }
        });
    }

    private Div column(String state, List<CaseSummary> inState, Instant now) {
        String name = inState.isEmpty() ? translatedOr("casework.state." + state, null, state)
                : translatedOr("casework.state." + state, inState.getFirst().stateName(), state);
        H4 heading = new H4(getTranslation("casework.board.column", name, inState.size()));
        heading.getStyle().set("margin", "0 0 0.5rem");
        Div column = new Div(heading);
        column.setId("board-" + state);
        column.addClassName("board-column");
        column.getStyle().set("min-width", "13rem").set("flex", "1 1 13rem")
                .set("background", "var(--lumo-contrast-5pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "0.5rem");
        inState.forEach(c -> column.add(card(c, now)));
        if (inState.isEmpty()) {
            Span empty = new Span(getTranslation("casework.board.emptyColumn"));
            empty.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "0.875rem");
            column.add(empty);
        }
        return column;
    }

    private Div card(CaseSummary c, Instant now) {
        RouterLink title = new RouterLink(c.title(), CaseView.class, new RouteParameters("caseId", c.id()));
        title.setId("case-link-" + c.id());
        title.getStyle().set("font-weight", "600").set("display", "block");
        Span level = CaseVisuals.levelBadge(c.level(), levelText(c));
        Span unit = new Span(getTranslation("casework.card.unit", c.unitId()));
        unit.getStyle().set("margin-inline-start", "0.5em").set("font-size", "0.875rem");
        Div facts = new Div(level, unit);
        Div assignees = new Div(new Span(c.assignees().isEmpty() ? getTranslation("casework.card.unassigned")
                : getTranslation("casework.card.assignees",
                String.join("、", c.assignees().stream().map(Assignee::login).toList()))));
        assignees.setId("case-card-assignees-" + c.id());
        assignees.addClassName("case-card-assignees");
        assignees.getStyle().set("font-size", "0.875rem").set("color", "var(--lumo-secondary-text-color)");
        Div card = new Div(title, facts, assignees, nextDeadlineLine(c, now));
        card.setId("case-card-" + c.id());
        card.addClassName("case-card");
        card.getStyle().set("background", "var(--lumo-base-color)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("box-shadow", "var(--lumo-box-shadow-xs)").set("padding", "0.5rem").set("margin-bottom", "0.5rem")
                .set("border-inline-start", "4px solid " + CaseVisuals.levelColor(c.level())).set("cursor", "pointer");
        card.addClickListener(click -> open(c));
        return card;
    }

    private Div nextDeadlineLine(CaseSummary c, Instant now) {
        Div line = new Div();
        line.addClassName("case-card-deadline");
        line.getStyle().set("font-size", "0.875rem");
        Deadline.next(c).ifPresentOrElse(next -> {
            Span name = new Span(getTranslation(next.nameKey()) + " ");
            line.add(name, CaseVisuals.countdown(next.dueAt(), now, this::getTranslation));
        }, () -> line.add(new Span(getTranslation("casework.card.noDeadline"))));
        return line;
    }

    private void open(CaseSummary c) {
        UI.getCurrent().navigate(CaseView.class, new RouteParameters("caseId", c.id()));
    }

    private String levelText(CaseSummary summary) {
        return translatedOr("level." + summary.level(), summary.levelName(), summary.level());
    }

    private String stateText(CaseSummary summary) {
        return translatedOr("casework.state." + summary.state(), summary.stateName(), summary.state());
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
            Span state = CaseVisuals.countdown(next.dueAt(), clock.instant(), this::getTranslation);
            name.getStyle().set("display", "block");
            state.getStyle().set("display", "block").set("font-size", "0.875em");
            cell.add(name, state);
        }, () -> cell.setText("—"));
        return cell;
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
            state = CaseVisuals.countdown(due, clock.instant(), this::getTranslation);
        }
        // Two lines: the deadline, then how far it is, so neither is cut off in a narrow column.
        when.getStyle().set("display", "block");
        state.getStyle().set("display", "block").set("font-size", "0.875em");
        cell.add(when, state);
        return cell;
    }
}
