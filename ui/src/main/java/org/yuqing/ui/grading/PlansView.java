package org.yuqing.ui.grading;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
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
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.Level;
import org.yuqing.security.Caller;
import org.yuqing.ui.gateway.CurrentIdentity;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.grading.GradingRecords.PlanAssignment;
import org.yuqing.ui.grading.GradingRecords.PlanError;
import org.yuqing.ui.grading.GradingRecords.PlanSummary;
import org.yuqing.ui.grading.GradingRecords.PlanVersion;
import org.yuqing.ui.grading.GradingRecords.UnitName;
import org.yuqing.ui.i18n.ConsoleTime;
import org.yuqing.ui.layout.ConsoleNotifications;
import org.yuqing.ui.layout.MainLayout;
import tools.jackson.databind.JsonNode;

/**
 * 预案管理: the stored plans with their source, current version and the units of the user's scope they are assigned
 * to. A selected plan shows its levels in their colours with the conditions (each citing its plan section), the
 * deadlines and approvals of each level, and its version history; any version can be shown and downloaded as YAML or
 * JSON. Administrators edit the plan as YAML: 校验 checks it as saving would, 保存为新版本 stores it as the next version;
 * a refused document lists every error with its path and line ({@code plan-errors}) and nothing is saved. They also
 * import a plan file and assign the plan to a unit of their scope. Everyone else sees the same page read-only.
 */
@Route(value = "plans", layout = MainLayout.class)
public class PlansView extends VerticalLayout implements HasDynamicTitle {

    private static final int MAX_IMPORT_BYTES = 256 * 1024;

    private final GradingClient client;
    private final boolean admin = CurrentIdentity.isAdmin();
    private final GradingTexts.Translate t = this::getTranslation;

    private final Grid<PlanSummary> grid = new Grid<>(PlanSummary.class, false);
    private final VerticalLayout detail = new VerticalLayout();
    private final H3 title = new H3();
    private final Div levels = new Div();
    private final Grid<PlanVersion> versions = new Grid<>(PlanVersion.class, false);
    private final TextArea editor = new TextArea();
    private final Span status = new Span();
    private final Div errors = new Div();
    private final Select<String> assignUnit = new Select<>();
    private final Anchor exportYaml;
    private final Anchor exportJson;

    private List<PlanAssignment> assignments = List.of();
    private Map<String, String> unitNames = Map.of();
    private String shownPlan;
    private int shownVersion;

