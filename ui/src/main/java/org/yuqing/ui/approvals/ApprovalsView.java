package org.yuqing.ui.approvals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import org.yuqing.security.Role;
import org.yuqing.ui.gateway.CurrentIdentity;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.i18n.ConsoleTime;
import org.yuqing.ui.i18n.ConsoleTranslations;
import org.yuqing.ui.layout.ConsoleNotifications;
import org.yuqing.ui.layout.MainLayout;
import org.yuqing.ui.statements.PublishingClient;
import org.yuqing.ui.statements.PublishingTexts;
import org.yuqing.ui.statements.RenditionsPanel;
import org.yuqing.ui.statements.Statement;
import org.yuqing.ui.statements.StatementRenditions;
import org.yuqing.ui.statements.StatementSummary;

/**
 * 审批 (approval inbox): every statement of the user's units whose current text waits for the next step of its
 * approval chain (单位负责人 → 分管领导 → 主要领导 as the case's level requires). Choosing one shows exactly what an
 * approval binds: title, master text, every channel's rendition and the content hash. Leaders approve (同意) or reject
 * (退回, comment required; a returned statement leaves the inbox until its text changes); right before the decision the statement is read again, and a text changed since it was
 * shown is not decided on but shown anew. {@code approvals?statement=<id>} opens one directly.
 */
