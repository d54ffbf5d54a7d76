package org.yuqing.ui.statements;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import org.yuqing.security.Role;
import org.yuqing.ui.gateway.CurrentIdentity;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.i18n.ConsoleTime;
import org.yuqing.ui.i18n.ConsoleTranslations;
import org.yuqing.ui.layout.ConsoleNotifications;
import org.yuqing.ui.layout.MainLayout;

/**
 * 口径发布: the statements of one case (chosen above the list; {@code statements?case=<id>} opens it) with kind, state,
 * the number of text versions and the approvals so far. A row opens the editor; 新建口径 drafts one for the case.
 */
@Route(value = "statements", layout = MainLayout.class)
public class StatementsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final PublishingClient client;
    private final PublishingTexts texts;
    private final ComboBox<CaseChoice> caseChoice = new ComboBox<>();
    private final Grid<Row> grid = new Grid<>(Row.class, false);
    private final Span status = new Span();
    private final Button create = new Button();
    private boolean loadingCases;

    /**
     * One statement with what the list shows beyond the summary.
     *
     * @param summary   the summary
     * @param caseTitle its case's title
     * @param versions  how many versions its text has, 0 when unknown
     * @param approvals the approvals so far, as text
     */
    record Row(StatementSummary summary, String caseTitle, int versions, String approvals) {
    }

    StatementsView(PublishingClient client, ConsoleTranslations translations) {
        this.client = client;
        this.texts = PublishingTexts.of(translations, getLocale());
        setId("statements-view");
        setSizeFull();

        caseChoice.setId("statements-case");
        caseChoice.setLabel(getTranslation("publishing.statements.case"));
        caseChoice.setItemLabelGenerator(this::caseLabel);
        caseChoice.setWidth("28em");
        caseChoice.addValueChangeListener(change -> {
            if (!loadingCases) {
                refresh();
            }
        });
        create.setText(getTranslation("publishing.statements.new"));
        create.setId("statements-new");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(click -> Optional.ofNullable(caseChoice.getValue()).ifPresent(c ->
                getUI().ifPresent(ui -> ui.navigate("statements/new",
                        QueryParameters.simple(Map.of("case", c.id()))))));
        create.setVisible(mayDraft());
        Button refresh = new Button(getTranslation("publishing.refresh"), click -> refresh());
        refresh.setId("statements-refresh");
        status.setId("statements-status");

        HorizontalLayout toolbar = new HorizontalLayout(new H2(getTranslation("publishing.statements.heading")),
                caseChoice, status, create, refresh);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(status);

        grid.setId("statements-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(row -> row.summary().title()).setKey("title")
                .setHeader(getTranslation("publishing.column.title")).setFlexGrow(3);
        grid.addColumn(row -> texts.kind(row.summary().kind(), row.summary().kindName())).setKey("kind")
                .setHeader(getTranslation("publishing.column.kind")).setAutoWidth(true);
        grid.addColumn(Row::caseTitle).setKey("case").setHeader(getTranslation("publishing.column.case"))
                .setFlexGrow(2);
        grid.addColumn(row -> texts.state(row.summary().state())).setKey("state")
                .setHeader(getTranslation("publishing.column.state")).setAutoWidth(true);
        grid.addColumn(row -> row.versions() == 0 ? "—" : getTranslation("publishing.version", row.versions()))
                .setKey("version").setHeader(getTranslation("publishing.column.version")).setAutoWidth(true);
        grid.addColumn(Row::approvals).setKey("approvals").setHeader(getTranslation("publishing.column.approvals"))
                .setAutoWidth(true);
        grid.addColumn(row -> ConsoleTime.format(row.summary().updatedAt())).setKey("updated")
                .setHeader(getTranslation("publishing.column.updated")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("publishing.statements.empty"));
        grid.addItemClickListener(click -> getUI().ifPresent(ui ->
                ui.navigate("statements/" + click.getItem().summary().id())));
        grid.setSizeFull();

        add(toolbar, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("publishing.statements.heading") + " · " + getTranslation("app.name");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String wanted = event.getLocation().getQueryParameters().getSingleParameter("case").orElse(null);
        loadCases(wanted);
        refresh();
    }

    static boolean mayDraft() {
        return CurrentIdentity.has(Role.PUBLISHER) || CurrentIdentity.has(Role.UNIT_HANDLER)
                || CurrentIdentity.has(Role.ANALYST);
    }

    private String caseLabel(CaseChoice c) {
        String level = c.level() == null ? "" : texts.text("publishing.caseLevel", texts.level(c.level(),
                c.levelName()));
        return (c.title() == null ? c.id() : c.title()) + level;
    }

    private void loadCases(String wanted) {
        loadingCases = true;
        try {
            List<CaseChoice> cases = client.cases();
            caseChoice.setItems(cases);
            CaseChoice chosen = cases.stream().filter(c -> c.id().equals(wanted)).findFirst()
                    .orElse(cases.isEmpty() ? null : cases.getFirst());
            caseChoice.setValue(chosen);
        } catch (GatewayCallException e) {
            ConsoleNotifications.error(e.userMessage(this::getTranslation));
        } finally {
            loadingCases = false;
        }
    }

    private void refresh() {
        CaseChoice chosen = caseChoice.getValue();
        create.setEnabled(chosen != null);
        if (chosen == null) {
            grid.setItems(List.of());
            status.setText(getTranslation("publishing.statements.chooseCase"));
            return;
        }
        try {
            List<Row> rows = new ArrayList<>();
            for (StatementSummary s : client.statements(chosen.id())) {
                rows.add(row(s, chosen));
            }
            grid.setItems(rows);
            grid.setEmptyStateText(getTranslation("publishing.statements.empty"));
            status.setText(getTranslation("publishing.statements.status", rows.size()));
        } catch (GatewayCallException e) {
            grid.setItems(List.of());
            String message = e.userMessage(this::getTranslation);
            grid.setEmptyStateText(getTranslation("publishing.unavailable", message));
            status.setText("");
            ConsoleNotifications.error(message);
        }
    }

    private Row row(StatementSummary s, CaseChoice c) {
        Statement full = client.statement(s.id());
        int versions = client.versions(s.id()).size();
        return new Row(s, c.title(), versions, texts.approvals(full));
    }
}
