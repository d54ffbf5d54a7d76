package org.yuqing.ui.search;

import org.springframework.web.util.HtmlUtils;

/**
 * Makes a search highlight safe to render as HTML: everything is escaped, then only the bare {@code <em>} and
 * {@code </em>} marks of the matched words are restored. Posts are written by strangers, so a snippet may carry any
 * markup; an {@code <em>} with attributes stays escaped text.
 */
final class Highlights {

    private Highlights() {
    }

    static String toSafeHtml(String snippet) {
        if (snippet == null) {
            return "";
        }
        return HtmlUtils.htmlEscape(snippet, "UTF-8")
                .replace("&lt;em&gt;", "<em>")
                .replace("&lt;/em&gt;", "</em>");
    }
}
