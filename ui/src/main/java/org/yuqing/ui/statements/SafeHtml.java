package org.yuqing.ui.statements;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * Makes a channel's HTML rendition safe to preview inside the console: only text markup survives (no script, no
 * event handler, no frame, no form, no link target other than http(s)), and inline styles only when they can
 * neither load anything nor cover the page (an official-account article is styled inline, so the preview keeps
 * its look).
 */
public final class SafeHtml {

    private static final Pattern UNSAFE_STYLE =
            Pattern.compile("url\\s*\\(|expression|javascript:|@import|position|behavior|-moz-binding|\\\\");
    private static final Safelist PREVIEW = Safelist.relaxed()
            .addTags("section", "article")
            .addAttributes(":all", "style", "class")
            .removeTags("img")
            .addProtocols("a", "href", "http", "https");

    private SafeHtml() {
    }

    /**
     * The HTML with everything that could run, load or overlay removed.
     *
     * @param html a rendition's HTML, may be {@code null}
     * @return safe HTML (a fragment), empty for {@code null}
     */
    public static String sanitise(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document clean = Jsoup.parseBodyFragment(Jsoup.clean(html, PREVIEW));
        for (Element element : clean.body().select("[style]")) {
            if (UNSAFE_STYLE.matcher(element.attr("style").toLowerCase(Locale.ROOT)).find()) {
                element.removeAttr("style");
            }
        }
        for (Element link : clean.body().select("a[href]")) {
            link.attr("rel", "noopener noreferrer nofollow").attr("target", "_blank");
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
