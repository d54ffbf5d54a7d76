package org.yuqing.ui.grading;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import org.yuqing.domain.Category;
import org.yuqing.domain.Level;
import org.yuqing.security.Role;
import org.yuqing.ui.gateway.CurrentIdentity;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.grading.GradingRecords.HistoryEntry;
import org.yuqing.ui.grading.GradingRecords.IncidentGrade;
import org.yuqing.ui.grading.GradingRecords.Metrics;
import org.yuqing.ui.i18n.ConsoleTime;
import org.yuqing.ui.layout.ConsoleNotifications;
import org.yuqing.ui.layout.FormDialog;
import org.yuqing.ui.layout.MainLayout;
import tools.jackson.databind.JsonNode;

/**
 * 事件研判 of one incident ({@code grading/incidents/<id>}; other pages link here by that path): the level and
 * category in force, the analyst's override if any, the reasons (the condition with its numbers and the plan section
 * it cites), the plan and version that graded it, the numbers it was graded on, and every change of the grade in time
 * order with escalations marked. Analysts override the level or category with a required reason, clear the override,
 * or confirm the computed classification; the page then reads the grade again.
 */
@Route(value = "grading/incidents/:incidentId", layout = MainLayout.class)
public class IncidentGradeView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final GradingClient client;
    private final GradingTexts.Translate t = this::getTranslation;
    private final boolean analyst = CurrentIdentity.has(Role.ANALYST);
    private final H2 heading = new H2();
    private final Div body = new Div();
    private UUID incidentId;
    private IncidentGrade grade;

    IncidentGradeView(GradingClient client) {
        this.client = client;
        heading.setId("grade-heading");
        body.setId("grade-body");
        body.setWidthFull();
        add(heading, body);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("grading.grade.heading") + " · " + getTranslation("app.name");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String raw = event.getRouteParameters().get("incidentId").orElse("");
        try {
            incidentId = UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            heading.setText(getTranslation("grading.grade.heading"));
            body.removeAll();
            body.add(notice(getTranslation("grading.grade.badId", raw)));
            return;
        }
        load();
    }

    private void load() {
        try {
            grade = client.incident(incidentId);
        } catch (GatewayCallException e) {
            grade = null;
            heading.setText(getTranslation("grading.grade.heading"));
            body.removeAll();
            body.add(notice(e.userMessage(this::getTranslation)));
            return;
        }
        heading.setText(grade.title() == null || grade.title().isBlank()
                ? getTranslation("grading.grade.untitled", grade.incidentId()) : grade.title());
        body.removeAll();
        body.add(summary(), actions(), section("grading.grade.reasons", reasons()),
                section("grading.grade.metrics", metrics(grade.metrics())),
                section("grading.grade.history", history()));
    }

    private Paragraph notice(String text) {
        Paragraph notice = new Paragraph(text);
        notice.setId("grade-error");
        notice.getStyle().set("color", "var(--lumo-error-text-color)");
        return notice;
    }

    private Component summary() {
        Span level = GradingTexts.badge(grade.level(), t);
        level.setId("grade-level");
        Span category = new Span(getTranslation("grading.grade.category",
                getTranslation("grading.category." + grade.category().name())));
        category.setId("grade-category");
        HorizontalLayout line = new HorizontalLayout(level, category);
        line.setAlignItems(FlexComponent.Alignment.BASELINE);

        Span plan = new Span(getTranslation("grading.grade.plan", planName(), grade.planVersion(),
                ConsoleTime.format(grade.gradedAt())));
        plan.setId("grade-plan");
        Span computed = new Span(getTranslation("grading.grade.computed",
                getTranslation("grading.level." + grade.computed().level().name()),
                getTranslation("grading.category." + grade.computed().category().name()),
                Math.round(grade.computed().confidence() * 100),
                grade.computed().decidingWords().isEmpty() ? "—" : String.join("、", grade.computed().decidingWords())));
        computed.setId("grade-computed");
        VerticalLayout summary = new VerticalLayout(line, plan, computed);
        summary.setPadding(false);
        summary.setSpacing(false);
        if (grade.override() != null) {
            GradingRecords.Override o = grade.override();
            Span override = new Span(getTranslation("grading.grade.override",
                    o.level() == null ? "—" : getTranslation("grading.level." + o.level().name()),
                    o.category() == null ? "—" : getTranslation("grading.category." + o.category().name()),
                    o.by() == null ? "" : o.by(), ConsoleTime.format(o.at()), o.reason() == null ? "" : o.reason()));
            override.setId("grade-override-info");
            override.getStyle().set("color", "var(--lumo-primary-text-color)");
            summary.add(override);
        }
        return summary;
    }

    private String planName() {
        try {
            JsonNode plan = client.plan(grade.planId(), grade.planVersion());
            return plan.path("name").asString(grade.planId());
        } catch (GatewayCallException e) {
            return grade.planId();
        }
    }

    private Component actions() {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setId("grade-actions");
        if (analyst) {
            Button override = new Button(getTranslation("grading.grade.overrideButton"), click -> overrideDialog());
            override.setId("grade-override");
            override.addThemeVariants(ButtonVariant.PRIMARY);
            Button confirm = new Button(getTranslation("grading.grade.confirmButton"), click -> confirmDialog());
            confirm.setId("grade-confirm");
            actions.add(override, confirm);
            if (grade.override() != null) {
                Button clear = new Button(getTranslation("grading.grade.clearButton"), click -> clearDialog());
                clear.setId("grade-clear");
                clear.addThemeVariants(ButtonVariant.ERROR);
                actions.add(clear);
            }
        }
        Anchor whatIf = new Anchor(whatIfLink(), getTranslation("grading.grade.whatIfLink"));
        whatIf.setId("grade-whatif-link");
        actions.add(whatIf);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        return actions;
    }

    /** The what-if page with this incident's numbers, flags, title and plan. */
    String whatIfLink() {
        Metrics m = grade.metrics();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("planId", grade.planId());
        if (m != null) {
            Map<String, Long> values = new LinkedHashMap<>();
            values.put("volume", m.volume());
            values.put("reads", m.reads());
            values.put("comments", m.comments());
            values.put("reposts", m.reposts());
            values.put("distinctSites", (long) m.distinctSites());
            values.put("mainstreamOutlets", (long) m.mainstreamOutlets());
            values.put("maxSitesPerStatement", (long) m.maxSitesPerStatement());
            values.put("volume24h", m.volume24h());
            values.put("reads24h", m.reads24h());
            values.put("comments24h", m.comments24h());
            values.put("reposts24h", m.reposts24h());
            values.forEach((name, value) -> {
                if (value != 0) {
                    query.put(name, Long.toString(value));
                }
            });
            if (m.negativeShare() > 0) {
                query.put("negativeShare", Double.toString(m.negativeShare()));
            }
            if (!m.flags().isEmpty()) {
                query.put("flags", m.flags().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
            }
        }
        if (grade.title() != null && !grade.title().isBlank()) {
            query.put("title", grade.title());
        }
        return "what-if?" + QueryParameters.simple(query).getQueryString();
    }

    private Component section(String headingKey, Component content) {
        Div section = new Div(new H4(getTranslation(headingKey)), content);
        section.setWidthFull();
        return section;
    }

    private Component reasons() {
        UnorderedList list = new UnorderedList();
        list.setId("grade-reasons");
        List<String> reasons = grade.override() != null ? grade.computed().reasons() : grade.reasons();
        for (String reason : reasons) {
            List<String> parts = GradingTexts.split(reason);
            Span condition = new Span(parts.get(0));
            condition.addClassName("reason-condition");
            Span cited = new Span(parts.get(1).isEmpty() ? "" : getTranslation("grading.reason.cites", parts.get(1)));
            cited.addClassName("reason-section");
            cited.getStyle().set("color", "var(--lumo-secondary-text-color)");
            list.add(new ListItem(condition, cited));
        }
        if (reasons.isEmpty()) {
            list.add(new ListItem(getTranslation("grading.reason.none")));
        }
        return list;
    }

    private Component metrics(Metrics m) {
        Div line = new Div();
        line.setId("grade-metrics");
        if (m == null) {
            return line;
        }
        line.setText(getTranslation("grading.grade.metricsLine", m.volume(), m.reads(), m.comments(), m.reposts(),
                m.distinctSites(), m.mainstreamOutlets(), m.volume24h(), m.reads24h(),
                m.flags().isEmpty() ? getTranslation("grading.flag.none") : m.flags().stream().sorted()
                        .map(f -> getTranslation("grading.flag." + f.name())).collect(Collectors.joining("、"))));
        return line;
    }

    private Component history() {
        Grid<HistoryEntry> grid = new Grid<>(HistoryEntry.class, false);
        grid.setId("grade-history");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(h -> ConsoleTime.format(h.gradedAt())).setKey("at")
                .setHeader(getTranslation("grading.history.at")).setWidth("10em").setFlexGrow(0);
        grid.addColumn(h -> h.byAnalyst() ? getTranslation("grading.history.analyst", h.changedBy())
                : getTranslation("grading.history.engine")).setKey("source")
                .setHeader(getTranslation("grading.history.source")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::change).setKey("level").setHeader(getTranslation("grading.history.level"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(h -> getTranslation("grading.category." + h.category().name())).setKey("category")
                .setHeader(getTranslation("grading.history.category")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(h -> String.join("；", h.reasons())).setKey("reasons")
                .setHeader(getTranslation("grading.history.reasons")).setFlexGrow(1);
        grid.addColumn(h -> getTranslation("grading.plans.versionNumber", h.planVersion()) + " · " + h.planId())
                .setKey("plan").setHeader(getTranslation("grading.history.plan")).setAutoWidth(true).setFlexGrow(0);
        grid.setPartNameGenerator(h -> h.escalation() ? "escalation" : null);
        grid.setItems(grade.history());
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("grading.history.empty"));
        return grid;
    }

    /** The level of a change, marked 升级 when it rose. */
    private Component change(HistoryEntry entry) {
        HorizontalLayout cell = new HorizontalLayout(GradingTexts.badge(entry.level(), t));
        cell.setSpacing(true);
        cell.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (entry.escalation()) {
            Span escalated = new Span(getTranslation("grading.history.escalation",
                    entry.previousLevel() == null ? "—" : getTranslation("grading.level." + entry.previousLevel().name())));
            escalated.addClassName("grade-escalation");
            escalated.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
            cell.add(escalated);
        }
        return cell;
    }

    private void overrideDialog() {
        Select<Level> level = new Select<>();
        level.setId("override-level");
        level.setLabel(getTranslation("grading.override.level"));
        level.setItems(Level.values());
        level.setEmptySelectionAllowed(true);
        level.setEmptySelectionCaption(getTranslation("grading.override.keep"));
        level.setItemLabelGenerator(l -> l == null ? getTranslation("grading.override.keep")
                : getTranslation("grading.level." + l.name()));
        Select<Category> category = new Select<>();
        category.setId("override-category");
        category.setLabel(getTranslation("grading.override.category"));
        category.setItems(Arrays.stream(Category.values()).filter(c -> c != Category.UNCLASSIFIED).toList());
        category.setEmptySelectionAllowed(true);
        category.setEmptySelectionCaption(getTranslation("grading.override.keep"));
        category.setItemLabelGenerator(c -> c == null ? getTranslation("grading.override.keep")
                : getTranslation("grading.category." + c.name()));
        TextArea reason = reasonField("override-reason");
        FormLayout form = new FormLayout(level, category, reason);
        form.setColspan(reason, 2);
        new FormDialog("grade-override-dialog", getTranslation("grading.override.title"), form, () -> {
            if (!requireReason(reason)) {
                return false;
            }
            if (level.getValue() == null && category.getValue() == null) {
                level.setInvalid(true);
                level.setErrorMessage(getTranslation("grading.override.nothing"));
                return false;
            }
            return decided(() -> client.override(incidentId, level.getValue(), category.getValue(),
                    reason.getValue().strip()), "grading.override.done");
        }).open();
    }

    private void confirmDialog() {
        Category computed = grade.computed().category();
        TextArea reason = reasonField("confirm-reason");
        reason.setValue(getTranslation("grading.confirm.defaultReason",
                getTranslation("grading.category." + computed.name())));
        Paragraph text = new Paragraph(getTranslation("grading.confirm.text",
                getTranslation("grading.category." + computed.name())));
        new FormDialog("grade-confirm-dialog", getTranslation("grading.confirm.title"), new Div(text, reason), () -> {
            if (computed == Category.UNCLASSIFIED) {
                ConsoleNotifications.error(getTranslation("grading.confirm.unclassified"));
                return false;
            }
            return requireReason(reason) && decided(() -> client.override(incidentId, null, computed,
                    reason.getValue().strip()), "grading.confirm.done");
        }).open();
    }

    private void clearDialog() {
        TextArea reason = reasonField("clear-reason");
        new FormDialog("grade-clear-dialog", getTranslation("grading.clear.title"), reason,
                () -> requireReason(reason) && decided(() -> client.clearOverride(incidentId,
                        reason.getValue().strip()), "grading.clear.done")).open();
    }

    private TextArea reasonField(String id) {
        TextArea reason = new TextArea(getTranslation("grading.override.reason"));
        reason.setId(id);
        reason.setRequiredIndicatorVisible(true);
        reason.setWidthFull();
        reason.setMaxLength(1000);
        return reason;
    }

    private boolean requireReason(TextArea reason) {
        boolean blank = reason.getValue() == null || reason.getValue().isBlank();
        reason.setInvalid(blank);
        if (blank) {
            reason.setErrorMessage(getTranslation("grading.override.reasonRequired"));
        }
        return !blank;
    }

    private boolean decided(Runnable call, String doneKey) {
        try {
            call.run();
        } catch (GatewayCallException e) {
            ConsoleNotifications.error(e.userMessage(this::getTranslation));
            return false;
        }
        ConsoleNotifications.success(getTranslation(doneKey));
        load();
        return true;
    }

    /** For tests and links: this page's path for an incident. */
    static String path(UUID incidentId) {
        return "grading/incidents/" + incidentId;
    }
}