    PlansView(GradingClient client) {
        this.client = client;
        setSizeFull();

        Button refresh = new Button(getTranslation("grading.plans.refresh"), click -> refresh());
        refresh.setId("plans-refresh");
        HorizontalLayout toolbar = new HorizontalLayout(new H2(getTranslation("grading.plans.heading")));
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        Span spacer = new Span();
        toolbar.add(spacer);
        toolbar.expand(spacer);
        if (admin) {
            toolbar.add(importUpload());
        }
        toolbar.add(refresh);

        grid.setId("plans-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(PlanSummary::name).setKey("name").setHeader(getTranslation("grading.plans.column.name"))
                .setFlexGrow(2);
        grid.addColumn(p -> p.source() == null ? "—" : p.source()).setKey("source")
                .setHeader(getTranslation("grading.plans.column.source")).setFlexGrow(3);
        grid.addColumn(p -> getTranslation("grading.plans.versionNumber", p.version())).setKey("version")
                .setHeader(getTranslation("grading.plans.column.version")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::assignedUnits).setKey("units").setHeader(getTranslation("grading.plans.column.units"))
                .setFlexGrow(1);
        grid.setEmptyStateText(getTranslation("grading.plans.empty"));
        grid.setHeight("16em");
        grid.asSingleSelect().addValueChangeListener(change -> {
            if (change.getValue() != null) {
                show(change.getValue().id(), change.getValue().version());
            }
        });

        exportYaml = new Anchor(download("yaml"), getTranslation("grading.plans.exportYaml"));
        exportYaml.setId("plan-export-yaml");
        exportJson = new Anchor(download("json"), getTranslation("grading.plans.exportJson"));
        exportJson.setId("plan-export-json");

        buildDetail();
        add(toolbar, grid, detail);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("grading.plans.heading") + " · " + getTranslation("app.name");
    }

    private void buildDetail() {
        detail.setId("plan-detail");
        detail.setPadding(false);
        detail.setVisible(false);
        title.setId("plan-title");
        levels.setId("plan-levels");
        levels.setWidthFull();

        versions.setId("plan-versions");
        versions.addColumn(v -> getTranslation("grading.plans.versionNumber", v.version())).setKey("version")
                .setHeader(getTranslation("grading.plans.column.version")).setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(PlanVersion::name).setKey("name").setHeader(getTranslation("grading.plans.column.name"));
        versions.addColumn(v -> ConsoleTime.format(v.createdAt())).setKey("createdAt")
                .setHeader(getTranslation("grading.plans.column.createdAt")).setAutoWidth(true).setFlexGrow(0);
        versions.setAllRowsVisible(true);
        versions.asSingleSelect().addValueChangeListener(change -> {
            if (change.isFromClient() || change.getValue() != null && change.getValue().version() != shownVersion) {
                Optional.ofNullable(change.getValue()).ifPresent(v -> showVersion(v.planId(), v.version()));
            }
        });

        editor.setId("plan-editor");
        editor.setLabel(getTranslation(admin ? "grading.plans.editor" : "grading.plans.editorReadOnly"));
        editor.setWidthFull();
        editor.setMinHeight("20em");
        editor.setMaxHeight("40em");
        editor.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        editor.setReadOnly(!admin);
        status.setId("plan-status");
        errors.setId("plan-errors");
        errors.setVisible(false);
        errors.getStyle().set("color", "var(--lumo-error-text-color)");

        HorizontalLayout exports = new HorizontalLayout(exportYaml, exportJson);
        detail.add(title, levels, new H4(getTranslation("grading.plans.versions")), versions, exports);
        detail.add(editor);
        if (admin) {
            Button validate = new Button(getTranslation("grading.plans.validate"), click -> validate());
            validate.setId("plan-validate");
            Button save = new Button(getTranslation("grading.plans.save"), click -> save());
            save.setId("plan-save");
            save.addThemeVariants(ButtonVariant.PRIMARY);
            HorizontalLayout actions = new HorizontalLayout(validate, save, status);
            actions.setAlignItems(FlexComponent.Alignment.BASELINE);
            detail.add(actions, errors, assignment());
        } else {
            detail.add(errors);
        }
    }

    private Component assignment() {
        assignUnit.setId("plan-assign-unit");
        assignUnit.setLabel(getTranslation("grading.plans.assignUnit"));
        assignUnit.setItemLabelGenerator(unit -> unitNames.getOrDefault(unit, unit));
        Button assign = new Button(getTranslation("grading.plans.assign"), click -> assign());
        assign.setId("plan-assign");
        HorizontalLayout row = new HorizontalLayout(assignUnit, assign);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private Upload importUpload() {
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) ->
                importDocument(metadata.fileName(), new String(bytes, StandardCharsets.UTF_8))));
        upload.setId("plan-import");
        upload.setAcceptedFileTypes(".yaml", ".yml", ".json", "application/yaml", "application/json");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_IMPORT_BYTES);
        upload.setUploadButton(new Button(getTranslation("grading.plans.import")));
        upload.setDropLabel(new Span(getTranslation("grading.plans.importDrop")));
        return upload;
    }

    private void refresh() {
        try {
            List<PlanSummary> plans = client.plans();
            assignments = client.assignments();
            grid.setItems(plans);
            grid.setEmptyStateText(getTranslation("grading.plans.empty"));
            if (admin) {
                loadUnits();
            }
            if (shownPlan != null) {
                plans.stream().filter(p -> p.id().equals(shownPlan)).findFirst().ifPresent(grid::select);
            }
        } catch (GatewayCallException e) {
            grid.setItems(List.of());
            grid.setEmptyStateText(getTranslation("grading.plans.unavailable", e.userMessage(this::getTranslation)));
            ConsoleNotifications.error(e.userMessage(this::getTranslation));
        }
    }

    private void loadUnits() {
        Set<String> scope = new TreeSet<>(CurrentIdentity.caller().map(Caller::unitScope).orElse(Set.of()));
        Map<String, String> names = new LinkedHashMap<>();
        try {
            for (UnitName unit : client.units()) {
                names.put(unit.id(), unit.name());
            }
        } catch (GatewayCallException e) {
            // Names only decorate the selector: without them it shows the unit codes.
        }
        unitNames = names;
        assignUnit.setItems(scope);
    }

    private String assignedUnits(PlanSummary plan) {
        List<String> units = assignments.stream().filter(a -> plan.id().equals(a.planId()))
                .map(a -> unitNames.getOrDefault(a.unitId(), a.unitId())).sorted().toList();
        return units.isEmpty() ? "—" : String.join("、", units);
    }

    /** Shows the latest version of a plan. */
    private void show(String planId, int version) {
        showVersion(planId, version);
    }

    private void showVersion(String planId, int version) {
        try {
            JsonNode plan = client.plan(planId, version);
            List<PlanVersion> history = client.versions(planId);
            shownPlan = planId;
            shownVersion = version;
            title.setText(getTranslation("grading.plans.title", plan.path("name").asString(), version));
            levels.removeAll();
            levels.add(new Paragraph(plan.path("source").asString("")));
            for (JsonNode level : plan.path("levels")) {
                levels.add(level(level));
            }
            versions.setItems(history);
            history.stream().filter(v -> v.version() == version).findFirst().ifPresent(versions::select);
            editor.setValue(PlanYaml.toYaml(plan));
            clearErrors();
            status.setText("");
            detail.setVisible(true);
        } catch (GatewayCallException e) {
            ConsoleNotifications.error(e.userMessage(this::getTranslation));
        }
    }

    /** One level: coloured name, section and summary, its conditions and its terms. */
    private Component level(JsonNode level) {
        Level name = Level.valueOf(level.path("level").asString());
        Div box = new Div();
        box.setId("plan-level-" + name.name());
        box.addClassName("plan-level");
        box.getStyle().set("border-left", "0.4em solid " + GradingTexts.background(name))
                .set("padding", "0.25em 0.75em").set("margin-bottom", "0.75em");
        Span section = new Span(level.path("section").asString(""));
        section.getStyle().set("margin-inline-start", "0.5em").set("color", "var(--lumo-secondary-text-color)");
        Div head = new Div(GradingTexts.badge(name, t), section);
        Paragraph summary = new Paragraph(level.path("summary").asString(""));
        summary.getStyle().set("margin", "0.25em 0");

        UnorderedList conditions = new UnorderedList();
        conditions.addClassName("plan-conditions");
        for (JsonNode condition : level.path("conditions")) {
            String cited = condition.path("section").asString("");
            ListItem item = new ListItem(GradingTexts.condition(condition, t)
                    + (cited.isEmpty() ? "" : getTranslation("grading.plans.cites", cited)));
            item.addClassName("plan-condition");
            conditions.add(item);
        }
        if (level.path("conditions").isEmpty()) {
            conditions.add(new ListItem(getTranslation("grading.plans.noConditions")));
        }
        box.add(head, summary, conditions, terms(level.path("terms")));
        return box;
    }

    private Component terms(JsonNode terms) {
        List<String> approvals = new ArrayList<>();
        for (JsonNode step : terms.path("statementApprovals")) {
            approvals.add(getTranslation("grading.approval." + ApprovalStep.valueOf(step.asString()).name()));
        }
        Paragraph line = new Paragraph(getTranslation("grading.terms",
                GradingTexts.duration(terms.path("reportWithin").asString(null), t),
                GradingTexts.duration(terms.path("writtenReportAfterPhoneWithin").asString(null), t),
                GradingTexts.duration(terms.path("firstStatementWithin").asString(null), t),
                GradingTexts.duration(terms.path("reviewAfterSubsidedWithin").asString(null), t),
                getTranslation(terms.path("opensCase").asBoolean() ? "grading.yes" : "grading.no"),
                approvals.isEmpty() ? getTranslation("grading.approval.none") : String.join(" → ", approvals)));
        line.addClassName("plan-terms");
        line.getStyle().set("margin", "0.25em 0").set("font-size", "var(--lumo-font-size-s)");
        return line;
    }

    /** The editor's YAML as JSON, or the syntax error listed; empty when it is not YAML. */
    private Optional<String> document() {
        clearErrors();
        try {
            return Optional.of(PlanYaml.toJson(editor.getValue()));
        } catch (PlanYaml.SyntaxError e) {
            showErrors(List.of(new PlanError("", "YAML", getTranslation("grading.plans.yamlError", e.getMessage()))),
                    e.line());
            status.setText(getTranslation("grading.plans.notSaved"));
            return Optional.empty();
        }
    }

    private void validate() {
        document().ifPresent(json -> {
            try {
                client.validate(shownPlan, json);
                status.setText(getTranslation("grading.plans.valid"));
            } catch (GatewayCallException e) {
                refused(e);
            }
        });
    }

    private void save() {
        document().ifPresent(json -> {
            try {
                client.save(shownPlan, json);
                int saved = client.versions(shownPlan).stream().mapToInt(PlanVersion::version).max().orElse(0);
                String planId = shownPlan;
                refresh();
                showVersion(planId, saved);
                status.setText(getTranslation("grading.plans.saved", saved));
                ConsoleNotifications.success(getTranslation("grading.plans.saved", saved));
            } catch (GatewayCallException e) {
                refused(e);
                status.setText(getTranslation("grading.plans.notSaved"));
            }
        });
    }

    /** Imports an uploaded plan file; a refused file is put into the editor with its errors listed. */
    void importDocument(String fileName, String text) {
        String json;
        try {
            json = fileName != null && fileName.toLowerCase().endsWith(".json") ? text : PlanYaml.toJson(text);
        } catch (PlanYaml.SyntaxError e) {
            detail.setVisible(true);
            editor.setValue(text);
            showErrors(List.of(new PlanError("", "YAML", getTranslation("grading.plans.yamlError", e.getMessage()))),
                    e.line());
            return;
        }
        try {
            client.importPlan(json);
            String planId = PlanYaml.tree(json).path("id").asString();
            refresh();
            int version = client.versions(planId).stream().mapToInt(PlanVersion::version).max().orElse(1);
            showVersion(planId, version);
            String message = getTranslation("grading.plans.imported", planId, version);
            status.setText(message);
            ConsoleNotifications.success(message);
        } catch (GatewayCallException e) {
            detail.setVisible(true);
            editor.setValue(text);
            refused(e);
        }
    }

    private void refused(GatewayCallException e) {
        List<PlanError> found = PlanErrors.of(e);
        if (found.isEmpty()) {
            ConsoleNotifications.error(e.userMessage(this::getTranslation));
        } else {
            showErrors(found, 0);
            status.setText(e.userMessage(this::getTranslation));
        }
    }

    private void showErrors(List<PlanError> found, int syntaxLine) {
        errors.removeAll();
        UnorderedList list = new UnorderedList();
        for (PlanError error : found) {
            int line = syntaxLine > 0 ? syntaxLine
                    : PlanYaml.lineOf(editor.getValue(), error.path()).orElse(0);
            String where = error.path().isEmpty() ? getTranslation("grading.plans.errorDocument") : error.path();
            String text = line > 0 ? getTranslation("grading.plans.errorAtLine", where, line, error.message())
                    : getTranslation("grading.plans.error", where, error.message());
            ListItem item = new ListItem(text);
            item.addClassName("plan-error");
            item.getElement().setAttribute("data-path", error.path());
            list.add(item);
        }
        errors.add(list);
        errors.setVisible(true);
    }

    private void clearErrors() {
        errors.removeAll();
        errors.setVisible(false);
    }

    private void assign() {
        String unit = assignUnit.getValue();
        if (unit == null || shownPlan == null) {
            assignUnit.setInvalid(true);
            assignUnit.setErrorMessage(getTranslation("grading.plans.assignUnitRequired"));
            return;
        }
        assignUnit.setInvalid(false);
        Map<String, String> topics = assignments.stream().filter(a -> a.unitId().equals(unit)).findFirst()
                .map(PlanAssignment::topicOverrides).orElse(Map.of());
        try {
            client.assign(unit, shownPlan, topics);
            String message = getTranslation("grading.plans.assigned", unitNames.getOrDefault(unit, unit), title.getText());
            refresh();
            ConsoleNotifications.success(message);
        } catch (GatewayCallException e) {
            ConsoleNotifications.error(e.userMessage(this::getTranslation));
        }
    }

    private DownloadHandler download(String format) {
        return DownloadHandler.fromInputStream(event -> exportResponse(format));
    }

    /** The shown version as a download of {@code format}; the grading service records the export. */
    DownloadResponse exportResponse(String format) {
        if (shownPlan == null) {
            return DownloadResponse.error(404);
        }
        try {
            byte[] bytes = client.export(shownPlan, shownVersion, format).getBytes(StandardCharsets.UTF_8);
            String type = format.equals("yaml") ? "application/yaml" : "application/json";
            return new DownloadResponse(new ByteArrayInputStream(bytes), shownPlan + "-v" + shownVersion + "." + format,
                    type + ";charset=UTF-8", bytes.length);
        } catch (GatewayCallException e) {
            return DownloadResponse.error(502);
        }
    }

    /** For tests: the levels shown, in order. */
    List<Level> shownLevels() {
        return levels.getChildren().filter(c -> c.getId().orElse("").startsWith("plan-level-"))
                .map(c -> Level.valueOf(c.getId().orElseThrow().substring("plan-level-".length())))
                .sorted(Comparator.naturalOrder()).toList();
    }
}
