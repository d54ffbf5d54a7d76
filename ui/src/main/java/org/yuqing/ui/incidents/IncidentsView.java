package org.yuqing.ui.incidents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.i18n.ConsoleTime;
import org.yuqing.ui.i18n.ConsoleTranslations;
import org.yuqing.ui.layout.ConsoleNotifications;
import org.yuqing.ui.layout.MainLayout;
import org.yuqing.ui.layout.PostCard;

/**
 * 舆情事件: the incidents of the user's unit scope with their heat (posts, sites, mainstream outlets, reads, comments
 * and reposts, each in total and over the last 24 hours, and the negative share), hottest first. Selecting one shows
 * its detail with its hottest posts (代表性帖文) and a link to its grading (研判, {@code grading/incidents/<id>}).
 */
@Route(value = "incidents", layout = MainLayout.class)
public class IncidentsView extends VerticalLayout implements HasDynamicTitle {

    private static final int PREVIEW = 120;

    private final IncidentClient client;
    private final ConsoleTranslations translations;
    private final Grid<IncidentSummary> grid = new Grid<>(IncidentSummary.class, false);
    private final Select<IncidentOrder> order = new Select<>();
    private final Span status = new Span();
    private final Div detail = new Div();
    private List<IncidentSummary> incidents = List.of();
    private Map<String, String> topicNames = Map.of();

