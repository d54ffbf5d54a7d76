package org.yuqing.ui.cases;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.shared.Registration;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.i18n.ConsoleTime;
import org.yuqing.ui.i18n.ConsoleTranslations;
import org.yuqing.ui.layout.ConsoleNotifications;
import org.yuqing.ui.layout.MainLayout;

/**
 * 案件详情: one case. The header (level, category, state, responsible unit, the units working on it, the assignees
 * with the 指派 dialog); the moves the workflow allows now as buttons (a refusal is shown as casework explains it); the
 * deadline clocks counting down; the incident's heat as monitoring measured it (a table of the latest figures); the
 * grade of the incident and its reasons from grading (linked to grading's page of the incident); reports (phone and
 * written), tasks (give, complete), the timeline, comments, attachments (upload; download checked against the
 * SHA-256 recorded at upload), the generated documents and the accountability ledger's verification. Countdowns are
 * re-rendered by a poll every 30 seconds; everything else is re-read after each change.
 */
@Route(value = "cases/:caseId", layout = MainLayout.class)
public class CaseView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** The documents casework renders for a case, by their path names. */
    static final List<String> DOCUMENT_KINDS = List.of("registration", "special-report", "review");
    /** The formats each document comes in. */
    static final List<String> DOCUMENT_FORMATS = List.of("pdf", "docx");

    private static final int COUNTDOWN_POLL_MILLIS = 30_000;
    private static final int MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
    private static final Duration DEFAULT_TASK_TIME = Duration.ofHours(2);
    /** The heat table shows at most this many of the latest measurements. */
    static final int MAX_HEAT_ROWS = 24;

    private final CaseClient client;
    private final ConsoleTranslations translations;
    private final Clock clock;
    private final Div content = new Div();
    private final Div clocks = new Div();
    private final Div tasksList = new Div();
    private String caseId;
    private CaseDetail detail;
    private Registration countdownPoll;

    CaseView(CaseClient client, ConsoleTranslations translations, Clock clock) {
        this.client = client;
        this.translations = translations;
        this.clock = clock;
        setId("case-view");
        setWidthFull();
        RouterLink back = new RouterLink(getTranslation("casework.case.back"), CasesView.class);
        back.setId("case-back");
        content.setWidthFull();
        add(back, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        caseId = event.getRouteParameters().get("caseId").orElse("");
        load();
    }

    @Override
    public String getPageTitle() {
        String title = detail == null ? getTranslation("casework.case.heading") : detail.title();
        return title + " · " + getTranslation("app.name");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(COUNTDOWN_POLL_MILLIS);
        countdownPoll = event.getUI().addPollListener(poll -> renderCountdowns());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (countdownPoll != null) {
            countdownPoll.remove();
            countdownPoll = null;
        }
    }

    /** Re-reads the case and draws the page; an unknown or unreadable case shows why instead. */
    private void load() {
        content.removeAll();
        try {
            detail = client.detail(caseId);
        } catch (IllegalArgumentException notAnId) {
            detail = null;
            failed(getTranslation("error.NOT_FOUND"));
            return;
        } catch (GatewayCallException e) {
            detail = null;
            failed(e.userMessage(this::getTranslation));
            return;
        }
        content.add(header(), transitions());
        clocks.setId("case-clocks");
        content.add(section("casework.section.clocks", clocks));
        renderClocks();
        content.add(section("casework.section.heat", heat()),
                section("casework.section.grade", grade()),
                section("casework.section.reports", reportForm("phone", "PHONE"), reportForm("written", "WRITTEN")),
                section("casework.section.tasks", tasks()),
                section("casework.section.timeline", timeline()),
                section("casework.section.comments", comments()),
                section("casework.section.attachments", attachments()),
                section("casework.section.documents", documents()),
                section("casework.section.ledger", ledger()));
        UI.getCurrent().getPage().setTitle(getPageTitle());
    }

    private void failed(String message) {
        Paragraph error = new Paragraph(getTranslation("casework.case.unavailable", message));
        error.setId("case-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        content.add(new H2(getTranslation("casework.case.heading")), error);
        ConsoleNotifications.error(message);
    }

    private Component header() {
        H2 title = new H2(detail.title());
        title.setId("case-title");
        title.getStyle().set("margin", "0");
        FlexLayout facts = new FlexLayout(
                fact("case-level", "casework.field.level",
                        CaseVisuals.levelBadge(detail.level(), levelName(detail.level(), detail.levelName()))),
                fact("case-category", "casework.field.category",
                        new Span(named("casework.category.", detail.category(), detail.categoryName()))),
                fact("case-state", "casework.field.state",
                        new Span(named("casework.state.", detail.state(), detail.stateName()))),
                fact("case-unit", "casework.field.unit", new Span(detail.unitId())),
                fact("case-units", "casework.field.units", new Span(String.join("、", detail.workingUnits()))),
                assigneesFact(),
                fact("case-opened", "casework.field.openedAt", new Span(ConsoleTime.format(detail.openedAt()))));
        facts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        facts.getStyle().set("gap", "0.5rem 1.5rem");
        Div header = new Div(title, facts);
        header.setId("case-header");
        header.setWidthFull();
        return header;
    }

    private Div assigneesFact() {
        Span people = new Span(detail.assignees().isEmpty() ? getTranslation("casework.assignees.none")
                : String.join("、", detail.assignees().stream()
                .map(a -> getTranslation("casework.assignees.person", a.login(), a.unitId())).toList()));
        people.setId("case-assignees-text");
        Button assign = new Button(getTranslation("casework.assign.open"), click -> openAssignDialog());
        assign.setId("case-assign");
        assign.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        Div fact = fact("case-assignees", "casework.field.assignees", people);
        fact.add(assign);
        return fact;
    }

    /**
     * 指派经办人: the current assignees, each removable, and one more to add (login and the unit they act for, the
     * case's unit by default); saving replaces the case's assignees with the list.
     */
    private void openAssignDialog() {
        Dialog dialog = new Dialog();
        dialog.setId("case-assign-dialog");
        dialog.setHeaderTitle(getTranslation("casework.assign.heading"));
        List<Assignee> kept = new ArrayList<>(detail.assignees());
        Div current = new Div();
        current.setId("case-assign-current");
        Runnable[] render = new Runnable[1];
        render[0] = () -> {
            current.removeAll();
            if (kept.isEmpty()) {
                current.add(new Paragraph(getTranslation("casework.assignees.none")));
            }
            for (Assignee a : List.copyOf(kept)) {
                Button remove = new Button(getTranslation("casework.assign.remove"), click -> {
                    kept.remove(a);
                    render[0].run();
                });
                remove.setId("case-assignee-remove-" + a.login());
                remove.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
                current.add(new Div(new Span(getTranslation("casework.assignees.person", a.login(), a.unitId())),
                        remove));
            }
        };
        render[0].run();
        TextField login = new TextField(getTranslation("casework.assign.login"));
        login.setId("case-assignee-login");
        TextField unit = new TextField(getTranslation("casework.assign.unit"));
        unit.setId("case-assignee-unit");
        unit.setValue(detail.unitId() == null ? "" : detail.unitId());
        Button save = new Button(getTranslation("casework.assign.save"), click -> {
            List<Assignee> assignees = new ArrayList<>(kept);
            if (!login.getValue().isBlank()) {
                if (unit.getValue().isBlank()) {
                    ConsoleNotifications.error(getTranslation("casework.assign.unitMissing"));
                    return;
                }
                assignees.removeIf(a -> a.login().equals(login.getValue().strip()));
                assignees.add(new Assignee(login.getValue().strip(), unit.getValue().strip()));
            }
            try {
                client.assign(caseId, assignees);
            } catch (GatewayCallException e) {
                ConsoleNotifications.error(e.userMessage(this::getTranslation));
                return;
            }
            dialog.close();
            load();
            ConsoleNotifications.success(getTranslation("casework.assign.done", assignees.size()));
        });
        save.setId("case-assign-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("casework.assign.cancel"), click -> dialog.close());
        cancel.setId("case-assign-cancel");
        dialog.add(current, new HorizontalLayout(login, unit));
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    /** The incident's heat as monitoring measured it: the latest measurements, oldest first. */
    private Component heat() {
        Div heat = new Div();
        heat.setId("case-heat");
        HeatSeries series;
        try {
            series = client.heat(caseId);
        } catch (GatewayCallException e) {
            Paragraph unavailable = new Paragraph(getTranslation("casework.heat.unavailable",
                    e.userMessage(this::getTranslation)));
            unavailable.setId("case-heat-error");
            heat.add(unavailable);
            return heat;
        }
        if (series.points().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("casework.heat.none"));
            none.setId("case-heat-none");
            heat.add(none);
            return heat;
        }
        List<HeatSeries.Point> points = series.points();
        List<HeatSeries.Point> shown = points.subList(Math.max(0, points.size() - MAX_HEAT_ROWS), points.size());
        Grid<HeatSeries.Point> grid = new Grid<>();
        grid.setId("case-heat-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.addColumn(p -> ConsoleTime.format(p.at())).setKey("at")
                .setHeader(getTranslation("casework.heat.column.at")).setAutoWidth(true);
        grid.addColumn(HeatSeries.Point::volume).setKey("volume").setHeader(getTranslation("casework.heat.column.volume"));
        grid.addColumn(HeatSeries.Point::reads).setKey("reads").setHeader(getTranslation("casework.heat.column.reads"));
        grid.addColumn(HeatSeries.Point::comments).setKey("comments")
                .setHeader(getTranslation("casework.heat.column.comments"));
        grid.addColumn(HeatSeries.Point::reposts).setKey("reposts")
                .setHeader(getTranslation("casework.heat.column.reposts"));
        grid.addColumn(HeatSeries.Point::sites).setKey("sites").setHeader(getTranslation("casework.heat.column.sites"));
        grid.addColumn(HeatSeries.Point::mainstream).setKey("mainstream")
                .setHeader(getTranslation("casework.heat.column.mainstream"));
        grid.addColumn(p -> Math.round(p.negativeShare() * 100) + "%").setKey("negative")
                .setHeader(getTranslation("casework.heat.column.negative"));
        grid.setItems(shown);
        grid.setAllRowsVisible(true);
        HeatSeries.Point last = points.getLast();
        HeatSeries.Point first = points.getFirst();
        Paragraph summary = new Paragraph(getTranslation("casework.heat.summary", points.size(),
                ConsoleTime.format(first.at()), first.volume(), ConsoleTime.format(last.at()), last.volume()));
        summary.setId("case-heat-summary");
        heat.add(summary, grid);
        return heat;
    }

    private Div fact(String id, String labelKey, Component value) {
        Span label = new Span(getTranslation("casework.field.label", getTranslation(labelKey)));
        label.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Div fact = new Div(label, value);
        fact.setId(id);
        return fact;
    }

    private Component transitions() {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setId("case-transitions");
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        if (detail.nextStates().isEmpty()) {
            Span none = new Span(getTranslation("casework.transition.none"));
            none.setId("case-transitions-none");
            bar.add(none);
            return bar;
        }
        TextField note = new TextField();
        note.setId("case-transition-note");
        note.setPlaceholder(getTranslation("casework.transition.note"));
        note.setWidth("16em");
        bar.add(new Span(getTranslation("casework.transition.label")));
        for (String target : detail.nextStates()) {
            Button move = new Button(getTranslation("casework.transition.to", stateName(target)),
                    click -> change(() -> client.transition(caseId, target, blankToNull(note.getValue())),
                            "casework.transition.done", stateName(target)));
            move.setId("case-transition-" + target);
            move.addThemeVariants(ButtonVariant.PRIMARY);
            bar.add(move);
        }
        bar.add(note);
        return bar;
    }

    private void renderCountdowns() {
        if (detail != null) {
            renderClocks();
            renderTasks();
        }
    }

    private void renderClocks() {
        clocks.removeAll();
        Instant now = clock.instant();
        for (CaseDetail.Clock c : detail.clocks()) {
            Div row = new Div();
            row.setId("case-clock-" + c.name());
            row.addClassName("case-clock");
            Span name = new Span(named("casework.clock.", c.name(), c.nameText()));
            name.getStyle().set("font-weight", "600").set("margin-inline-end", "0.75em");
            Span due = new Span(getTranslation("casework.clock.due", ConsoleTime.format(c.dueAt())));
            due.getStyle().set("margin-inline-end", "0.75em");
            row.add(name, due);
            if (c.metAt() != null) {
                Span met = new Span(getTranslation("casework.clock.metAt", ConsoleTime.format(c.metAt()),
                        named("casework.clockStatus.", c.status(), c.statusText())));
                met.addClassNames("countdown", "MET_LATE".equals(c.status()) ? "countdown-met-late" : "countdown-met");
                met.getStyle().set("color", "MET_LATE".equals(c.status())
                        ? "var(--lumo-error-text-color)" : "var(--lumo-success-text-color)");
                row.add(met);
            } else {
                row.add(CaseVisuals.countdown(c.dueAt(), now, this::getTranslation));
            }
            clocks.add(row);
        }
        if (detail.clocks().isEmpty()) {
            clocks.add(new Span(getTranslation("casework.clock.none")));
        }
    }

    private Component grade() {
        Div grade = new Div();
        grade.setId("case-grade");
        Anchor link = new Anchor("grading/incidents/" + detail.incidentId(), getTranslation("casework.grade.link"));
        link.setId("case-grade-link");
        try {
            IncidentGrade g = client.grade(detail.incidentId());
            Paragraph summary = new Paragraph(getTranslation("casework.grade.summary",
                    levelName(g.level(), g.levelName()), named("casework.category.", g.category(), g.categoryName()),
                    g.planId(), g.planVersion(), ConsoleTime.format(g.gradedAt())));
            summary.setId("case-grade-summary");
            UnorderedList reasons = new UnorderedList();
            reasons.setId("case-grade-reasons");
            g.reasons().forEach(reason -> reasons.add(new ListItem(reason)));
            grade.add(summary, reasons);
            if (g.override() != null) {
                Paragraph override = new Paragraph(getTranslation("casework.grade.override",
                        g.override().by(), ConsoleTime.format(g.override().at()), g.override().reason()));
                override.setId("case-grade-override");
                grade.add(override);
            }
        } catch (GatewayCallException | IllegalArgumentException e) {
            String message = e instanceof GatewayCallException call ? call.userMessage(this::getTranslation)
                    : getTranslation("error.NOT_FOUND");
            Paragraph unavailable = new Paragraph(getTranslation("casework.grade.unavailable", message));
            unavailable.setId("case-grade-error");
            grade.add(unavailable);
        }
        grade.add(link);
        return grade;
    }

    private Component reportForm(String id, String kind) {
        TextField to = new TextField(getTranslation("casework.report." + id));
        to.setId("case-report-" + id + "-to");
        to.setPlaceholder(getTranslation("casework.report.toPlaceholder"));
        to.setWidth("24em");
        Button submit = new Button(getTranslation("casework.report." + id + ".submit"), click -> {
            List<String> recipients = Arrays.stream(to.getValue().split("[,，、;；\\n]"))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (recipients.isEmpty()) {
                ConsoleNotifications.error(getTranslation("casework.report.toMissing"));
                return;
            }
            change(() -> client.report(caseId, kind, recipients), "casework.report." + id + ".done");
        });
        submit.setId("case-report-" + id + "-submit");
        HorizontalLayout form = new HorizontalLayout(to, submit);
        form.setId("case-report-" + id);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private Component tasks() {
        tasksList.setId("case-tasks-list");
        renderTasks();
        TextField unit = new TextField(getTranslation("casework.task.unit"));
        unit.setId("case-task-unit");
        unit.setValue(detail.unitId() == null ? "" : detail.unitId());
        TextField title = new TextField(getTranslation("casework.task.title"));
        title.setId("case-task-title");
        title.setWidth("20em");
        DateTimePicker due = new DateTimePicker(getTranslation("casework.task.due"));
        due.setId("case-task-due");
        due.setLocale(getLocale());
        due.setValue(LocalDateTime.ofInstant(clock.instant().plus(DEFAULT_TASK_TIME), ConsoleTime.ZONE)
                .truncatedTo(ChronoUnit.MINUTES));
        Button add = new Button(getTranslation("casework.task.add"), click -> {
            if (unit.getValue().isBlank() || title.getValue().isBlank() || due.getValue() == null) {
                ConsoleNotifications.error(getTranslation("casework.task.required"));
                return;
            }
            Instant dueAt = due.getValue().atZone(ConsoleTime.ZONE).toInstant();
            change(() -> client.assignTask(caseId, unit.getValue().strip(), title.getValue().strip(), dueAt),
                    "casework.task.added", title.getValue().strip());
        });
        add.setId("case-task-add");
        HorizontalLayout form = new HorizontalLayout(unit, title, due, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.getStyle().set("flex-wrap", "wrap");
        Div tasks = new Div(tasksList, form);
        tasks.setId("case-tasks");
        return tasks;
    }

    private void renderTasks() {
        tasksList.removeAll();
        Instant now = clock.instant();
        if (detail.tasks().isEmpty()) {
            tasksList.add(new Paragraph(getTranslation("casework.task.none")));
        }
        for (CaseDetail.Task task : detail.tasks()) {
            Div row = new Div();
            row.setId("case-task-" + task.id());
            row.addClassName("case-task");
            Span title = new Span(getTranslation("casework.task.line", task.title(), task.unitId(),
                    ConsoleTime.format(task.dueAt())));
            title.getStyle().set("margin-inline-end", "0.75em");
            row.add(title);
            if (task.open()) {
                row.add(CaseVisuals.countdown(task.dueAt(), now, this::getTranslation));
                Button complete = new Button(getTranslation("casework.task.complete"),
                        click -> change(() -> client.completeTask(caseId, task.id()), "casework.task.completed",
                                task.title()));
                complete.setId("case-task-complete-" + task.id());
                complete.addThemeVariants(ButtonVariant.SMALL);
                complete.getStyle().set("margin-inline-start", "0.75em");
                row.add(complete);
            } else {
                Span done = new Span(getTranslation("casework.task.done", task.completedBy(),
                        ConsoleTime.format(task.completedAt()), task.statusText()));
                done.getStyle().set("color", task.completedAt().isAfter(task.dueAt())
                        ? "var(--lumo-error-text-color)" : "var(--lumo-success-text-color)");
                row.add(done);
            }
            tasksList.add(row);
        }
    }

    private Component timeline() {
        Div timeline = new Div();
        timeline.setId("case-timeline");
        for (CaseDetail.TimelineEntry entry : detail.timeline()) {
            timeline.add(timelineLine(entry));
        }
        if (detail.timeline().isEmpty()) {
            timeline.add(new Paragraph(getTranslation("casework.timeline.none")));
        }
        return timeline;
    }

    private Div timelineLine(CaseDetail.TimelineEntry entry) {
        Span at = new Span(ConsoleTime.format(entry.at()));
        at.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin-inline-end", "0.75em");
        Span kind = new Span(named("casework.timeline.", entry.kind(), entry.kind()));
        kind.getElement().getThemeList().add("badge contrast");
        kind.getStyle().set("margin-inline-end", "0.75em");
        Span summary = new Span(entry.summary());
        Span actor = new Span(getTranslation("casework.timeline.actor", entry.actor()));
        actor.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin-inline-start", "0.75em");
        Div line = new Div(at, kind, summary, actor);
        line.addClassNames("case-timeline-entry", "timeline-" + entry.kind());
        line.getStyle().set("padding", "0.25em 0");
        return line;
    }

    private Component comments() {
        Div list = new Div();
        list.setId("case-comments-list");
        detail.timeline().stream().filter(e -> "COMMENTED".equals(e.kind()))
                .forEach(e -> list.add(timelineLine(e)));
        if (list.getComponentCount() == 0) {
            list.add(new Paragraph(getTranslation("casework.comment.none")));
        }
        TextArea text = new TextArea();
        text.setId("case-comment-text");
        text.setPlaceholder(getTranslation("casework.comment.placeholder"));
        text.setWidth("36em");
        text.setMaxLength(4000);
        Button submit = new Button(getTranslation("casework.comment.submit"), click -> {
            if (text.getValue().isBlank()) {
                ConsoleNotifications.error(getTranslation("casework.comment.missing"));
                return;
            }
            change(() -> client.comment(caseId, text.getValue().strip()), "casework.comment.done");
        });
        submit.setId("case-comment-submit");
        Div comments = new Div(list, text, new Div(submit));
        comments.setId("case-comments");
        return comments;
    }

    private Component attachments() {
        Div list = new Div();
        list.setId("case-attachments-list");
        for (CaseDetail.Attachment a : detail.attachments()) {
            Anchor download = new Anchor(a.href(), a.fileName());
            download.setId("case-attachment-download-" + a.id());
            // The gateway, not the console's router, answers the API path; the service checks the SHA-256 on the way.
            download.setRouterIgnore(true);
            download.getElement().setAttribute("download", a.fileName());
            Span facts = new Span(getTranslation("casework.attachment.facts", a.size(), a.uploadedBy(),
                    ConsoleTime.format(a.uploadedAt())));
            facts.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0 0.75em");
            Span checksum = new Span("SHA-256 " + a.sha256());
            checksum.setId("case-attachment-sha-" + a.id());
            checksum.getStyle().set("font-family", "monospace").set("font-size", "0.8125rem")
                    .set("word-break", "break-all");
            Button verify = new Button(getTranslation("casework.attachment.verify"), click -> verify(a));
            verify.setId("case-attachment-verify-" + a.id());
            verify.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            Div row = new Div(download, facts, verify, new Div(checksum));
            row.addClassName("case-attachment");
            row.getStyle().set("padding", "0.25em 0");
            list.add(row);
        }
        if (detail.attachments().isEmpty()) {
            list.add(new Paragraph(getTranslation("casework.attachment.none")));
        }
        Upload upload = new Upload(this::receive);
        upload.setId("case-attachment-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_UPLOAD_BYTES);
        upload.setDropLabel(new Span(getTranslation("casework.attachment.drop")));
        // The client reports the end of the uploads: that round trip also brings the refreshed case to the browser.
        upload.addAllFinishedListener(done -> upload.clearFileList());
        Div attachments = new Div(list, upload);
        attachments.setId("case-attachments");
        return attachments;
    }

    /** Runs in the upload request: passes the file on as the user who sent it, then shows the outcome. */
    private void receive(UploadEvent event) throws IOException {
        byte[] bytes = event.getInputStream().readAllBytes();
        String fileName = event.getFileName();
        String outcome;
        boolean stored;
        try {
            // The upload request carries the user's token like every other request: the client passes it on.
            CaseDetail.Attachment a = client.upload(caseId, fileName, event.getContentType(), bytes);
            outcome = a.sha256();
            stored = true;
        } catch (GatewayCallException refused) {
            outcome = refused.userMessage(key -> event.getUI().getTranslation(key));
            stored = false;
        }
        String result = outcome;
        boolean ok = stored;
        event.getUI().accessSynchronously(() -> {
            if (ok) {
                load();
                ConsoleNotifications.success(getTranslation("casework.attachment.uploaded", fileName, result));
            } else {
                ConsoleNotifications.error(result);
            }
        });
    }

    /** Downloads the bytes through the gateway and compares their SHA-256 with the one recorded at upload. */
    private void verify(CaseDetail.Attachment a) {
        try {
            String actual = HexFormat.of().formatHex(sha256(client.attachment(a.href())));
            if (actual.equalsIgnoreCase(a.sha256())) {
                ConsoleNotifications.success(getTranslation("casework.attachment.verified", a.fileName()));
            } else {
                ConsoleNotifications.error(getTranslation("casework.attachment.mismatch", a.fileName(), actual));
            }
        } catch (GatewayCallException e) {
            ConsoleNotifications.error(e.userMessage(this::getTranslation));
        }
    }

    private Component documents() {
        Div documents = new Div();
        documents.setId("case-documents");
        for (String kind : DOCUMENT_KINDS) {
            Div row = new Div(new Span(getTranslation("casework.doc." + kind)));
            row.getStyle().set("padding", "0.125em 0");
            for (String format : DOCUMENT_FORMATS) {
                Anchor link = new Anchor("/api/casework/cases/" + detail.id() + "/documents/" + kind + "." + format,
                        format.toUpperCase(Locale.ROOT));
                link.setId("case-doc-" + kind + "-" + format);
                link.setRouterIgnore(true);
                if ("pdf".equals(format)) {
                    link.setTarget(AnchorTarget.BLANK);
                } else {
                    link.getElement().setAttribute("download", "");
                }
                link.getStyle().set("margin-inline-start", "0.75em");
                row.add(link);
            }
            documents.add(row);
        }
        return documents;
    }

    private Component ledger() {
        Div ledger = new Div();
        ledger.setId("case-ledger");
        Span result = new Span();
        result.setId("case-ledger-result");
        try {
            LedgerCheck check = client.verifyLedger();
            if (check.valid()) {
                result.setText(getTranslation("casework.ledger.valid", check.entries()));
                result.getStyle().set("color", "var(--lumo-success-text-color)");
                result.addClassName("ledger-valid");
            } else {
                result.setText(getTranslation("casework.ledger.broken", check.firstBrokenSeq(),
                        check.reason() == null ? "" : check.reason()));
                result.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
                result.addClassName("ledger-broken");
            }
        } catch (GatewayCallException e) {
            result.setText(getTranslation("casework.ledger.unavailable", e.userMessage(this::getTranslation)));
        }
        ledger.add(new Div(result));
        Div entries = new Div();
        entries.setId("case-ledger-entries");
        try {
            for (LedgerCheck.Entry entry : client.ledger(caseId)) {
                Span line = new Span(getTranslation("casework.ledger.entry", entry.seq(),
                        ConsoleTime.format(entry.at()), entry.actor(), entry.summary(),
                        entry.hash() == null ? "" : entry.hash().substring(0, Math.min(12, entry.hash().length()))));
                Div row = new Div(line);
                row.addClassName("case-ledger-entry");
                row.getStyle().set("font-size", "0.875rem");
                entries.add(row);
            }
        } catch (GatewayCallException e) {
            entries.add(new Span(getTranslation("casework.ledger.unavailable", e.userMessage(this::getTranslation))));
        }
        ledger.add(entries);
        return ledger;
    }

    /** Runs a change; on success re-reads the case and confirms, on refusal shows the service's explanation. */
    private void change(Runnable call, String doneKey, Object... params) {
        try {
            call.run();
        } catch (GatewayCallException e) {
            ConsoleNotifications.error(e.userMessage(this::getTranslation));
            return;
        }
        load();
        ConsoleNotifications.success(getTranslation(doneKey, params));
    }

    private Component section(String headingKey, Component... body) {
        H3 heading = new H3(getTranslation(headingKey));
        heading.getStyle().set("margin", "1rem 0 0.25rem");
        Div section = new Div(heading);
        section.add(body);
        section.setWidthFull();
        return section;
    }

    private String stateName(String code) {
        return named("casework.state.", code, code);
    }

    private String levelName(String code, String serviceName) {
        return named("level.", code, serviceName);
    }

    /** Our own text for a code when we have one, else the service's name, else the code. */
    private String named(String prefix, String code, String serviceName) {
        if (code != null && translations.has(prefix + code, getLocale())) {
            return getTranslation(prefix + code);
        }
        return serviceName != null ? serviceName : code == null ? "" : code;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
