package org.yuqing.ui.deliveries;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import org.yuqing.security.Role;
import org.yuqing.ui.gateway.CurrentIdentity;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.i18n.ConsoleTime;
import org.yuqing.ui.i18n.ConsoleTranslations;
import org.yuqing.ui.layout.ConsoleNotifications;
import org.yuqing.ui.layout.MainLayout;
import org.yuqing.ui.statements.PublishingClient;
import org.yuqing.ui.statements.PublishingTexts;
import org.yuqing.ui.statements.Statement;
import org.yuqing.ui.statements.StatementSummary;
import org.yuqing.ui.statements.Withdrawals;

/**
 * 发布看板 (delivery board): one row per channel of every published statement of the user's units, newest release
 * first — state (待发送 with a running progress bar, 已送达, 发送失败, 待人工发布), attempts, last error, proof URL, next
 * automatic attempt. Publishers retry a failed delivery by hand (the service sends it with the same idempotency key)
 * and, for the manual channel, copy the approved text and record the URL where it was posted; they retract (撤回) or
 * correct (更正) a published statement, and see and cancel the scheduled releases (定时发布). While anything is still
 * being sent the board re-reads itself every few seconds.
 */
@Route(value = "deliveries", layout = MainLayout.class)
public class DeliveriesView extends VerticalLayout implements HasDynamicTitle {

    static final int POLL_MILLIS = 5_000;

    private final PublishingClient client;
    private final PublishingTexts texts;
    private final Grid<Line> grid = new Grid<>(Line.class, false);
    private final Span status = new Span();
    private final Button retry = new Button();
    private final Button retract = new Button();
    private final Button correct = new Button();
    private final Grid<Scheduled> scheduled = new Grid<>(Scheduled.class, false);
    private final Button cancelSchedule = new Button();
    private final Div scheduledSection = new Div();
    private final Div manual = new Div();
    private final TextArea copyText = new TextArea();
    private final TextField proofUrl = new TextField();
    private final Button proofSave = new Button();
    private final boolean publisher;
    private Registration poll;
    private boolean sending;

    /**
     * One channel's release of one statement.
     *
     * @param statement the statement
     * @param release   its release on the channel
     * @param caseTitle its case's title
     */
    record Line(Statement statement, Statement.Release release, String caseTitle) {

        DeliveryState state() {
            return DeliveryState.of(release);
        }

        String key() {
            return statement.id() + "/" + release.channel();
        }
    }

    /**
     * A statement whose release is scheduled.
     *
     * @param summary   the statement
     * @param caseTitle its case's title
     */
    record Scheduled(StatementSummary summary, String caseTitle) {
    }

