package org.yuqing.ui.statements;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;

/**
 * Every channel's rendition of a statement side by side, with the content hash an approval binds: SMS as its
 * numbered segments with their lengths, the microblog post with its length, HTML renditions (website, official-account
 * article) as a sanitised preview ({@link SafeHtml}), the rest as plain text. Ids: the panel's own, {@code <id>-hash},
 * and {@code rendition-<channel>} per card.
 */
public class RenditionsPanel extends Div {

    private final PublishingTexts texts;
    private final Span hash = new Span();
    private final Div cards = new Div();

    /**
     * @param id    the panel's element id
     * @param texts names in the user's language
     */
    public RenditionsPanel(String id, PublishingTexts texts) {
        this.texts = texts;
        setId(id);
        setWidthFull();
        hash.setId(id + "-hash");
        hash.addClassName("content-hash");
        hash.getStyle().set("font-family", "monospace").set("font-size", "0.8125rem")
                .set("word-break", "break-all");
        cards.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)")
                .set("align-items", "flex-start");
        add(hash, cards);
    }

    /**
     * Shows the renditions.
     *
     * @param renditions a statement's renditions
     */
    public void show(StatementRenditions renditions) {
        hash.setText(texts.text("publishing.renditions.hash", renditions.contentHash()));
        cards.removeAll();
        renditions.renditions().forEach(r -> cards.add(card(r)));
    }

    /** Shows nothing (e.g. before the first save). */
    public void clear() {
        hash.setText("");
        cards.removeAll();
    }

    private Div card(StatementRenditions.Rendition r) {
        Div card = new Div();
        card.setId("rendition-" + r.channel());
        card.addClassName("rendition");
        card.getStyle().set("flex", "1 1 20em").set("max-width", "36em").set("padding", "var(--lumo-space-s)")
                .set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)");
        H4 name = new H4(texts.channel(r.channel(), r.label()));
        name.getStyle().set("margin", "0 0 var(--lumo-space-xs)");
        card.add(name);
        Span facts = new Span(facts(r));
        facts.addClassName("rendition-facts");
        facts.getStyle().set("display", "block").set("font-size", "0.8125rem")
                .set("color", "var(--lumo-secondary-text-color)");
        card.add(facts);
        if (r.subject() != null && !r.subject().isBlank()) {
            Span subject = new Span(texts.text("publishing.renditions.subject", r.subject()));
            subject.addClassName("rendition-subject");
            subject.getStyle().set("display", "block").set("font-weight", "600");
            card.add(subject);
        }
        if ("sms".equals(r.channel()) || r.segments().size() > 1) {
            OrderedList segments = new OrderedList();
            segments.addClassName("rendition-segments");
            for (String segment : r.segments()) {
                ListItem item = new ListItem(segment);
                item.setTitle(texts.text("publishing.renditions.segmentLength", segment.length()));
                segments.add(item);
            }
            card.add(segments);
        } else if ("html".equals(r.format())) {
            Div preview = new Div();
            preview.addClassName("rendition-html");
            preview.getElement().setProperty("innerHTML", SafeHtml.sanitise(r.content()));
            preview.getStyle().set("max-height", "24em").set("overflow", "auto")
                    .set("background", "var(--lumo-base-color)");
            card.add(preview);
        } else {
            Div text = new Div();
            text.addClassName("rendition-text");
            text.setText(r.content());
            text.getStyle().set("white-space", "pre-wrap").set("max-height", "24em").set("overflow", "auto");
            card.add(text);
        }
        return card;
    }

    /** What a reviewer must know of the channel's form: segments, length, whether it was cut, the format. */
    String facts(StatementRenditions.Rendition r) {
        String content = r.content() == null ? "" : r.content();
        String facts;
        if ("sms".equals(r.channel())) {
            facts = texts.text("publishing.renditions.smsFacts", r.segments().size(), content.length());
        } else if ("microblog".equals(r.channel())) {
            facts = texts.text("publishing.renditions.microblogFacts", content.codePointCount(0, content.length()));
        } else if ("html".equals(r.format())) {
            facts = texts.text("publishing.renditions.htmlFacts");
        } else {
            facts = texts.text("publishing.renditions.textFacts", texts.text("publishing.format." + r.format()),
                    content.codePointCount(0, content.length()));
        }
        return r.cut() ? facts + texts.text("publishing.renditions.cut") : facts;
    }
}
