package org.yuqing.publishing.site;

/** Escaping of user text for HTML. */
final class Html {

    private Html() {
    }

    /** The text with every character that is markup in HTML text or attribute values escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The plain-text body as HTML paragraphs: one {@code <p>} per non-blank line, escaped. */
    static String paragraphs(String body) {
        StringBuilder out = new StringBuilder();
        for (String line : body.split("\\R")) {
            if (!line.isBlank()) {
                out.append("<p>").append(escape(line.strip())).append("</p>\n");
            }
        }
        return out.toString();
    }
}