    DeliveriesView(PublishingClient client, ConsoleTranslations translations) {
        this.client = client;
        this.texts = PublishingTexts.of(translations, getLocale());
        this.publisher = CurrentIdentity.has(Role.PUBLISHER);
        setId("deliveries-view");
        setWidthFull();

        Button refresh = new Button(getTranslation("publishing.refresh"), click -> refresh());
        refresh.setId("deliveries-refresh");
        retry.setText(getTranslation("publishing.deliveries.retry"));
        retry.setId("delivery-retry");
        retry.addClickListener(click -> selected().ifPresent(this::retry));
        retry.setVisible(publisher);
        retract.setText(getTranslation("publishing.withdraw.retract"));
        retract.setId("delivery-retract");
        retract.addThemeVariants(ButtonVariant.ERROR);
        retract.addClickListener(click -> selected().ifPresent(l ->
                Withdrawals.retract(client, texts, l.statement(), this::refresh)));
        retract.setVisible(publisher);
        correct.setText(getTranslation("publishing.withdraw.correct"));
        correct.setId("delivery-correct");
        correct.addClickListener(click -> selected().ifPresent(l -> Withdrawals.correct(client, texts,
                l.statement(), notice -> getUI().ifPresent(ui ->
                        ui.navigate(notice.isEmpty() ? "statements" : "statements/" + notice)))));
        correct.setVisible(publisher);
        status.setId("deliveries-status");
        HorizontalLayout toolbar = new HorizontalLayout(new H2(getTranslation("publishing.deliveries.heading")),
                status, retry, retract, correct, refresh);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(status);

        grid.setId("deliveries-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(this::statementText).setKey("statement")
                .setHeader(getTranslation("publishing.column.statement")).setFlexGrow(3);
        grid.addColumn(Line::caseTitle).setKey("case").setHeader(getTranslation("publishing.column.case"))
                .setFlexGrow(2);
        grid.addColumn(l -> texts.channel(l.release().channel(), null)).setKey("channel")
                .setHeader(getTranslation("publishing.column.channel")).setAutoWidth(true);
        grid.addComponentColumn(this::stateCell).setKey("state")
                .setHeader(getTranslation("publishing.column.deliveryState")).setWidth("10em").setFlexGrow(0);
        grid.addColumn(l -> l.release().attempts()).setKey("attempts")
                .setHeader(getTranslation("publishing.column.attempts")).setAutoWidth(true);
        grid.addColumn(l -> Objects.requireNonNullElse(l.release().error(), "")).setKey("error")
                .setHeader(getTranslation("publishing.column.error")).setFlexGrow(2);
        grid.addComponentColumn(this::proofCell).setKey("proof")
                .setHeader(getTranslation("publishing.column.proof")).setFlexGrow(2);
        grid.addColumn(l -> ConsoleTime.format(l.release().at())).setKey("releasedAt")
                .setHeader(getTranslation("publishing.column.releasedAt")).setAutoWidth(true);
        grid.addColumn(l -> ConsoleTime.format(l.release().nextAttemptAt())).setKey("nextAttempt")
                .setHeader(getTranslation("publishing.column.nextAttempt")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("publishing.deliveries.empty"));
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(selection -> selectionChanged());

        manual.setId("delivery-manual");
        manual.setWidthFull();
        copyText.setId("delivery-copy-text");
        copyText.setLabel(getTranslation("publishing.deliveries.copyText"));
        copyText.setReadOnly(true);
        copyText.setWidthFull();
        proofUrl.setId("delivery-proof-url");
        proofUrl.setLabel(getTranslation("publishing.deliveries.proofUrl"));
        proofUrl.setPlaceholder("https://");
        proofUrl.setWidth("36em");
        proofSave.setText(getTranslation("publishing.deliveries.proofSave"));
        proofSave.setId("delivery-proof-save");
        proofSave.addThemeVariants(ButtonVariant.PRIMARY);
        proofSave.addClickListener(click -> selected().ifPresent(this::prove));
        HorizontalLayout proofRow = new HorizontalLayout(proofUrl, proofSave);
        proofRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        proofRow.setVisible(publisher);
        manual.add(new H3(getTranslation("publishing.deliveries.manualHeading")), copyText, proofRow);
        manual.setVisible(false);

        scheduled.setId("deliveries-scheduled");
        scheduled.addThemeVariants(GridVariant.ROW_STRIPES);
        scheduled.addColumn(s -> s.summary().title()).setKey("title")
                .setHeader(getTranslation("publishing.column.statement")).setFlexGrow(3);
        scheduled.addColumn(Scheduled::caseTitle).setKey("case").setHeader(getTranslation("publishing.column.case"))
                .setFlexGrow(2);
        scheduled.addColumn(s -> ConsoleTime.format(s.summary().scheduledAt())).setKey("at")
                .setHeader(getTranslation("publishing.column.scheduledAt")).setAutoWidth(true);
        scheduled.setAllRowsVisible(true);
        scheduled.addSelectionListener(selection -> cancelSchedule.setEnabled(selection.getFirstSelectedItem()
                .isPresent()));
        cancelSchedule.setText(getTranslation("publishing.schedule.cancel"));
        cancelSchedule.setId("delivery-schedule-cancel");
        cancelSchedule.setEnabled(false);
        cancelSchedule.setVisible(publisher);
        cancelSchedule.addClickListener(click -> scheduled.getSelectedItems().stream().findFirst()
                .ifPresent(this::cancelSchedule));
        scheduledSection.add(new H3(getTranslation("publishing.deliveries.scheduledHeading")), scheduled,
                cancelSchedule);
        scheduledSection.setWidthFull();

        add(toolbar, grid, manual, scheduledSection);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("publishing.deliveries.heading") + " · " + getTranslation("app.name");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        poll = event.getUI().addPollListener(tick -> {
            if (sending) {
                refresh();
            }
        });
        event.getUI().setPollInterval(sending ? POLL_MILLIS : -1);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (poll != null) {
            poll.remove();
            poll = null;
        }
    }

    private Optional<Line> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    void refresh() {
        String keep = selected().map(Line::key).orElse(null);
        try {
            Map<String, String> caseTitles = new HashMap<>();
            try {
                client.cases().forEach(c -> caseTitles.put(c.id(), Objects.requireNonNullElse(c.title(), c.id())));
            } catch (GatewayCallException e) {
                // the board works without case titles: it shows the ids then
            }
            List<Line> lines = new ArrayList<>();
            List<Scheduled> due = new ArrayList<>();
            for (StatementSummary s : client.statements(null)) {
                if (s.publishedAt() == null) {
                    if (s.scheduledAt() != null) {
                        due.add(new Scheduled(s, caseTitles.getOrDefault(s.caseId(), s.caseId())));
                    }
                    continue;
                }
                Statement full = client.statement(s.id());
                String caseTitle = caseTitles.getOrDefault(full.caseId(), full.caseId());
                full.releases().forEach(r -> lines.add(new Line(full, r, caseTitle)));
            }
            lines.sort(Comparator.comparing((Line l) -> l.statement().publishedAt(),
                    Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(l -> l.release().channel()));
            grid.setItems(lines);
            grid.setEmptyStateText(getTranslation("publishing.deliveries.empty"));
            due.sort(Comparator.comparing(d -> d.summary().scheduledAt()));
            scheduled.setItems(due);
            scheduledSection.setVisible(!due.isEmpty());
            long failed = lines.stream().filter(l -> l.state() == DeliveryState.FAILED).count();
            long waiting = lines.stream().filter(l -> l.state() == DeliveryState.PENDING
                    || l.state() == DeliveryState.MANUAL_WAITING).count();
            status.setText(getTranslation("publishing.deliveries.status", lines.size(), failed, waiting));
            lines.stream().filter(l -> l.key().equals(keep)).findFirst().ifPresent(grid::select);
            sending = lines.stream().anyMatch(l -> l.state() == DeliveryState.PENDING);
        } catch (GatewayCallException e) {
            grid.setItems(List.of());
            scheduled.setItems(List.of());
            scheduledSection.setVisible(false);
            String message = e.userMessage(this::getTranslation);
            grid.setEmptyStateText(getTranslation("publishing.unavailable", message));
            status.setText("");
            sending = false;
            ConsoleNotifications.error(message);
        }
        getUI().ifPresent(ui -> ui.setPollInterval(sending ? POLL_MILLIS : -1));
        selectionChanged();
    }

    private void selectionChanged() {
        Optional<Line> line = selected();
        retry.setEnabled(line.map(l -> l.state() == DeliveryState.FAILED).orElse(false));
        boolean standing = line.map(l -> l.statement().withdrawal() == null).orElse(false);
        retract.setEnabled(standing);
        correct.setEnabled(standing);
        boolean manualWaiting = line.map(l -> l.state() == DeliveryState.MANUAL_WAITING).orElse(false);
        boolean byHand = line.map(l -> l.release().byHand()).orElse(false);
        manual.setVisible(byHand);
        copyText.setValue(line.map(l -> Objects.requireNonNullElse(l.release().copyText(), "")).orElse(""));
        proofUrl.setReadOnly(!manualWaiting);
        proofSave.setEnabled(manualWaiting);
        proofUrl.setValue(line.filter(l -> !manualWaiting)
                .map(l -> Objects.requireNonNullElse(l.release().url(), "")).orElse(""));
        proofUrl.setInvalid(false);
    }

    private String statementText(Line line) {
        Statement.Withdrawal w = line.statement().withdrawal();
        if (w == null) {
            return line.statement().title();
        }
        return getTranslation("publishing.deliveries.withdrawn", line.statement().title(),
                getTranslation("CORRECTION".equals(w.kind()) ? "publishing.withdraw.corrected"
                        : "publishing.withdraw.retractedShort"));
    }

    private void cancelSchedule(Scheduled s) {
        try {
            client.cancelSchedule(s.summary().id());
        } catch (GatewayCallException e) {
            ConsoleNotifications.error(e.userMessage(this::getTranslation));
            return;
        }
        ConsoleNotifications.success(getTranslation("publishing.schedule.cancelledOf", s.summary().title()));
        refresh();
    }

    private Div stateCell(Line line) {
        DeliveryState state = line.state();
        Div cell = new Div();
        Span name = new Span(state == DeliveryState.OTHER ? line.release().status()
                : getTranslation("publishing.delivery." + state.name()));
        name.addClassNames("delivery-state", "delivery-" + state.name().toLowerCase(java.util.Locale.ROOT));
        name.getStyle().set("color", switch (state) {
            case DELIVERED -> "var(--lumo-success-text-color)";
            case FAILED -> "var(--lumo-error-text-color)";
            case MANUAL_WAITING -> "var(--lumo-warning-text-color, #b25e00)";
            default -> "var(--lumo-secondary-text-color)";
        });
        if (state == DeliveryState.FAILED || state == DeliveryState.MANUAL_WAITING) {
            name.getStyle().set("font-weight", "600");
        }
        cell.add(name);
        if (state == DeliveryState.PENDING) {
            ProgressBar sendingBar = new ProgressBar();
            sendingBar.setIndeterminate(true);
            sendingBar.addClassName("delivery-progress");
            cell.add(sendingBar);
        }
        return cell;
    }

    private Div proofCell(Line line) {
        Div cell = new Div();
        String url = line.release().url();
        if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
            Anchor link = new Anchor(url, url, AnchorTarget.BLANK);
            link.getElement().setAttribute("rel", "noopener noreferrer");
            cell.add(link);
        } else {
            cell.setText(url == null ? "—" : url);
        }
        return cell;
    }

    private void retry(Line line) {
        try {
            client.retry(line.statement().id(), line.release().channel());
        } catch (GatewayCallException e) {
            ConsoleNotifications.error(e.userMessage(this::getTranslation));
            return;
        }
        ConsoleNotifications.success(getTranslation("publishing.deliveries.retried",
                texts.channel(line.release().channel(), null), line.statement().title()));
        refresh();
    }

    private void prove(Line line) {
        String url = proofUrl.getValue().strip();
        if (url.isEmpty()) {
            proofUrl.setInvalid(true);
            proofUrl.setErrorMessage(getTranslation("publishing.deliveries.proofRequired"));
            ConsoleNotifications.error(getTranslation("publishing.deliveries.proofRequired"));
            return;
        }
        try {
            client.proveManualRelease(line.statement().id(), url);
        } catch (GatewayCallException e) {
            proofUrl.setInvalid(true);
            String message = e.userMessage(this::getTranslation);
            proofUrl.setErrorMessage(message);
            ConsoleNotifications.error(message);
            return;
        }
        ConsoleNotifications.success(getTranslation("publishing.deliveries.proven", line.statement().title()));
        refresh();
    }
}
