package org.yuqing.ui.search;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.i18n.ConsoleTime;
import org.yuqing.ui.layout.MainLayout;

/**
 * 舆情检索: keyword search over collected posts, showing the total and the best hits with their highlighted
 * snippets.
 */
@Route(value = "search", layout = MainLayout.class)
public class SearchView extends VerticalLayout implements HasDynamicTitle {

    private static final int PLAIN_TEXT_PREVIEW = 160;

    private final PostSearchClient client;
    private final TextField query = new TextField();
    private final Div results = new Div();

    SearchView(PostSearchClient client) {
        this.client = client;

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

        results.setId("search-results");
        results.setWidthFull();
        results.add(new Paragraph(getTranslation("search.hint")));

        add(new H2(getTranslation("search.heading")), bar, results);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("search.heading") + " · " + getTranslation("app.name");
    }

    private void search() {
        String words = query.getValue() == null ? "" : query.getValue().strip();
        results.removeAll();
        if (words.isEmpty()) {
            results.add(new Paragraph(getTranslation("search.hint")));
            return;
        }
        try {
            show(client.search(words));
        } catch (GatewayCallException e) {
            String message = getTranslation(e.messageKey());
            Paragraph failed = new Paragraph(getTranslation("search.unavailable", message));
            failed.setId("search-error");
            results.add(failed);
            Notification notification = new Notification(message, 6_000, Notification.Position.TOP_CENTER);
            notification.setId("error-notification");
            notification.addThemeVariants(NotificationVariant.ERROR);
            notification.open();
        }
    }

    private void show(PostSearchResult result) {
        Span total = new Span(getTranslation("search.total", result.total()));
        total.setId("search-total");
        results.add(total);
        if (result.hits().isEmpty()) {
            results.add(new Paragraph(getTranslation("search.none")));
            return;
        }
        for (PostSearchResult.Hit hit : result.hits()) {
            results.add(hitCard(hit));
        }
    }

    private Div hitCard(PostSearchResult.Hit hit) {
        Div card = new Div();
        card.addClassName("search-hit");
        card.getStyle().set("padding", "0.5em 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");

        String title = hit.title() == null || hit.title().isBlank() ? getTranslation("search.untitled") : hit.title();
        H3 heading = new H3();
        heading.getStyle().set("margin", "0.25em 0");
        if (hit.url() != null && hit.url().matches("(?i)https?://.+")) {
            Anchor link = new Anchor(hit.url(), title, AnchorTarget.BLANK);
            link.setRouterIgnore(true);
            link.getElement().setAttribute("rel", "noopener noreferrer");
            heading.add(link);
        } else {
            heading.setText(title);
        }

        List<String> meta = new ArrayList<>();
        if (hit.site() != null) {
            meta.add(hit.site());
        }
        if (hit.author() != null) {
            meta.add(hit.author());
        }
        if (hit.publishedAt() != null) {
            meta.add(ConsoleTime.format(hit.publishedAt()));
        }
        Span metaLine = new Span(String.join(" · ", meta));
        metaLine.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "0.875em");
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
}