@Route(value = "approvals", layout = MainLayout.class)
public class ApprovalsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final PublishingClient client;
    private final PublishingTexts texts;
    private final Grid<Waiting> grid = new Grid<>(Waiting.class, false);
    private final Span status = new Span();
    private final Div detail = new Div();
    private final H3 title = new H3();
    private final Span facts = new Span();
    private final Div body = new Div();
    private final Span hash = new Span();
    private final Div history = new Div();
    private final RenditionsPanel renditions;
    private final TextArea comment = new TextArea();
    private final Button approve = new Button();
    private final Button reject = new Button();
    private final boolean leader;
    private Statement shown;

    /**
     * A statement waiting for a decision.
     *
     * @param statement the statement
     * @param caseTitle its case's title
     */
    record Waiting(Statement statement, String caseTitle) {
    }

    ApprovalsView(PublishingClient client, ConsoleTranslations translations) {
        this.client = client;
        this.texts = PublishingTexts.of(translations, getLocale());
        this.renditions = new RenditionsPanel("approval-renditions", texts);
        this.leader = CurrentIdentity.has(Role.LEADER);
        setId("approvals-view");
        setWidthFull();

        Button refresh = new Button(getTranslation("publishing.refresh"), click -> refresh(null));
        refresh.setId("approvals-refresh");
        status.setId("approvals-status");
        HorizontalLayout toolbar = new HorizontalLayout(new H2(getTranslation("publishing.approvals.heading")),
                status, refresh);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(status);

        grid.setId("approvals-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(w -> w.statement().title()).setKey("title")
                .setHeader(getTranslation("publishing.column.title")).setFlexGrow(3);
        grid.addColumn(Waiting::caseTitle).setKey("case").setHeader(getTranslation("publishing.column.case"))
                .setFlexGrow(2);
        grid.addColumn(w -> texts.kind(w.statement().kind(), w.statement().kindName())).setKey("kind")
                .setHeader(getTranslation("publishing.column.kind")).setAutoWidth(true);
        grid.addColumn(w -> texts.step(w.statement().nextStep(), null)).setKey("step")
                .setHeader(getTranslation("publishing.column.step")).setAutoWidth(true);
        grid.addColumn(w -> texts.approvals(w.statement())).setKey("approvals")
                .setHeader(getTranslation("publishing.column.approvals")).setAutoWidth(true);
        grid.addColumn(w -> w.statement().createdBy()).setKey("drafter")
                .setHeader(getTranslation("publishing.column.drafter")).setAutoWidth(true);
        grid.addColumn(w -> ConsoleTime.format(w.statement().updatedAt())).setKey("updated")
                .setHeader(getTranslation("publishing.column.updated")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("publishing.approvals.empty"));
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(selection -> show(selection.getFirstSelectedItem().map(Waiting::statement)
                .orElse(null)));

        detail.setId("approval-detail");
        detail.setWidthFull();
        title.setId("approval-title");
        facts.setId("approval-facts");
        facts.getStyle().set("display", "block").set("color", "var(--lumo-secondary-text-color)");
        body.setId("approval-body");
        body.getStyle().set("white-space", "pre-wrap").set("padding", "var(--lumo-space-s)")
                .set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)");
        hash.setId("approval-hash");
        hash.getStyle().set("display", "block").set("font-family", "monospace").set("word-break", "break-all");
        history.setId("approval-history");
        comment.setId("approval-comment");
        comment.setLabel(getTranslation("publishing.approvals.comment"));
        comment.setHelperText(getTranslation("publishing.approvals.commentHelp"));
        comment.setWidthFull();
        approve.setText(getTranslation("publishing.approvals.approve"));
        approve.setId("approval-approve");
        approve.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SUCCESS);
        approve.addClickListener(click -> decide("APPROVE"));
        reject.setText(getTranslation("publishing.approvals.reject"));
        reject.setId("approval-reject");
        reject.addThemeVariants(ButtonVariant.ERROR);
        reject.addClickListener(click -> decide("REJECT"));
        HorizontalLayout buttons = new HorizontalLayout(approve, reject);
        Span notLeader = new Span(getTranslation("publishing.approvals.notLeader"));
        notLeader.setId("approvals-not-leader");
        notLeader.setVisible(!leader);
        comment.setVisible(leader);
        buttons.setVisible(leader);
        detail.add(title, facts, body, hash, history, comment, buttons, notLeader,
                new H3(getTranslation("publishing.editor.renditions")), renditions);
        detail.setVisible(false);

        add(toolbar, grid, detail);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("publishing.approvals.heading") + " · " + getTranslation("app.name");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh(event.getLocation().getQueryParameters().getSingleParameter("statement").orElse(null));
    }

    /** Reads the inbox again; selects {@code select} (or keeps nothing selected) afterwards. */
    private void refresh(String select) {
        try {
            Map<String, String> caseTitles = new HashMap<>();
            try {
                client.cases().forEach(c -> caseTitles.put(c.id(), Objects.requireNonNullElse(c.title(), c.id())));
            } catch (GatewayCallException e) {
                // the inbox works without case titles: it shows the ids then
            }
            List<Waiting> waiting = new ArrayList<>();
            for (StatementSummary s : client.statements(null)) {
                if ("PUBLISHED".equals(s.state())) {
                    continue;
                }
                Statement full = client.statement(s.id());
                if (full.awaitsApproval() && !full.returned()) {
                    waiting.add(new Waiting(full, caseTitles.getOrDefault(full.caseId(), full.caseId())));
                }
            }
            waiting.sort(Comparator.comparing((Waiting w) -> w.statement().updatedAt(),
                    Comparator.nullsLast(Comparator.naturalOrder())));
            grid.setItems(waiting);
            grid.setEmptyStateText(getTranslation("publishing.approvals.empty"));
            status.setText(getTranslation("publishing.approvals.status", waiting.size()));
            Optional<Waiting> chosen = waiting.stream()
                    .filter(w -> select != null && w.statement().id().equals(select)).findFirst();
            chosen.ifPresentOrElse(grid::select, () -> {
                grid.deselectAll();
                show(null);
            });
        } catch (GatewayCallException e) {
            grid.setItems(List.of());
            String message = e.userMessage(this::getTranslation);
            grid.setEmptyStateText(getTranslation("publishing.unavailable", message));
            status.setText("");
            show(null);
            ConsoleNotifications.error(message);
        }
    }

    private void show(Statement statement) {
        shown = statement;
        comment.clear();
        comment.setInvalid(false);
        if (statement == null) {
            detail.setVisible(false);
            renditions.clear();
            return;
        }
        try {
            StatementRenditions r = client.renditions(statement.id());
            renditions.show(r);
        } catch (GatewayCallException e) {
            renditions.clear();
            ConsoleNotifications.error(e.userMessage(this::getTranslation));
        }
        detail.setVisible(true);
        title.setText(statement.title());
        facts.setText(getTranslation("publishing.approvals.facts", texts.kind(statement.kind(), statement.kindName()),
                texts.level(statement.level(), null), statement.createdBy(),
                texts.step(statement.nextStep(), null)));
        body.setText(statement.body());
        hash.setText(getTranslation("publishing.approvals.binds", statement.contentHash()));
        history.removeAll();
        for (Statement.Approval a : statement.approvals()) {
            String key = "APPROVE".equals(a.decision()) ? "publishing.decision.approved"
                    : "publishing.decision.rejected";
            Span line = new Span(getTranslation(key, texts.step(a.step(), a.stepName()), a.approver(),
                    ConsoleTime.format(a.at()))
                    + (a.comment() == null ? "" : getTranslation("publishing.decision.comment", a.comment()))
                    + (a.counts() || !"APPROVE".equals(a.decision()) ? ""
                    : getTranslation("publishing.decision.void")));
            line.getStyle().set("display", "block");
            history.add(line);
        }
        approve.setText(getTranslation("publishing.approvals.approveStep", texts.step(statement.nextStep(), null)));
    }

    private void decide(String decision) {
        Statement statement = shown;
        if (statement == null || !leader) {
            return;
        }
        String why = comment.getValue().strip();
        if ("REJECT".equals(decision) && why.isEmpty()) {
            comment.setInvalid(true);
            comment.setErrorMessage(getTranslation("publishing.approvals.commentRequired"));
            ConsoleNotifications.error(getTranslation("publishing.approvals.commentRequired"));
            return;
        }
        try {
            // An approval binds the text the service holds when it records it: decide only on the text shown. The
            // re-read spares a refused request; the hash sent with the decision closes the gap after it (the
            // service refuses a decision on a text that has changed since it was shown).
            Statement now = client.statement(statement.id());
            if (!Objects.equals(now.contentHash(), statement.contentHash())
                    || !Objects.equals(now.nextStep(), statement.nextStep())) {
                ConsoleNotifications.error(getTranslation("publishing.approvals.changed"));
                refresh(statement.id());
                return;
            }
            client.decide(statement.id(), statement.nextStep(), decision, why.isEmpty() ? null : why,
                    statement.contentHash());
        } catch (GatewayCallException e) {
            ConsoleNotifications.error(e.userMessage(this::getTranslation));
            return;
        }
        ConsoleNotifications.success(getTranslation("APPROVE".equals(decision) ? "publishing.approvals.approvedDone"
                : "publishing.approvals.rejectedDone", texts.step(statement.nextStep(), null), statement.title()));
        refresh(null);
    }
}
