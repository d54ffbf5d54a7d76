package org.yuqing.ui.search;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.i18n.ConsoleTime;
import org.yuqing.ui.i18n.ConsoleTranslations;
import org.yuqing.ui.layout.ConsoleNotifications;
import org.yuqing.ui.layout.MainLayout;
import org.yuqing.ui.layout.PostCard;

/**
 * 舆情检索: search over collected posts with filters (time range, mainstream outlets, topic), an order (relevance, time
 * or heat), facets with counts (site, media type; a click filters by the bucket, a second click removes it), the
 * volume per day or hour, highlighted snippets, deep paging (更多, monitoring's {@code search_after} cursor) and a
 * CSV export of the same criteria.
 */
@Route(value = "search", layout = MainLayout.class)
public class SearchView extends VerticalLayout implements HasDynamicTitle {

    private static final int PLAIN_TEXT_PREVIEW = 160;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ConsoleTime.ZONE);
    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("MM-dd HH:00").withZone(ConsoleTime.ZONE);

    private final PostSearchClient client;
    private final ConsoleTranslations translations;
    private final TextField query = new TextField();
    private final Select<String> sort = new Select<>();
    private final DatePicker since = new DatePicker();
    private final DatePicker until = new DatePicker();
    private final Select<String> interval = new Select<>();
    private final Select<String> mainstream = new Select<>();
    private final ComboBox<String> topic = new ComboBox<>();
    private final Div activeFilters = new Div();
    private final Div siteFacet = new Div();
    private final Div mediumFacet = new Div();
    private final Span total = new Span();
    private final Anchor export = new Anchor();
    private final Div volume = new Div();
    private final Div results = new Div();
    private final Button more = new Button();
    private Map<String, String> topicNames = Map.of();
    /** Counts of the last search's mainstream facet ({@code true}/{@code false}), shown in the filter's labels. */
    private Map<String, Long> mainstreamCounts = Map.of();
    /** Counts of the last search's topic facet, by topic id, shown in the topic filter's labels. */
    private Map<String, Long> topicCounts = Map.of();
    private Set<String> sites = new HashSet<>();
    private Set<String> mediaTypes = new HashSet<>();
    private SearchCriteria current;
    private String next;
    private boolean searched;

    SearchView(PostSearchClient client, ConsoleTranslations translations) {
        this.client = client;
        this.translations = translations;

        query.setId("search-field");
        query.setPlaceholder(getTranslation("search.placeholder"));
        query.setClearButtonVisible(true);
        query.setWidth("28em");
        query.setAriaLabel(getTranslation("search.heading"));
        Button search = new Button(getTranslation("search.button"), click -> search());
        search.setId("search-button");
        search.addThemeVariants(ButtonVariant.PRIMARY);
        search.addClickShortcut(Key.ENTER);
        HorizontalLayout bar = new HorizontalLayout(query, search);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);

        sort.setId("search-sort");
        sort.setLabel(getTranslation("monitoring.search.sort"));
        sort.setItems("relevance", "time", "heat");
        sort.setItemLabelGenerator(s -> getTranslation("monitoring.search.sort." + s));
        sort.setValue("relevance");
        since.setId("search-since");
        since.setLabel(getTranslation("monitoring.search.since"));
        since.setClearButtonVisible(true);
        until.setId("search-until");
        until.setLabel(getTranslation("monitoring.search.until"));
        until.setClearButtonVisible(true);
        interval.setId("search-interval");
        interval.setLabel(getTranslation("monitoring.search.interval"));
        interval.setItems("day", "hour");
        interval.setItemLabelGenerator(i -> getTranslation("monitoring.search.interval." + i));
        interval.setValue("day");
        mainstream.setId("facet-mainstream");
        mainstream.setLabel(getTranslation("monitoring.search.mainstream"));
        mainstream.setItems("", "true", "false");
        mainstream.setItemLabelGenerator(this::mainstreamLabel);
        mainstream.setValue("");
        topic.setId("facet-topic");
        topic.setLabel(getTranslation("monitoring.search.topic"));
        topic.setClearButtonVisible(true);
        topic.setItemLabelGenerator(this::topicLabel);
        loadTopics();
        for (var field : List.of(sort, interval, mainstream)) {
            field.addValueChangeListener(change -> rerun());
        }
        since.addValueChangeListener(change -> rerun());
        until.addValueChangeListener(change -> rerun());
        topic.addValueChangeListener(change -> rerun());
        HorizontalLayout filters = new HorizontalLayout(sort, since, until, mainstream, topic, interval);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        activeFilters.setId("search-filters");
        siteFacet.setId("facet-site");
        mediumFacet.setId("facet-medium");
        VerticalLayout facets = new VerticalLayout(new H4(getTranslation("monitoring.search.facet.site")), siteFacet,
                new H4(getTranslation("monitoring.search.facet.medium")), mediumFacet);
        facets.setPadding(false);
        facets.setSpacing(false);
        facets.setWidth("16em");

        total.setId("search-total");
        export.setId("search-export");
        export.setText(getTranslation("monitoring.search.export"));
        export.setRouterIgnore(true);
        export.setVisible(false);
        volume.setId("search-volume");
        results.setId("search-results");
        results.setWidthFull();
        results.add(new Paragraph(getTranslation("search.hint")));
        more.setId("search-more");
        more.setText(getTranslation("monitoring.search.more"));
        more.addClickListener(click -> loadMore());
        more.setVisible(false);
        HorizontalLayout summary = new HorizontalLayout(total, export);
        summary.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout main = new VerticalLayout(summary, volume, results, more);
        main.setPadding(false);
        HorizontalLayout body = new HorizontalLayout(facets, main);
        body.setWidthFull();
        body.expand(main);

        add(new H2(getTranslation("search.heading")), bar, filters, activeFilters, body);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("search.heading") + " · " + getTranslation("app.name");
    }

    /** 全部媒体, or 仅主流媒体（12） with the last search's count. */
    private String mainstreamLabel(String value) {
        String label = getTranslation("monitoring.search.mainstream." + (value.isEmpty() ? "all" : value));
        Long count = mainstreamCounts.get(value);
        return count == null ? label : getTranslation("monitoring.search.bucket", label, count);
    }

    /** The topic's name, with the last search's count when it had any. */
    private String topicLabel(String id) {
        String label = topicNames.getOrDefault(id, id);
        Long count = topicCounts.get(id);
        return count == null ? label : getTranslation("monitoring.search.bucket", label, count);
    }

    /** Puts the counts of the mainstream and topic facets into the labels of their filters. */
    private void showFilterCounts(PostSearchResult.Aggregations aggregations) {
        Map<String, Long> m = new HashMap<>();
        aggregations.mainstream().forEach(b -> m.put(b.key(), b.count()));
        mainstreamCounts = m;
        Map<String, Long> t = new HashMap<>();
        aggregations.topics().forEach(b -> {
            t.put(b.id(), b.count());
            if (!topicNames.containsKey(b.id()) && b.name() != null) {
                Map<String, String> names = new LinkedHashMap<>(topicNames);
                names.put(b.id(), b.name());
                topicNames = names;
            }
        });
        topicCounts = t;
        // re-render the labels with the new counts, keeping the choices
        mainstream.setItemLabelGenerator(this::mainstreamLabel);
        topic.setItemLabelGenerator(this::topicLabel);
    }

    private void loadTopics() {
        try {
            topicNames = client.topicNames();
            topic.setItems(topicNames.keySet());
        } catch (GatewayCallException e) {
            // searching works without the topic filter
            topic.setVisible(false);
        }
    }

    private void rerun() {
        if (searched) {
            search();
        }
    }

    private SearchCriteria criteria() {
        String m = mainstream.getValue();
        return new SearchCriteria(query.getValue(), since.getValue(), until.getValue(), sites, mediaTypes,
                m == null || m.isEmpty() ? null : Boolean.valueOf(m), topic.getValue(), sort.getValue(),
                interval.getValue());
    }

    private void search() {
        searched = true;
        current = criteria();
        results.removeAll();
        volume.removeAll();
        siteFacet.removeAll();
        mediumFacet.removeAll();
        total.setText("");
        more.setVisible(false);
        showActiveFilters();
        export.setHref(current.exportHref());
        export.setVisible(true);
        try {
            PostSearchResult page = client.search(current, null);
            total.setText(getTranslation("search.total", page.total()));
            showFacets(page.aggregations());
            if (page.hits().isEmpty()) {
                results.add(new Paragraph(getTranslation("search.none")));
            }
            append(page);
        } catch (GatewayCallException e) {
            failed(e);
        }
    }

    private void loadMore() {
        if (current == null || next == null) {
            return;
        }
        try {
            append(client.search(current, next));
        } catch (GatewayCallException e) {
            failed(e);
        }
    }

    private void append(PostSearchResult page) {
        for (PostSearchResult.Hit hit : page.hits()) {
            results.add(hitCard(hit));
        }
        next = page.next();
        more.setVisible(next != null && !page.hits().isEmpty());
    }

    private void failed(GatewayCallException e) {
        String message = e.userMessage(this::getTranslation);
        Paragraph failed = new Paragraph(getTranslation("search.unavailable", message));
        failed.setId("search-error");
        results.add(failed);
        more.setVisible(false);
        ConsoleNotifications.error(message);
    }

    private void showFacets(PostSearchResult.Aggregations aggregations) {
        if (aggregations == null) {
            return;
        }
        showFilterCounts(aggregations);
        for (PostSearchResult.Bucket bucket : aggregations.sites()) {
            siteFacet.add(facetButton("facet-site-" + bucket.key(), bucket.key(), bucket.count(),
                    sites.contains(bucket.key()), () -> sites = toggled(sites, bucket.key())));
        }
        for (PostSearchResult.Bucket bucket : aggregations.mediaTypes()) {
            mediumFacet.add(facetButton("facet-medium-" + bucket.key(), mediumText(bucket.key()), bucket.count(),
                    mediaTypes.contains(bucket.key()), () -> mediaTypes = toggled(mediaTypes, bucket.key())));
        }
        showVolume(aggregations);
    }

    private Button facetButton(String id, String label, long count, boolean selected, Runnable toggle) {
        Button button = new Button(getTranslation("monitoring.search.bucket", label, count), click -> {
            toggle.run();
            search();
        });
        button.setId(id);
        button.addClassName("facet-bucket");
        button.addThemeVariants(selected ? ButtonVariant.PRIMARY : ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        button.getElement().setAttribute("aria-pressed", String.valueOf(selected));
        button.getStyle().set("display", "block");
        return button;
    }

    private static Set<String> toggled(Set<String> values, String value) {
        Set<String> copy = new HashSet<>(values);
        if (!copy.remove(value)) {
            copy.add(value);
        }
        return copy;
    }

    /** The site and media type filters in force, each removable with a click. */
    private void showActiveFilters() {
        activeFilters.removeAll();
        Map<String, Runnable> chips = new LinkedHashMap<>();
        sites.stream().sorted().forEach(site -> chips.put(getTranslation("monitoring.search.filter.site", site),
                () -> sites = toggled(sites, site)));
        mediaTypes.stream().sorted().forEach(type -> chips.put(
                getTranslation("monitoring.search.filter.medium", mediumText(type)),
                () -> mediaTypes = toggled(mediaTypes, type)));
        chips.forEach((label, remove) -> {
            Button chip = new Button(label + " ×", click -> {
                remove.run();
                search();
            });
            chip.addClassName("search-filter");
            chip.addThemeVariants(ButtonVariant.SMALL);
            activeFilters.add(chip);
        });
    }

    private void showVolume(PostSearchResult.Aggregations aggregations) {
        if (aggregations.volume().isEmpty()) {
            return;
        }
        boolean hourly = "HOUR".equalsIgnoreCase(aggregations.interval());
        volume.add(new H4(getTranslation(hourly ? "monitoring.search.volume.hour" : "monitoring.search.volume.day")));
        long max = aggregations.volume().stream().mapToLong(PostSearchResult.Bucket::count).max().orElse(1);
        for (PostSearchResult.Bucket bucket : aggregations.volume()) {
            String label;
            try {
                label = (hourly ? HOUR : DAY).format(Instant.parse(bucket.key()));
            } catch (java.time.format.DateTimeParseException e) {
                label = bucket.key();
            }
            Span when = new Span(label);
            when.getStyle().set("display", "inline-block").set("width", "8em");
            Div bar = new Div();
            bar.getStyle().set("display", "inline-block").set("height", "0.8em")
                    .set("background", "var(--lumo-primary-color-50pct)")
                    .set("width", Math.max(1, bucket.count() * 20 / Math.max(1, max)) + "em");
            Span count = new Span(" " + bucket.count());
            Div row = new Div(when, bar, count);
            row.addClassName("volume-bucket");
            volume.add(row);
        }
    }

    private Div hitCard(PostSearchResult.Hit hit) {
        Div card = new Div();
        card.addClassName("search-hit");
        card.getStyle().set("padding", "0.5em 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");

        String title = hit.title() == null || hit.title().isBlank() ? getTranslation("search.untitled") : hit.title();
        H3 heading = new H3();
        heading.getStyle().set("margin", "0.25em 0");
        PostCard.title(heading, hit.url(), title);

        Span metaLine = PostCard.meta("search-hit-meta", hit.site(),
                hit.mediaType() == null ? null : mediumText(hit.mediaType()), hit.author(),
                hit.publishedAt() == null ? null : ConsoleTime.format(hit.publishedAt()),
                hit.metrics() == null ? null : getTranslation("monitoring.engagement", hit.metrics().reads(),
                        hit.metrics().comments(), hit.metrics().reposts()));
        card.add(heading, metaLine);

        if (hit.highlights().isEmpty()) {
            String text = hit.text() == null ? "" : hit.text();
            card.add(new Paragraph(text.length() > PLAIN_TEXT_PREVIEW
                    ? text.substring(0, PLAIN_TEXT_PREVIEW) + "…" : text));
        } else {
            for (String snippet : hit.highlights()) {
                Paragraph paragraph = new Paragraph();
                paragraph.addClassName("highlight");
                paragraph.getElement().setProperty("innerHTML", Highlights.toSafeHtml(snippet));
                card.add(paragraph);
            }
        }
        return card;
    }

    private String mediumText(String medium) {
        String key = "monitoring.medium." + medium;
        return translations.has(key, getLocale()) ? getTranslation(key) : medium;
    }
}
