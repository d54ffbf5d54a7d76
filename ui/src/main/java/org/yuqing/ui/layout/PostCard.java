package org.yuqing.ui.layout;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Span;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/** The parts every list of collected posts shows the same way (事件的代表性帖子, 检索结果): title and meta line. */
public final class PostCard {

    private PostCard() {
    }

    /**
     * Puts the post's title in the heading: a link that opens the post in a new tab (without giving it this page)
     * when its URL is a web address, plain text otherwise.
     */
    public static <H extends HasComponents & HasText> void title(H heading, String url, String title) {
        if (url != null && url.matches("(?i)https?://.+")) {
            Anchor link = new Anchor(url, title, AnchorTarget.BLANK);
            link.setRouterIgnore(true);
            link.getElement().setAttribute("rel", "noopener noreferrer");
            heading.add(link);
        } else {
            heading.setText(title);
        }
    }

    /**
     * The line under a post's title: its known parts (site, medium, author, time, engagement) joined by " · ", in
     * the secondary text colour.
     *
     * @param className the line's class name, for tests and styles
     * @param parts     the parts, already translated; null ones are left out
     */
    public static Span meta(String className, String... parts) {
        Span line = new Span(Arrays.stream(parts).filter(Objects::nonNull).collect(Collectors.joining(" · ")));
        line.addClassName(className);
        line.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "0.875em");
        return line;
    }
}