    IncidentsView(IncidentClient client, ConsoleTranslations translations) {
        this.client = client;
        this.translations = translations;
        setSizeFull();

        order.setId("incidents-sort");
        order.setLabel(getTranslation("monitoring.incidents.order"));
        order.setItems(IncidentOrder.values());
        order.setItemLabelGenerator(o -> getTranslation(o.labelKey()));
        order.setValue(IncidentOrder.HEAT);
        order.addValueChangeListener(change -> show());
        Button refresh = new Button(getTranslation("monitoring.refresh"), click -> refresh());
        refresh.setId("incidents-refresh");
        refresh.addThemeVariants(ButtonVariant.PRIMARY);
        status.setId("incidents-status");
        HorizontalLayout toolbar = new HorizontalLayout(new H2(getTranslation("monitoring.incidents.heading")),
                status, order, refresh);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(status);

        grid.setId("incidents-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(IncidentSummary::title).setKey("title")
                .setHeader(getTranslation("monitoring.incidents.column.title")).setFlexGrow(3);
        grid.addColumn(this::topicName).setKey("topic")
                .setHeader(getTranslation("monitoring.incidents.column.topic")).setAutoWidth(true);
        grid.addColumn(i -> pair(i.heat(), i.heat24h())).setKey("heat")
                .setHeader(getTranslation("monitoring.incidents.column.heat")).setAutoWidth(true);
        grid.addColumn(i -> pair(i.metrics().volume(), i.metrics().volume24h())).setKey("volume")
                .setHeader(getTranslation("monitoring.incidents.column.volume")).setAutoWidth(true);
        grid.addColumn(i -> String.valueOf(i.metrics().distinctSites())).setKey("sites")
                .setHeader(getTranslation("monitoring.incidents.column.sites")).setAutoWidth(true);
        grid.addColumn(i -> String.valueOf(i.metrics().mainstreamOutlets())).setKey("mainstream")
                .setHeader(getTranslation("monitoring.incidents.column.mainstream")).setAutoWidth(true);
        grid.addColumn(i -> pair(i.metrics().reads(), i.metrics().reads24h())).setKey("reads")
                .setHeader(getTranslation("monitoring.incidents.column.reads")).setAutoWidth(true);
        grid.addColumn(i -> pair(i.metrics().comments(), i.metrics().comments24h())).setKey("comments")
                .setHeader(getTranslation("monitoring.incidents.column.comments")).setAutoWidth(true);
        grid.addColumn(i -> pair(i.metrics().reposts(), i.metrics().reposts24h())).setKey("reposts")
                .setHeader(getTranslation("monitoring.incidents.column.reposts")).setAutoWidth(true);
        grid.addColumn(this::negativeShare).setKey("negative")
                .setHeader(getTranslation("monitoring.incidents.column.negative")).setAutoWidth(true);
        grid.addColumn(i -> ConsoleTime.format(i.firstSeenAt())).setKey("firstSeen")
                .setHeader(getTranslation("monitoring.incidents.column.firstSeen")).setAutoWidth(true);
        grid.addColumn(i -> ConsoleTime.format(i.lastSeenAt())).setKey("lastSeen")
                .setHeader(getTranslation("monitoring.incidents.column.lastSeen")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("monitoring.incidents.empty"));
        grid.setSizeFull();
        grid.asSingleSelect().addValueChangeListener(change -> showDetail(change.getValue()));

        detail.setId("incident-detail");
        detail.setWidthFull();
        detail.add(new Paragraph(getTranslation("monitoring.incidents.selectHint")));

        VerticalLayout listArea = new VerticalLayout(grid);
        listArea.setPadding(false);
        listArea.setHeight("55%");
        add(toolbar, listArea, detail);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("monitoring.incidents.heading") + " · " + getTranslation("app.name");
    }

    private void refresh() {
        try {
            incidents = client.incidents();
            grid.setEmptyStateText(getTranslation("monitoring.incidents.empty"));
        } catch (GatewayCallException e) {
            incidents = List.of();
            String message = e.userMessage(this::getTranslation);
            grid.setEmptyStateText(getTranslation("monitoring.incidents.unavailable", message));
            ConsoleNotifications.error(message);
        }
        try {
            topicNames = incidents.isEmpty() ? Map.of() : client.topicNames();
        } catch (GatewayCallException e) {
            // the list stays useful without topic names: it shows the topic ids instead
            topicNames = Map.of();
        }
        show();
    }

    private void show() {
        IncidentOrder by = Optional.ofNullable(order.getValue()).orElse(IncidentOrder.HEAT);
        List<IncidentSummary> sorted = new ArrayList<>(incidents);
        sorted.sort(by.comparator());
        IncidentSummary selected = grid.asSingleSelect().getValue();
        grid.setItems(sorted);
        status.setText(getTranslation("monitoring.incidents.status", sorted.size()));
        if (selected != null) {
            sorted.stream().filter(i -> i.id().equals(selected.id())).findFirst()
                    .ifPresent(grid.asSingleSelect()::setValue);
        }
    }

    private String topicName(IncidentSummary incident) {
        String id = incident.topicId();
        return id == null ? "" : topicNames.getOrDefault(id, id);
    }

    private String pair(long total, long last24h) {
        return getTranslation("monitoring.incidents.pair", total, last24h);
    }

    /** 25%, with an arrow for the trend when monitoring sends one. */
    private String negativeShare(IncidentSummary incident) {
        Double share = incident.negativeShare();
        if (share == null) {
            return "—";
        }
        String percent = percent(share);
        IncidentSummary.Negative negative = incident.negative();
        return negative == null || negative.trend() == null ? percent
                : getTranslation("monitoring.incidents.negativeCell", percent,
                translatedOr("monitoring.incidents.arrow." + negative.trend(), ""));
    }

    private String percent(double share) {
        return getTranslation("monitoring.percent", Math.round(share * 100));
    }

    private void showDetail(IncidentSummary incident) {
        detail.removeAll();
        if (incident == null) {
            detail.add(new Paragraph(getTranslation("monitoring.incidents.selectHint")));
            return;
        }
        H3 title = new H3(incident.title());
        title.setId("incident-detail-title");
        title.getStyle().set("margin", "0.25em 0");

        Anchor grading = new Anchor("grading/incidents/" + incident.id(),
                getTranslation("monitoring.incidents.grading"));
        grading.setId("incident-grading");

        IncidentSummary.Metrics m = incident.metrics();
        Span facts = new Span(getTranslation("monitoring.incidents.facts",
                topicName(incident), incident.unitId(), stateText(incident.state()),
                ConsoleTime.format(incident.firstSeenAt()), ConsoleTime.format(incident.lastSeenAt())));
        facts.setId("incident-detail-facts");
        facts.getStyle().set("display", "block");
        Span heat = new Span(getTranslation("monitoring.incidents.heatLine", m.volume(), m.volume24h(),
                m.distinctSites(), m.mainstreamOutlets(), m.reads(), m.comments(), m.reposts(), negativeShare(incident),
                incident.duplicates()));
        heat.setId("incident-detail-heat");
        heat.getStyle().set("display", "block");
        detail.add(title, facts, heat);
        IncidentSummary.Negative negative = incident.negative();
        if (negative != null) {
            String words = negative.words().isEmpty() ? getTranslation("monitoring.incidents.noNegativeWords")
                    : String.join("、", negative.words().stream()
                    .map(w -> getTranslation("monitoring.incidents.negativeWord", w.word(), w.posts())).toList());
            Span negativeLine = new Span(getTranslation("monitoring.incidents.negativeLine", percent(negative.share()),
                    percent(negative.share24h()), percent(negative.sharePrevious24h()),
                    translatedOr("monitoring.incidents.trend." + negative.trend(), negative.trend()), words));
            negativeLine.setId("incident-detail-negative");
            negativeLine.getStyle().set("display", "block");
            detail.add(negativeLine);
        }
        if (!m.flags().isEmpty()) {
            Span flags = new Span(getTranslation("monitoring.incidents.flags",
                    String.join("、", m.flags().stream().map(this::flagText).toList())));
            flags.setId("incident-detail-flags");
            flags.getStyle().set("display", "block").set("color", "var(--lumo-error-text-color)");
            detail.add(flags);
        }
        detail.add(grading, new H4(getTranslation("monitoring.incidents.posts")));

        Div posts = new Div();
        posts.setId("incident-posts");
        try {
            IncidentPosts answer = client.representativePosts(incident.id());
            if (answer.hits().isEmpty()) {
                posts.add(new Paragraph(getTranslation("monitoring.incidents.noPosts")));
            }
            for (IncidentPosts.Post post : answer.hits()) {
                posts.add(postCard(post));
            }
        } catch (GatewayCallException e) {
            posts.add(new Paragraph(getTranslation("monitoring.incidents.postsUnavailable",
                    e.userMessage(this::getTranslation))));
        }
        detail.add(posts);
    }

    private Div postCard(IncidentPosts.Post post) {
        Div card = new Div();
        card.addClassName("incident-post");
        card.getStyle().set("padding", "0.4em 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        String title = post.title() == null || post.title().isBlank()
                ? getTranslation("monitoring.untitled") : post.title();
        Div heading = new Div();
        heading.getStyle().set("font-weight", "600");
        PostCard.title(heading, post.url(), title);
        Span metaLine = PostCard.meta("incident-post-meta", post.site(),
                post.mediaType() == null ? null : mediumText(post.mediaType()), post.author(),
                post.publishedAt() == null ? null : ConsoleTime.format(post.publishedAt()),
                post.metrics() == null ? null : getTranslation("monitoring.engagement", post.metrics().reads(),
                        post.metrics().comments(), post.metrics().reposts()));
        String text = post.text() == null ? "" : post.text();
        Paragraph preview = new Paragraph(text.length() > PREVIEW ? text.substring(0, PREVIEW) + "…" : text);
        preview.getStyle().set("margin", "0.2em 0");
        card.add(heading, metaLine, preview);
        return card;
    }

    private String stateText(String state) {
        return translatedOr("monitoring.incidents.state." + state, state);
    }

    private String flagText(String flag) {
        return translatedOr("monitoring.flag." + flag, flag);
    }

    private String mediumText(String medium) {
        return translatedOr("monitoring.medium." + medium, medium);
    }

    private String translatedOr(String key, String code) {
        return translations.has(key, getLocale()) ? getTranslation(key) : code == null ? "" : code;
    }
}
