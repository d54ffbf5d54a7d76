package org.yuqing.ui.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.i18n.ConsoleTime;
import org.yuqing.ui.layout.ConsoleNotifications;
import org.yuqing.ui.layout.MainLayout;

/**
 * 责任追究: for a period of Beijing dates (the last 30 days by default), per unit in the user's scope, how the first
 * reports of its cases went — on time, late (迟报), missed (漏报), concealed (瞒报: a lower level stated than the case
 * had, or an escalation not reported; casework's rules), still pending — and below, the cases behind each count
 * with why a concealed one counts.
 */
@Route(value = "accountability", layout = MainLayout.class)
public class AccountabilityView extends VerticalLayout implements HasDynamicTitle {

    private static final int DEFAULT_DAYS = 30;

    private final CaseClient client;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<UnitAccountability.UnitRecord> grid = new Grid<>();
    private final Div cases = new Div();
    private final Span status = new Span();

    AccountabilityView(CaseClient client, Clock clock) {
        this.client = client;
        setId("accountability-view");
        setWidthFull();

        LocalDate today = LocalDate.ofInstant(clock.instant(), ConsoleTime.ZONE);
        from.setId("accountability-from");
        from.setLabel(getTranslation("casework.accountability.from"));
        from.setValue(today.minusDays(DEFAULT_DAYS - 1L));
        from.setLocale(getLocale());
        to.setId("accountability-to");
        to.setLabel(getTranslation("casework.accountability.to"));
        to.setValue(today);
        to.setLocale(getLocale());
        Button refresh = new Button(getTranslation("casework.accountability.refresh"), click -> refresh());
        refresh.setId("accountability-refresh");
        refresh.addThemeVariants(ButtonVariant.PRIMARY);
        status.setId("accountability-status");
        HorizontalLayout bar = new HorizontalLayout(from, to, refresh, status);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("accountability-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.addColumn(UnitAccountability.UnitRecord::unitId).setKey("unit")
                .setHeader(getTranslation("casework.accountability.column.unit")).setAutoWidth(true);
        grid.addColumn(u -> u.cases().count()).setKey("cases")
                .setHeader(getTranslation("casework.accountability.column.cases"));
        grid.addColumn(u -> u.onTime().count()).setKey("onTime")
                .setHeader(getTranslation("casework.accountability.column.onTime"));
        grid.addComponentColumn(u -> count(u.late())).setKey("late")
                .setHeader(getTranslation("casework.accountability.column.late"));
        grid.addComponentColumn(u -> count(u.missed())).setKey("missed")
                .setHeader(getTranslation("casework.accountability.column.missed"));
        grid.addComponentColumn(u -> count(u.concealed())).setKey("concealed")
                .setHeader(getTranslation("casework.accountability.column.concealed"));
        grid.addColumn(u -> u.pending().count()).setKey("pending")
                .setHeader(getTranslation("casework.accountability.column.pending"));
        grid.setEmptyStateText(getTranslation("casework.accountability.empty"));
        grid.setAllRowsVisible(true);

        cases.setId("accountability-cases");
        cases.setWidthFull();
        add(new H2(getTranslation("casework.accountability.heading")), bar, grid,
                new H3(getTranslation("casework.accountability.casesHeading")), cases);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("casework.accountability.heading") + " · " + getTranslation("app.name");
    }

    private void refresh() {
        cases.removeAll();
        if (from.getValue() == null || to.getValue() == null || from.getValue().isAfter(to.getValue())) {
            ConsoleNotifications.error(getTranslation("casework.accountability.badPeriod"));
            return;
        }
        try {
            UnitAccountability record = client.accountability(from.getValue().atStartOfDay(ConsoleTime.ZONE)
                    .toInstant(), to.getValue().plusDays(1).atStartOfDay(ConsoleTime.ZONE).toInstant());
            grid.setItems(record.units());
            grid.setEmptyStateText(getTranslation("casework.accountability.empty"));
            status.setText(getTranslation("casework.accountability.status", ConsoleTime.format(record.asOf())));
            show(record.units());
        } catch (GatewayCallException e) {
            grid.setItems(List.of());
            String message = e.userMessage(this::getTranslation);
            grid.setEmptyStateText(getTranslation("casework.accountability.unavailable", message));
            status.setText("");
            ConsoleNotifications.error(message);
        }
    }

    /** The cases behind the failures, with their titles where the case list has them. */
    private void show(List<UnitAccountability.UnitRecord> units) {
        Map<String, String> titles = new HashMap<>();
        try {
            client.cases().forEach(c -> titles.put(c.id(), c.title()));
        } catch (GatewayCallException e) {
            // The ids still link to the cases; only their titles are missing.
        }
        boolean any = false;
        for (UnitAccountability.UnitRecord unit : units) {
            Map<String, String> why = new HashMap<>();
            unit.concealment().forEach(c -> why.put(c.caseId(), c.text()));
            any |= list(unit.unitId(), "late", unit.late(), titles, Map.of());
            any |= list(unit.unitId(), "missed", unit.missed(), titles, Map.of());
            any |= list(unit.unitId(), "concealed", unit.concealed(), titles, why);
        }
        if (!any) {
            cases.add(new Paragraph(getTranslation("casework.accountability.noFailures")));
        }
    }

    private boolean list(String unitId, String kind, UnitAccountability.Cases of, Map<String, String> titles,
                         Map<String, String> why) {
        if (of.caseIds().isEmpty()) {
            return false;
        }
        Div group = new Div(new Span(getTranslation("casework.accountability.group", unitId,
                getTranslation("casework.accountability.column." + kind), of.count())));
        group.setId("accountability-" + kind + "-" + unitId);
        group.getStyle().set("padding", "0.25em 0");
        for (String caseId : of.caseIds()) {
            RouterLink link = new RouterLink(titles.getOrDefault(caseId, caseId), CaseView.class,
                    new RouteParameters("caseId", caseId));
            link.setId("accountability-case-" + kind + "-" + caseId);
            Div line = new Div(link);
            line.getStyle().set("padding-inline-start", "1.5em");
            if (why.containsKey(caseId)) {
                Span reason = new Span(" — " + why.get(caseId));
                reason.getStyle().set("color", "var(--lumo-error-text-color)");
                line.add(reason);
            }
            group.add(line);
        }
        cases.add(group);
        return true;
    }

    private static Component count(UnitAccountability.Cases of) {
        Span count = new Span(String.valueOf(of.count()));
        if (of.count() > 0) {
            count.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        }
        return count;
    }
}
