package org.yuqing.ui.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.i18n.ConsoleTime;
import org.yuqing.ui.i18n.ConsoleTranslations;
import org.yuqing.ui.layout.ConsoleNotifications;
import org.yuqing.ui.layout.MainLayout;

/**
 * 我的期限: the deadlines that fall to the user, read in one call ({@code GET /api/casework/deadlines/mine}) — the
 * running and missed clocks and the open tasks of the cases assigned to them (经办人) and, unless "含本单位案件" is
 * unticked, of the cases of their own units — soonest first, each counting down (amber within its warning lead or
 * the last half hour: 即将超时; red once missed: 已超时); and the user's in-app inbox (站内通知: warnings, escalations,
 * personal notices to assignees) with 标为已读. Countdowns are re-rendered by a poll every 30 seconds.
 */
@Route(value = "deadlines", layout = MainLayout.class)
public class DeadlinesView extends VerticalLayout implements HasDynamicTitle {

    private static final int COUNTDOWN_POLL_MILLIS = 30_000;

    private final CaseClient client;
    private final ConsoleTranslations translations;
    private final Clock clock;
    private final Grid<MyDeadline> deadlines = new Grid<>();
    private final Checkbox includeUnits = new Checkbox(true);
    private final Grid<InboxNotice> inbox = new Grid<>();
    private final Span status = new Span();
    private final Span inboxStatus = new Span();
    private Registration countdownPoll;

    DeadlinesView(CaseClient client, ConsoleTranslations translations, Clock clock) {
        this.client = client;
        this.translations = translations;
        this.clock = clock;
        setId("deadlines-view");
        setSizeFull();

        Button refresh = new Button(getTranslation("casework.deadlines.refresh"), click -> refresh());
        refresh.setId("deadlines-refresh");
        refresh.addThemeVariants(ButtonVariant.PRIMARY);
        status.setId("deadlines-status");
        includeUnits.setId("deadlines-include-units");
        includeUnits.setLabel(getTranslation("casework.deadlines.includeUnits"));
        includeUnits.addValueChangeListener(change -> refresh());
        HorizontalLayout toolbar = new HorizontalLayout(new H2(getTranslation("casework.deadlines.heading")), status,
                includeUnits, refresh);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(status);

        deadlines.setId("deadlines-grid");
        deadlines.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        deadlines.addComponentColumn(d -> new RouterLink(d.caseTitle(), CaseView.class,
                        new RouteParameters("caseId", d.caseId()))).setKey("case")
                .setHeader(getTranslation("casework.deadlines.column.case")).setFlexGrow(3);
        deadlines.addColumn(this::deadlineName).setKey("deadline")
                .setHeader(getTranslation("casework.deadlines.column.deadline")).setFlexGrow(2);
        deadlines.addColumn(d -> levelName(d)).setKey("level")
                .setHeader(getTranslation("casework.deadlines.column.level")).setAutoWidth(true);
        deadlines.addColumn(MyDeadline::unitId).setKey("unit")
                .setHeader(getTranslation("casework.deadlines.column.unit")).setAutoWidth(true);
        deadlines.addColumn(this::assignment).setKey("assignees")
                .setHeader(getTranslation("casework.deadlines.column.assignees")).setFlexGrow(1);
        deadlines.addColumn(d -> ConsoleTime.format(d.dueAt())).setKey("dueAt")
                .setHeader(getTranslation("casework.deadlines.column.dueAt")).setAutoWidth(true);
        deadlines.addComponentColumn(this::countdown).setKey("countdown")
                .setHeader(getTranslation("casework.deadlines.column.countdown")).setWidth("13em").setFlexGrow(0);
        deadlines.setEmptyStateText(getTranslation("casework.deadlines.empty"));
        deadlines.setAllRowsVisible(true);

        inboxStatus.setId("inbox-status");
        inbox.setId("inbox-grid");
        inbox.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        inbox.addColumn(n -> ConsoleTime.format(n.createdAt())).setKey("createdAt")
                .setHeader(getTranslation("casework.inbox.column.createdAt")).setAutoWidth(true);
        inbox.addColumn(InboxNotice::text).setKey("text").setHeader(getTranslation("casework.inbox.column.text"))
                .setFlexGrow(4);
        inbox.addColumn(this::recipient).setKey("recipient")
                .setHeader(getTranslation("casework.inbox.column.recipient")).setAutoWidth(true);
        inbox.addComponentColumn(this::caseLink).setKey("case")
                .setHeader(getTranslation("casework.inbox.column.case")).setAutoWidth(true);
        inbox.addComponentColumn(this::readCell).setKey("read")
                .setHeader(getTranslation("casework.inbox.column.read")).setWidth("10em").setFlexGrow(0);
        inbox.setEmptyStateText(getTranslation("casework.inbox.empty"));
        inbox.setAllRowsVisible(true);

        HorizontalLayout inboxBar = new HorizontalLayout(new H3(getTranslation("casework.inbox.heading")),
                inboxStatus);
        inboxBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(toolbar, deadlines, inboxBar, inbox);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("casework.deadlines.heading") + " · " + getTranslation("app.name");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(COUNTDOWN_POLL_MILLIS);
        countdownPoll = event.getUI().addPollListener(poll -> deadlines.getDataProvider().refreshAll());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (countdownPoll != null) {
            countdownPoll.remove();
            countdownPoll = null;
        }
    }

