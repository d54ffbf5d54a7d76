package org.yuqing.ui.search;

import org.springframework.web.util.HtmlUtils;

/**
 * Makes a search highlight safe to render as HTML: everything is escaped, then only the bare {@code <em>} and
 * {@code </em>} marks of the matched words are restored. Posts are written by strangers, so a snippet may carry any
 * markup; an {@code <em>} with attributes stays escaped text. Monitoring escapes its passages already (Elasticsearch's
 * html encoder); they are unescaped first so that {@code A&B} is not shown as {@code A&amp;B}, and the console
 * relies on its own escaping either way.
 */
final class Highlights {

    private Highlights() {
    }

    static String toSafeHtml(String snippet) {
        if (snippet == null) {
            return "";
        }
        return HtmlUtils.htmlEscape(HtmlUtils.htmlUnescape(snippet), "UTF-8")
                .replace("&lt;em&gt;", "<em>")
                .replace("&lt;/em&gt;", "</em>");
    }
}
