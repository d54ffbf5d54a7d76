package org.yuqing.ui.statements;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
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
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
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
 * The statement editor ({@code statements/<id>}, or {@code statements/new?case=<id>} for a new draft): the kind with
 * its drafting template (快报事实、慎报原因、重报进展), title and master text, 保存为新版本 (every change is a version and
 * voids the approvals of the earlier text), the versions with the readable diff of any two, every channel's rendition
 * side by side, 提交审批 and — for publishers — 发布, which the service refuses (409, its detail shown) while the
 * approvals the case requires do not bind the current text.
 *
 * <p>The publishing API has no separate "submitted" state: every unpublished statement whose current text still
 * misses an approval waits for the next step in the leaders' inbox. 提交审批 therefore saves the text if it changed
 * and says which step it now waits for.
 */
@Route(value = "statements/:statementId", layout = MainLayout.class)
public class StatementEditorView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String NEW = "new";

    private final PublishingClient client;
    private final PublishingTexts texts;

    private final H2 heading = new H2();
    private final Span meta = new Span();
    private final ProgressBar approvalProgress = new ProgressBar();
    private final Span approvalText = new Span();
    private final Div decisions = new Div();
    private final Select<String> kind = new Select<>();
    private final Paragraph guidance = new Paragraph();
    private final Button applyTemplate = new Button();
    private final TextField title = new TextField();
    private final TextArea master = new TextArea();
    private final Button save = new Button();
    private final Button submit = new Button();
    private final Button release = new Button();
    private final Span status = new Span();
    private final DateTimePicker scheduleAt = new DateTimePicker();
    private final Button schedule = new Button();
    private final Button cancelSchedule = new Button();
    private final Span scheduleInfo = new Span();
    private final HorizontalLayout scheduling;
    private final Span withdrawal = new Span();
    private final Span correction = new Span();
    private final Button retract = new Button();
    private final Button correct = new Button();
    private final boolean publisher;
    private final Grid<StatementVersion> versionGrid = new Grid<>(StatementVersion.class, false);
    private final Select<Integer> diffFrom = new Select<>();
    private final Select<Integer> diffTo = new Select<>();
    private final DiffPanel diff;
    private final RenditionsPanel renditions;
    private final VerticalLayout history = new VerticalLayout();

    private List<StatementTemplate> templates = List.of();
    private String caseId;
    private Statement statement;
    private List<StatementVersion> versions = List.of();
    private StatementTemplate appliedTemplate;
    private boolean populating;

    StatementEditorView(PublishingClient client, ConsoleTranslations translations) {
        this.client = client;
        this.texts = PublishingTexts.of(translations, getLocale());
        this.diff = new DiffPanel("statement-diff", texts);
        this.renditions = new RenditionsPanel("statement-renditions", texts);
        this.publisher = CurrentIdentity.has(Role.PUBLISHER);
        setId("statement-editor");
        setWidthFull();

        heading.setId("statement-heading");
        meta.setId("statement-meta");
        meta.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Button back = new Button(getTranslation("publishing.editor.back"), click -> backToList());
        back.setId("statement-back");
        back.addThemeVariants(ButtonVariant.TERTIARY);
        HorizontalLayout top = new HorizontalLayout(heading, meta, back);
        top.setWidthFull();
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.expand(meta);

        approvalProgress.setId("statement-approval-progress");
        approvalProgress.setWidth("12em");
        approvalText.setId("statement-approvals");
        decisions.setId("statement-decisions");
        HorizontalLayout approvals = new HorizontalLayout(approvalProgress, approvalText);
        approvals.setAlignItems(FlexComponent.Alignment.CENTER);

        kind.setId("statement-kind");
        kind.setLabel(getTranslation("publishing.editor.kind"));
        kind.setItemLabelGenerator(code -> texts.kind(code, template(code).map(StatementTemplate::kindName)
                .orElse(null)));
        kind.addValueChangeListener(change -> kindChosen(change.getValue()));
        guidance.setId("statement-guidance");
        guidance.getStyle().set("background", "var(--lumo-contrast-5pct)").set("padding", "var(--lumo-space-s)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("margin", "0");
        applyTemplate.setText(getTranslation("publishing.editor.applyTemplate"));
        applyTemplate.setId("statement-apply-template");
        applyTemplate.addClickListener(click -> template(kind.getValue()).ifPresent(this::fill));
        HorizontalLayout kindRow = new HorizontalLayout(kind, applyTemplate);
        kindRow.setAlignItems(FlexComponent.Alignment.BASELINE);

        title.setId("statement-title");
        title.setLabel(getTranslation("publishing.editor.title"));
        title.setWidthFull();
        title.setRequired(true);
        master.setId("statement-master");
        master.setLabel(getTranslation("publishing.editor.master"));
        master.setWidthFull();
        master.setMinHeight("14em");
        master.setRequired(true);

        save.setText(getTranslation("publishing.editor.save"));
        save.setId("statement-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(click -> save());
        submit.setText(getTranslation("publishing.editor.submit"));
        submit.setId("statement-submit");
        submit.addClickListener(click -> submit());
        release.setText(getTranslation("publishing.editor.release"));
        release.setId("statement-release");
        release.addThemeVariants(ButtonVariant.SUCCESS);
        release.addClickListener(click -> release());
        release.setVisible(publisher);
        retract.setText(getTranslation("publishing.withdraw.retract"));
        retract.setId("statement-retract");
        retract.addThemeVariants(ButtonVariant.ERROR);
        retract.addClickListener(click -> Withdrawals.retract(client, texts, statement, () -> load(statement.id())));
        correct.setText(getTranslation("publishing.withdraw.correct"));
        correct.setId("statement-correct");
        correct.addClickListener(click -> Withdrawals.correct(client, texts, statement, this::openNotice));
        status.setId("statement-status");
        status.getStyle().set("color", "var(--lumo-error-text-color)");
        HorizontalLayout actions = new HorizontalLayout(save, submit, release, retract, correct, status);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);

        scheduleAt.setId("statement-schedule-at");
        scheduleAt.setLabel(getTranslation("publishing.schedule.at"));
        scheduleAt.setHelperText(getTranslation("publishing.schedule.zone"));
        schedule.setText(getTranslation("publishing.schedule.set"));
        schedule.setId("statement-schedule");
        schedule.addClickListener(click -> schedule());
        cancelSchedule.setText(getTranslation("publishing.schedule.cancel"));
        cancelSchedule.setId("statement-schedule-cancel");
        cancelSchedule.addClickListener(click -> cancelSchedule());
        scheduleInfo.setId("statement-schedule-info");
        scheduling = new HorizontalLayout(scheduleAt, schedule, cancelSchedule, scheduleInfo);
        scheduling.setAlignItems(FlexComponent.Alignment.BASELINE);
        withdrawal.setId("statement-withdrawal");
        withdrawal.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        correction.setId("statement-correction");

        versionGrid.setId("statement-versions");
        versionGrid.addThemeVariants(GridVariant.ROW_STRIPES);
        versionGrid.addColumn(v -> getTranslation("publishing.version", v.version())).setKey("version")
                .setHeader(getTranslation("publishing.column.version")).setAutoWidth(true);
        versionGrid.addColumn(StatementVersion::title).setKey("title")
                .setHeader(getTranslation("publishing.column.title")).setFlexGrow(2);
        versionGrid.addColumn(StatementVersion::editedBy).setKey("editedBy")
                .setHeader(getTranslation("publishing.column.editedBy")).setAutoWidth(true);
        versionGrid.addColumn(v -> ConsoleTime.format(v.editedAt())).setKey("editedAt")
                .setHeader(getTranslation("publishing.column.editedAt")).setAutoWidth(true);
        versionGrid.addColumn(v -> shortHash(v.contentHash()) + (v.current()
                        ? " · " + getTranslation("publishing.versions.current") : ""))
                .setKey("hash").setHeader(getTranslation("publishing.column.hash")).setAutoWidth(true);
        versionGrid.setAllRowsVisible(true);
        diffFrom.setId("statement-diff-from");
        diffFrom.setLabel(getTranslation("publishing.diff.from"));
        diffTo.setId("statement-diff-to");
        diffTo.setLabel(getTranslation("publishing.diff.to"));
        diffFrom.setItemLabelGenerator(n -> getTranslation("publishing.version", n));
        diffTo.setItemLabelGenerator(n -> getTranslation("publishing.version", n));
        diffFrom.addValueChangeListener(change -> showDiffUnlessPopulating());
        diffTo.addValueChangeListener(change -> showDiffUnlessPopulating());
        HorizontalLayout diffChoice = new HorizontalLayout(diffFrom, diffTo);
        history.setPadding(false);
        history.add(new H3(getTranslation("publishing.editor.versions")), versionGrid, diffChoice, diff,
                new H3(getTranslation("publishing.editor.renditions")), renditions);

        add(top, withdrawal, correction, approvals, decisions, kindRow, guidance, title, master, actions, scheduling,
                history);
    }

    @Override
    public String getPageTitle() {
        String name = statement == null ? getTranslation("publishing.editor.newHeading") : statement.title();
        return name + " · " + getTranslation("app.name");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("statementId").orElse(NEW);
        loadTemplates();
        if (NEW.equals(id)) {
            caseId = event.getLocation().getQueryParameters().getSingleParameter("case").orElse(null);
            statement = null;
            showNew();
        } else if (PublishingClient.isId(id)) {
            load(id);
        } else {
            showMissing(getTranslation("error.NOT_FOUND"));
        }
    }

    private void loadTemplates() {
        try {
            templates = client.templates();
            kind.setItems(templates.stream().map(StatementTemplate::kind).toList());
        } catch (GatewayCallException e) {
            templates = List.of();
            ConsoleNotifications.error(e.userMessage(this::getTranslation));
        }
    }

    private Optional<StatementTemplate> template(String code) {
        return templates.stream().filter(t -> Objects.equals(t.kind(), code)).findFirst();
    }

    private void showNew() {
        heading.setText(getTranslation("publishing.editor.newHeading"));
        if (caseId == null || caseId.isBlank()) {
            showMissing(getTranslation("publishing.editor.noCase"));
            return;
        }
        meta.setText(getTranslation("publishing.editor.newMeta", caseTitle(caseId)));
        status.setText("");
        // the view may be reused from another statement: start from an empty text
        appliedTemplate = null;
        title.clear();
        master.clear();
        kind.clear();
        approvalProgress.setVisible(false);
        approvalText.setText(getTranslation("publishing.editor.notSaved"));
        decisions.removeAll();
        history.setVisible(false);
        editable(StatementsView.mayDraft(), true);
        submit.setEnabled(StatementsView.mayDraft());
        release.setEnabled(false);
        hideExtras();
        if (!templates.isEmpty()) {
            // the first kind of a case is the fact report: 快报事实
            kind.setValue(templates.getFirst().kind());
        }
    }

    private String caseTitle(String id) {
        try {
            return client.cases().stream().filter(c -> id.equals(c.id())).findFirst()
                    .map(CaseChoice::title).orElse(id);
        } catch (GatewayCallException e) {
            return id;
        }
    }

    private void showMissing(String message) {
        heading.setText(getTranslation("publishing.editor.missing"));
        meta.setText(message);
        editable(false, false);
        submit.setEnabled(false);
        release.setEnabled(false);
        approvalProgress.setVisible(false);
        history.setVisible(false);
        hideExtras();
    }

    private void hideExtras() {
        scheduling.setVisible(false);
        retract.setVisible(false);
        correct.setVisible(false);
        withdrawal.setVisible(false);
        correction.setVisible(false);
    }

    /** Scheduling (before release), withdrawal (after), and what the statement corrects or was taken back by. */
    private void showExtras(Statement s) {
        boolean open = !s.published();
        scheduling.setVisible(open && publisher);
        scheduleInfo.setText(s.scheduledAt() != null
                ? getTranslation("publishing.schedule.info", ConsoleTime.format(s.scheduledAt()),
                Objects.requireNonNullElse(s.scheduledBy(), ""))
                : s.scheduleRefusal() != null ? getTranslation("publishing.schedule.refused", s.scheduleRefusal())
                : getTranslation("publishing.schedule.none"));
        scheduleInfo.getStyle().set("color", s.scheduledAt() == null && s.scheduleRefusal() != null
                ? "var(--lumo-error-text-color)" : "var(--lumo-body-text-color)");
        cancelSchedule.setEnabled(s.scheduledAt() != null);
        boolean withdrawn = s.withdrawal() != null;
        retract.setVisible(publisher && s.published() && !withdrawn);
        correct.setVisible(publisher && s.published() && !withdrawn);
        withdrawal.setVisible(withdrawn);
        if (withdrawn) {
            Statement.Withdrawal w = s.withdrawal();
            withdrawal.setText(getTranslation("CORRECTION".equals(w.kind()) ? "publishing.withdraw.correctedInfo"
                    : "publishing.withdraw.retractedInfo", Objects.requireNonNullElse(w.reason(), ""),
                    Objects.requireNonNullElse(w.by(), ""), ConsoleTime.format(w.at())));
        }
        correction.setVisible(s.corrects() != null);
        if (s.corrects() != null) {
            correction.setText(getTranslation("publishing.withdraw.noticeInfo",
                    Objects.requireNonNullElse(s.correctionReason(), "")));
        }
    }

    private void openNotice(String noticeId) {
        if (noticeId.isEmpty()) {
            backToList();
        } else {
            getUI().ifPresent(ui -> ui.navigate("statements/" + noticeId));
        }
    }

    private void schedule() {
        if (statement == null) {
            return;
        }
        if (scheduleAt.getValue() == null) {
            scheduleAt.setInvalid(true);
            ConsoleNotifications.error(getTranslation("publishing.schedule.required"));
            return;
        }
        if (dirty()) {
            refusedText(getTranslation("publishing.editor.unsavedRelease"));
            return;
        }
        java.time.Instant at = scheduleAt.getValue().atZone(ConsoleTime.ZONE).toInstant();
        try {
            client.schedule(statement.id(), at);
        } catch (GatewayCallException e) {
            refused(e);
            return;
        }
        load(statement.id());
        ConsoleNotifications.success(getTranslation("publishing.schedule.done", ConsoleTime.format(at)));
    }

    private void cancelSchedule() {
        if (statement == null) {
            return;
        }
        try {
            client.cancelSchedule(statement.id());
        } catch (GatewayCallException e) {
            refused(e);
            return;
        }
        load(statement.id());
        ConsoleNotifications.success(getTranslation("publishing.schedule.cancelled"));
    }

    private void load(String id) {
        try {
            statement = client.statement(id);
            caseId = statement.caseId();
            versions = client.versions(id);
            StatementRenditions r = client.renditions(id);
            showStatement();
            renditions.show(r);
        } catch (GatewayCallException e) {
            statement = null;
            String message = e.userMessage(this::getTranslation);
            showMissing(message);
            ConsoleNotifications.error(message);
        }
    }

    private void showStatement() {
        Statement s = statement;
        heading.setText(s.title());
        int last = versions.isEmpty() ? 0 : versions.getLast().version();
        meta.setText(getTranslation("publishing.editor.meta", texts.kind(s.kind(), s.kindName()),
                texts.state(s.state()), last, shortHash(s.contentHash()), s.createdBy()));
        title.setValue(Objects.requireNonNullElse(s.title(), ""));
        master.setValue(Objects.requireNonNullElse(s.body(), ""));
        appliedTemplate = null;
        kind.setValue(s.kind());
        kind.setReadOnly(true);
        int required = s.requiredApprovals().size();
        approvalProgress.setVisible(required > 0);
        approvalProgress.setValue(required == 0 ? 1 : Math.min(1.0, (double) s.counted().size() / required));
        approvalText.setText(texts.approvals(s));
        showDecisions(s);
        boolean open = !s.published();
        editable(open && StatementsView.mayDraft(), false);
        submit.setEnabled(open && StatementsView.mayDraft());
        release.setEnabled(open);
        status.setText("");
        showExtras(s);
        history.setVisible(true);
        versionGrid.setItems(versions);
        List<Integer> numbers = versions.stream().map(StatementVersion::version).toList();
        populating = true;
        try {
            diffFrom.setItems(numbers);
            diffTo.setItems(numbers);
            diffFrom.setValue(numbers.size() >= 2 ? numbers.get(numbers.size() - 2)
                    : numbers.isEmpty() ? null : numbers.getFirst());
            diffTo.setValue(numbers.isEmpty() ? null : numbers.getLast());
        } finally {
            populating = false;
        }
        if (numbers.size() >= 2) {
            showDiff();
        } else {
            diff.notice(getTranslation("publishing.diff.single"));
        }
    }

    private void showDiffUnlessPopulating() {
        if (!populating) {
            showDiff();
        }
    }

    private void showDecisions(Statement s) {
        decisions.removeAll();
        for (Statement.Approval a : s.approvals()) {
            String key = "APPROVE".equals(a.decision()) ? "publishing.decision.approved" : "publishing.decision.rejected";
            String line = getTranslation(key, texts.step(a.step(), a.stepName()), a.approver(),
                    ConsoleTime.format(a.at()))
                    + (a.comment() == null ? "" : getTranslation("publishing.decision.comment", a.comment()))
                    + (a.counts() || !"APPROVE".equals(a.decision()) ? "" : getTranslation("publishing.decision.void"));
            Span decision = new Span(line);
            decision.addClassName("APPROVE".equals(a.decision()) ? "decision-approve" : "decision-reject");
            decision.getStyle().set("display", "block");
            if (!a.counts() && "APPROVE".equals(a.decision())) {
                decision.getStyle().set("text-decoration", "line-through")
                        .set("color", "var(--lumo-secondary-text-color)");
            }
            decisions.add(decision);
        }
    }

    private void editable(boolean editable, boolean newStatement) {
        kind.setReadOnly(!(editable && newStatement));
        applyTemplate.setVisible(editable);
        title.setReadOnly(!editable);
        master.setReadOnly(!editable);
        save.setEnabled(editable);
    }

    /** A new draft follows the template of the chosen kind until the drafter writes something of their own. */
    private void kindChosen(String code) {
        Optional<StatementTemplate> chosen = template(code);
        guidance.setText(chosen.map(t -> getTranslation("publishing.editor.guidance", t.guidance()))
                .orElse(getTranslation("publishing.editor.rule")));
        if (statement == null && chosen.isPresent() && untouched()) {
            fill(chosen.get());
        }
    }

    private boolean untouched() {
        boolean empty = title.getValue().isBlank() && master.getValue().isBlank();
        boolean asTemplate = appliedTemplate != null && title.getValue().equals(appliedTemplate.title())
                && master.getValue().equals(appliedTemplate.body());
        return empty || asTemplate;
    }

    private void fill(StatementTemplate t) {
        title.setValue(t.title());
        master.setValue(t.body());
        appliedTemplate = t;
    }

    private boolean dirty() {
        return statement == null || !Objects.equals(title.getValue(), statement.title())
                || !Objects.equals(master.getValue(), statement.body());
    }

    /** Saves the text: a new draft, or a new version of this one. */
    private boolean save() {
        if (title.getValue().isBlank() || master.getValue().isBlank()) {
            title.setInvalid(title.getValue().isBlank());
            master.setInvalid(master.getValue().isBlank());
            ConsoleNotifications.error(getTranslation("publishing.editor.required"));
            return false;
        }
        title.setInvalid(false);
        master.setInvalid(false);
        try {
            if (statement == null) {
                if (kind.getValue() == null) {
                    ConsoleNotifications.error(getTranslation("publishing.editor.kindRequired"));
                    return false;
                }
                Optional<String> id = client.draft(caseId, kind.getValue(), title.getValue(), master.getValue());
                ConsoleNotifications.success(getTranslation("publishing.editor.saved", 1));
                id.ifPresentOrElse(created -> getUI().ifPresent(ui -> ui.navigate("statements/" + created)),
                        this::backToList);
                return true;
            }
            if (!dirty()) {
                ConsoleNotifications.success(getTranslation("publishing.editor.unchanged"));
                return true;
            }
            int before = versions.size();
            boolean hadApprovals = !statement.counted().isEmpty();
            client.edit(statement.id(), title.getValue(), master.getValue());
            load(statement.id());
            if (versions.size() > before) {
                ConsoleNotifications.success(getTranslation(hadApprovals ? "publishing.editor.savedVoiding"
                        : "publishing.editor.saved", versions.getLast().version()));
            } else {
                ConsoleNotifications.success(getTranslation("publishing.editor.unchanged"));
            }
            return true;
        } catch (GatewayCallException e) {
            refused(e);
            return false;
        }
    }

    /** Saves a changed text, then says what the statement now waits for (the inbox lists it from then on). */
    private void submit() {
        if (statement == null || dirty()) {
            boolean fresh = statement == null;
            if (!save() || fresh) {
                // a new draft opens in its own editor, which shows the step it waits for
                return;
            }
        } else {
            load(statement.id());
        }
        if (statement == null) {
            return;
        }
        if (statement.returned()) {
            ConsoleNotifications.error(getTranslation("publishing.editor.stillReturned"));
        } else if (statement.awaitsApproval()) {
            ConsoleNotifications.success(getTranslation("publishing.editor.submitted",
                    texts.step(statement.nextStep(), null)));
        } else if (!statement.published()) {
            ConsoleNotifications.success(getTranslation("publishing.editor.readyToRelease"));
        }
    }

    private void release() {
        if (statement == null) {
            return;
        }
        if (dirty()) {
            String message = getTranslation("publishing.editor.unsavedRelease");
            status.setText(message);
            ConsoleNotifications.error(message);
            return;
        }
        try {
            client.publish(statement.id());
        } catch (GatewayCallException e) {
            refused(e);
            return;
        }
        load(statement.id());
        ConsoleNotifications.success(getTranslation("publishing.editor.released"));
    }

    private void refused(GatewayCallException e) {
        refusedText(e.userMessage(this::getTranslation));
    }

    private void refusedText(String message) {
        status.setText(message);
        ConsoleNotifications.error(message);
    }

    private void showDiff() {
        Integer from = diffFrom.getValue();
        Integer to = diffTo.getValue();
        if (statement == null || from == null || to == null) {
            return;
        }
        try {
            diff.show(client.diff(statement.id(), from, to));
        } catch (GatewayCallException e) {
            diff.notice(e.userMessage(this::getTranslation));
        }
    }

    private void backToList() {
        getUI().ifPresent(ui -> ui.navigate("statements",
                caseId == null ? QueryParameters.empty() : QueryParameters.simple(Map.of("case", caseId))));
    }

    static String shortHash(String hash) {
        return hash == null ? "" : hash.substring(0, Math.min(12, hash.length()));
    }
}
