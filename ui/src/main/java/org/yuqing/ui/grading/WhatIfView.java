package org.yuqing.ui.grading;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
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
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import org.yuqing.domain.IncidentFlag;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.grading.GradingRecords.Comparison;
import org.yuqing.ui.grading.GradingRecords.Difference;
import org.yuqing.ui.grading.GradingRecords.PlanSummary;
import org.yuqing.ui.grading.GradingRecords.Side;
import org.yuqing.ui.grading.GradingRecords.Terms;
import org.yuqing.ui.grading.GradingRecords.WhatIfGrade;
import org.yuqing.ui.layout.ConsoleNotifications;
import org.yuqing.ui.layout.MainLayout;

/**
 * 研判推演: an incident snapshot (the numbers the engine grades on, the flags, a title to classify) graded by a chosen
 * plan without storing anything — the level in its colour, the category and every reason with the plan section it
 * cites, and the deadlines and approvals the level brings; then the same snapshot side by side under a second plan,
 * with the conditions only one of them has. Query parameters fill the form ({@code ?planId=&volume=&flags=…}), so the
 * incident page can open it with an incident's own numbers.
 */
@Route(value = "what-if", layout = MainLayout.class)
public class WhatIfView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final GradingClient client;
    private final GradingTexts.Translate t = this::getTranslation;
    private final TextField title = new TextField();
    private final Map<String, IntegerField> counts = new LinkedHashMap<>();
    private final NumberField negativeShare = new NumberField();
    private final Map<IncidentFlag, Checkbox> flags = new EnumMap<>(IncidentFlag.class);
    private final Select<PlanSummary> plan = new Select<>();
    private final Select<PlanSummary> comparePlan = new Select<>();
    private final Div result = new Div();
    private final Div comparison = new Div();
    private List<PlanSummary> plans = List.of();

    WhatIfView(GradingClient client) {
        this.client = client;
        H2 heading = new H2(getTranslation("grading.whatif.heading"));
        Paragraph hint = new Paragraph(getTranslation("grading.whatif.hint"));

        FormLayout form = new FormLayout();
        form.setId("whatif-form");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2), new FormLayout.ResponsiveStep("40em", 4));
        title.setId("whatif-title");
        title.setLabel(getTranslation("grading.whatif.title"));
        form.add(title, 4);
        for (String name : Snapshot.COUNTS) {
            IntegerField field = new IntegerField(getTranslation("grading.count." + name));
            field.setId("whatif-" + name);
            field.setMin(0);
            field.setPlaceholder("0");
            counts.put(name, field);
            form.add(field);
        }
        negativeShare.setId("whatif-negativeShare");
        negativeShare.setLabel(getTranslation("grading.count.negativeShare"));
        negativeShare.setMin(0);
        negativeShare.setMax(1);
        negativeShare.setStep(0.05);
        negativeShare.setPlaceholder("0");
        form.add(negativeShare);
        HorizontalLayout flagBoxes = new HorizontalLayout();
        flagBoxes.setId("whatif-flags");
        flagBoxes.getStyle().set("flex-wrap", "wrap");
        for (IncidentFlag flag : IncidentFlag.values()) {
            Checkbox box = new Checkbox(getTranslation("grading.flag." + flag.name()));
            box.setId("whatif-flag-" + flag.name());
            flags.put(flag, box);
            flagBoxes.add(box);
        }
        form.add(flagBoxes, 4);

        plan.setId("whatif-plan");
        plan.setLabel(getTranslation("grading.whatif.plan"));
        plan.setItemLabelGenerator(this::planLabel);
        plan.setWidth("24em");
        Button run = new Button(getTranslation("grading.whatif.run"), click -> run());
        run.setId("whatif-run");
        run.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout runRow = new HorizontalLayout(plan, run);
        runRow.setAlignItems(FlexComponent.Alignment.BASELINE);

        comparePlan.setId("whatif-compare-plan");
        comparePlan.setLabel(getTranslation("grading.whatif.comparePlan"));
        comparePlan.setItemLabelGenerator(this::planLabel);
        comparePlan.setWidth("24em");
        Button compare = new Button(getTranslation("grading.whatif.compare"), click -> compare());
        compare.setId("whatif-compare");
        HorizontalLayout compareRow = new HorizontalLayout(comparePlan, compare);
        compareRow.setAlignItems(FlexComponent.Alignment.BASELINE);

        result.setId("whatif-result");
        result.setWidthFull();
        comparison.setId("whatif-comparison");
        comparison.setWidthFull();
        add(heading, hint, form, runRow, result, compareRow, comparison);
        loadPlans();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("grading.whatif.heading") + " · " + getTranslation("app.name");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        counts.forEach((name, field) -> first(query, name).flatMap(WhatIfView::integer).ifPresent(field::setValue));
        first(query, "negativeShare").flatMap(WhatIfView::decimal).ifPresent(negativeShare::setValue);
        first(query, "title").ifPresent(title::setValue);
        first(query, "flags").ifPresent(list -> {
            for (String name : list.split(",")) {
                flags.entrySet().stream().filter(e -> e.getKey().name().equals(name.strip()))
                        .forEach(e -> e.getValue().setValue(true));
            }
        });
        first(query, "planId").flatMap(id -> plans.stream().filter(p -> p.id().equals(id)).findFirst())
                .ifPresent(plan::setValue);
    }

    private void loadPlans() {
        try {
            plans = client.plans();
            plan.setItems(plans);
            comparePlan.setItems(plans);
            plans.stream().filter(p -> p.id().equals("district")).findFirst().or(() -> plans.stream().findFirst())
                    .ifPresent(plan::setValue);
        } catch (GatewayCallException e) {
            ConsoleNotifications.error(e.userMessage(this::getTranslation));
        }
    }

    private String planLabel(PlanSummary summary) {
        return summary.name() + " · " + getTranslation("grading.plans.versionNumber", summary.version());
    }

    /** The form as a snapshot; an empty count is 0. */
    Snapshot snapshot() {
        Map<String, Long> values = new LinkedHashMap<>();
        counts.forEach((name, field) -> values.put(name, field.getValue() == null ? 0L : field.getValue().longValue()));
        Set<IncidentFlag> set = EnumSet.noneOf(IncidentFlag.class);
        flags.forEach((flag, box) -> {
            if (box.getValue()) {
                set.add(flag);
            }
        });
        return new Snapshot(title.getValue(), values, negativeShare.getValue() == null ? 0 : negativeShare.getValue(),
                set);
    }

    private boolean formInvalid() {
        boolean invalid = counts.values().stream().anyMatch(IntegerField::isInvalid) || negativeShare.isInvalid();
        if (invalid) {
            ConsoleNotifications.error(getTranslation("grading.whatif.invalid"));
        }
        return invalid;
    }

    private void run() {
        if (plan.getValue() == null) {
            plan.setInvalid(true);
            plan.setErrorMessage(getTranslation("grading.whatif.planRequired"));
            return;
        }
        if (formInvalid()) {
            return;
        }
        plan.setInvalid(false);
        try {
            WhatIfGrade grade = client.whatIf(plan.getValue().id(), snapshot());
            result.removeAll();
            Div level = new Div(GradingTexts.badge(grade.level(), t));
            level.setId("whatif-level");
            Span category = new Span(getTranslation("grading.whatif.category",
                    getTranslation("grading.category." + grade.category().name()),
                    Math.round(grade.categoryConfidence() * 100)));
            category.setId("whatif-category");
            result.add(new H4(getTranslation("grading.whatif.resultHeading", grade.planName(), grade.planVersion())),
                    level, category, reasons(grade.reasons(), "whatif-reasons"), terms(grade.terms()));
        } catch (GatewayCallException e) {
            result.removeAll();
            ConsoleNotifications.error(e.userMessage(this::getTranslation));
        }
    }

    private void compare() {
        if (plan.getValue() == null || comparePlan.getValue() == null) {
            comparePlan.setInvalid(true);
            comparePlan.setErrorMessage(getTranslation("grading.whatif.planRequired"));
            return;
        }
        if (formInvalid()) {
            return;
        }
        comparePlan.setInvalid(false);
        try {
            Comparison answer = client.compare(plan.getValue().id(), comparePlan.getValue().id(), snapshot());
            comparison.removeAll();
            HorizontalLayout sides = new HorizontalLayout(side(answer.planA(), "whatif-side-a"),
                    side(answer.planB(), "whatif-side-b"));
            sides.setWidthFull();
            Paragraph verdict = new Paragraph(getTranslation(answer.sameLevel()
                    ? "grading.whatif.sameLevel" : "grading.whatif.differentLevel"));
            verdict.setId("whatif-verdict");
            comparison.add(sides, verdict, differences(answer));
        } catch (GatewayCallException e) {
            comparison.removeAll();
            ConsoleNotifications.error(e.userMessage(this::getTranslation));
        }
    }

    private Component side(Side side, String id) {
        VerticalLayout column = new VerticalLayout();
        column.setId(id);
        column.setPadding(false);
        column.setWidth("50%");
        column.add(new H4(getTranslation("grading.whatif.resultHeading", side.planName(), side.planVersion())),
                new Div(GradingTexts.badge(side.level(), t)), reasons(side.reasons(), id + "-reasons"),
                terms(side.terms()));
        return column;
    }

    private Component differences(Comparison answer) {
        UnorderedList list = new UnorderedList();
        list.setId("whatif-differences");
        for (Difference difference : answer.differences()) {
            String plan = difference.plan().equals("A") ? answer.planA().planName() : answer.planB().planName();
            ListItem item = new ListItem(getTranslation("grading.whatif.difference",
                    getTranslation("grading.level." + difference.level().name()), plan, difference.condition(),
                    difference.section() == null ? "—" : difference.section(),
                    getTranslation(difference.holds() ? "grading.whatif.holds" : "grading.whatif.holdsNot")));
            list.add(item);
        }
        if (answer.differences().isEmpty()) {
            list.add(new ListItem(getTranslation("grading.whatif.noDifferences")));
        }
        return list;
    }

    /** Every reason: the condition with its numbers, and the plan and section it cites. */
    Component reasons(List<String> reasons, String id) {
        UnorderedList list = new UnorderedList();
        list.setId(id);
        list.addClassName("grade-reasons");
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

    private Component terms(Terms terms) {
        if (terms == null) {
            return new Span();
        }
        String approvals = terms.statementApprovals().isEmpty() ? getTranslation("grading.approval.none")
                : String.join(" → ", terms.statementApprovals().stream()
                        .map(step -> getTranslation("grading.approval." + step.name())).toList());
        Paragraph line = new Paragraph(getTranslation("grading.terms",
                GradingTexts.duration(terms.reportWithin(), t),
                GradingTexts.duration(terms.writtenReportAfterPhoneWithin(), t),
                GradingTexts.duration(terms.firstStatementWithin(), t),
                GradingTexts.duration(terms.reviewAfterSubsidedWithin(), t),
                getTranslation(terms.opensCase() ? "grading.yes" : "grading.no"), approvals));
        line.addClassName("grade-terms");
        line.getStyle().set("font-size", "var(--lumo-font-size-s)");
        return line;
    }

    private static Optional<String> first(Map<String, List<String>> query, String name) {
        return Optional.ofNullable(query.get(name)).filter(values -> !values.isEmpty()).map(List::getFirst);
    }

    private static Optional<Integer> integer(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip())).filter(v -> v >= 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> decimal(String text) {
        try {
            return Optional.of(Double.parseDouble(text.strip())).filter(v -> v >= 0 && v <= 1);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