    private void refresh() {
        try {
            List<MyDeadline> mine = client.myDeadlines(includeUnits.getValue());
            deadlines.setItems(mine);
            deadlines.setEmptyStateText(getTranslation("casework.deadlines.empty"));
            Instant now = clock.instant();
            long missed = mine.stream().filter(d -> d.dueAt().isBefore(now)).count();
            status.setText(getTranslation("casework.deadlines.status", mine.size(), missed,
                    ConsoleTime.format(now).substring(11)));
        } catch (GatewayCallException e) {
            deadlines.setItems(List.of());
            String message = e.userMessage(this::getTranslation);
            deadlines.setEmptyStateText(getTranslation("casework.deadlines.unavailable", message));
            status.setText("");
            ConsoleNotifications.error(message);
        }
        refreshInbox();
    }

    private void refreshInbox() {
        try {
            List<InboxNotice> notices = client.inbox();
            inbox.setItems(notices);
            inbox.setEmptyStateText(getTranslation("casework.inbox.empty"));
            inboxStatus.setText(getTranslation("casework.inbox.status", notices.size(),
                    notices.stream().filter(n -> n.readAt() == null).count()));
        } catch (GatewayCallException e) {
            inbox.setItems(List.of());
            String message = e.userMessage(this::getTranslation);
            inbox.setEmptyStateText(getTranslation("casework.inbox.unavailable", message));
            inboxStatus.setText("");
        }
    }

    private String deadlineName(MyDeadline d) {
        if (d.task()) {
            return getTranslation("casework.deadlines.task", d.nameText());
        }
        String key = "casework.clock." + d.name();
        return translations.has(key, getLocale()) ? getTranslation(key) : d.nameText();
    }

    private String levelName(MyDeadline d) {
        String key = "level." + d.level();
        return translations.has(key, getLocale()) ? getTranslation(key) : d.levelName();
    }

    private String assignment(MyDeadline d) {
        if (d.assignedToMe()) {
            return getTranslation("casework.deadlines.assignedToMe");
        }
        return d.assignees().isEmpty() ? "—"
                : String.join("、", d.assignees().stream().map(Assignee::login).toList());
    }

    private Component countdown(MyDeadline d) {
        Instant now = clock.instant();
        Countdown countdown = Countdown.until(d.dueAt(), now);
        // The service knows each clock's warning lead; the half-hour rule of the countdown covers the time since.
        String stateKey = countdown.overdue() ? "casework.deadlines.missed"
                : countdown.soon() || "WARNING".equals(d.state()) ? "casework.deadlines.warning"
                : "casework.deadlines.running";
        Span state = new Span(getTranslation(stateKey));
        state.getStyle().set("display", "block").set("font-size", "0.8125em").set("color", countdown.color());
        Span left = CaseVisuals.countdown(d.dueAt(), now, this::getTranslation);
        left.getStyle().set("display", "block");
        return new Div(left, state);
    }

    private String recipient(InboxNotice n) {
        String key = "casework.role." + n.recipientRole();
        String role = translations.has(key, getLocale()) ? getTranslation(key) : n.recipientRole();
        if (n.recipientLogin() != null) {
            return getTranslation("casework.inbox.recipientPerson", n.recipientLogin(), n.recipientUnit(), role);
        }
        return getTranslation("casework.inbox.recipientOf", n.recipientUnit(), role);
    }

    private Component caseLink(InboxNotice n) {
        if (n.caseId() == null) {
            return new Span("—");
        }
        RouterLink link = new RouterLink(getTranslation("casework.inbox.openCase"), CaseView.class,
                new RouteParameters("caseId", n.caseId()));
        link.setId("inbox-case-" + n.id());
        return link;
    }

    private Component readCell(InboxNotice n) {
        if (n.readAt() != null) {
            Span read = new Span(getTranslation("casework.inbox.readAt", ConsoleTime.format(n.readAt())));
            read.getStyle().set("color", "var(--lumo-secondary-text-color)");
            return read;
        }
        Button markRead = new Button(getTranslation("casework.inbox.markRead"), click -> {
            try {
                client.markRead(n.id());
            } catch (GatewayCallException e) {
                ConsoleNotifications.error(e.userMessage(this::getTranslation));
                return;
            }
            refreshInbox();
        });
        markRead.setId("inbox-read-" + n.id());
        markRead.addThemeVariants(ButtonVariant.SMALL);
        return markRead;
    }
}
