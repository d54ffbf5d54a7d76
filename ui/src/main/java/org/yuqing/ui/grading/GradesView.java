package org.yuqing.ui.grading;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.grading.GradingRecords.RecentGrade;
import org.yuqing.ui.i18n.ConsoleTime;
import org.yuqing.ui.layout.ConsoleNotifications;
import org.yuqing.ui.layout.MainLayout;

/**
 * 研判: the recently graded incidents of the user's units, newest change first — level in its colour, category,
 * title, unit, the plan that graded it and when the grade last changed, marked 改定 when an analyst's decision is in
 * force and 升级 when the last change raised the level. A row opens the incident's grade page.
 */
@Route(value = "grades", layout = MainLayout.class)
public class GradesView extends VerticalLayout implements HasDynamicTitle {

    private final GradingClient client;
    private final GradingTexts.Translate t = this::getTranslation;
    private final Grid<RecentGrade> grid = new Grid<>(RecentGrade.class, false);

    GradesView(GradingClient client) {
        this.client = client;
        setSizeFull();
        Button refresh = new Button(getTranslation("grading.grades.refresh"), click -> refresh());
        refresh.setId("grades-refresh");
        HorizontalLayout toolbar = new HorizontalLayout(new H2(getTranslation("grading.grades.heading")));
        Span spacer = new Span();
        toolbar.add(spacer, refresh);
        toolbar.expand(spacer);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("grades-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addComponentColumn(g -> GradingTexts.badge(g.level(), t)).setKey("level")
                .setHeader(getTranslation("grading.grades.column.level")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(g -> getTranslation("grading.category." + g.category().name())).setKey("category")
                .setHeader(getTranslation("grading.grades.column.category")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::title).setKey("title")
                .setHeader(getTranslation("grading.grades.column.title")).setFlexGrow(3);
        grid.addColumn(RecentGrade::unitId).setKey("unit").setHeader(getTranslation("grading.grades.column.unit"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::marks).setKey("marks").setHeader(getTranslation("grading.grades.column.marks"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(g -> g.planId() + " · " + getTranslation("grading.plans.versionNumber", g.planVersion()))
                .setKey("plan").setHeader(getTranslation("grading.grades.column.plan")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(g -> ConsoleTime.format(g.lastChangedAt())).setKey("lastChangedAt")
                .setHeader(getTranslation("grading.grades.column.lastChangedAt")).setWidth("10em").setFlexGrow(0);
        grid.addItemClickListener(click -> click.getSource().getUI()
                .ifPresent(ui -> ui.navigate(IncidentGradeView.path(click.getItem().incidentId()))));
        grid.setSizeFull();
        add(toolbar, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("grading.grades.heading") + " · " + getTranslation("app.name");
    }

    private Component title(RecentGrade grade) {
        String text = grade.title() == null || grade.title().isBlank()
                ? getTranslation("grading.grade.untitled", grade.incidentId()) : grade.title();
        Anchor link = new Anchor(IncidentGradeView.path(grade.incidentId()), text);
        link.setId("grades-open-" + grade.incidentId());
        return link;
    }

    private String marks(RecentGrade grade) {
        StringBuilder marks = new StringBuilder();
        if (grade.overridden()) {
            marks.append(getTranslation("grading.grades.overridden"));
        }
        if (grade.escalated()) {
            marks.append(marks.isEmpty() ? "" : " ").append(getTranslation("grading.grades.escalated"));
        }
        return marks.isEmpty() ? "—" : marks.toString();
    }

    private void refresh() {
        try {
            List<RecentGrade> grades = client.recent();
            grid.setItems(grades);
            grid.setEmptyStateText(getTranslation("grading.grades.empty"));
        } catch (GatewayCallException e) {
            grid.setItems(List.of());
            grid.setEmptyStateText(getTranslation("grading.grades.unavailable", e.userMessage(this::getTranslation)));
            ConsoleNotifications.error(e.userMessage(this::getTranslation));
        }
    }
}
