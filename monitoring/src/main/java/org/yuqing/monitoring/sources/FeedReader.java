package org.yuqing.monitoring.sources;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an RSS 2.0 or Atom document into entries. The bytes are decoded with the charset of the
 * HTTP {@code Content-Type} header when it names one the JVM knows, else with the XML prolog's
 * encoding (or the BOM), else as UTF-8 — so GBK, GB18030 and Big5 feeds read right.
 */
final class FeedReader {

    /** One entry as read: {@code link} and {@code publishedAt} may be null; text is plain (HTML stripped). */
    record Entry(String uri, String link, String title, String text, Instant publishedAt) {
    }

    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)\"?");
    private static final Pattern DROPPED_ELEMENTS = Pattern.compile("(?is)<(script|style)\\b[^>]*>.*?</\\1\\s*>");
    private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|h[1-6]|tr)\\s*>");
    private static final Pattern TAGS = Pattern.compile("(?s)<!--.*?-->|<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});");
    private static final Map<String, String> ENTITIES = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", " "),
            Map.entry("hellip", "…"), Map.entry("mdash", "—"), Map.entry("ndash", "–"), Map.entry("ldquo", "“"),
            Map.entry("rdquo", "”"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("middot", "·"));

    private FeedReader() {
    }

    /**
     * Parses the document.
     *
     * @param contentType the HTTP Content-Type header, may be null
     * @throws FeedUnavailableException when it is not a well-formed RSS or Atom document
     */
    static List<Entry> read(byte[] body, String contentType) throws FeedUnavailableException {
        SyndFeed feed;
        try (Reader reader = reader(body, contentType)) {
            feed = new SyndFeedInput().build(reader);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new FeedUnavailableException("unreadable feed: " + e.getMessage(), e);
        }
        List<Entry> entries = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) {
            entries.add(new Entry(e.getUri(), link(e), plain(e.getTitle()), plain(content(e)),
                    instant(e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate())));
        }
        return entries;
    }

    /** The charset the HTTP header names, or null when it names none or one the JVM does not know. */
    static Charset httpCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static Reader reader(byte[] body, String contentType) throws IOException {
        Charset charset = httpCharset(contentType);
        if (charset != null) {
            // Decoded here, the parser sees characters and ignores the prolog's encoding: the header wins.
            String text = new String(body, charset);
            return new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
        return new XmlReader(new ByteArrayInputStream(body), true, "UTF-8");
    }

    private static String link(SyndEntry e) {
        if (e.getLink() != null && !e.getLink().isBlank()) {
            return e.getLink().strip();
        }
        for (SyndLink l : e.getLinks()) {
            if (l.getHref() != null && !l.getHref().isBlank() && (l.getRel() == null || "alternate".equals(l.getRel()))) {
                return l.getHref().strip();
            }
        }
        return null;
    }

    private static String content(SyndEntry e) {
        StringBuilder content = new StringBuilder();
        for (SyndContent c : e.getContents()) {
            if (c.getValue() != null && !c.getValue().isBlank()) {
                content.append(c.getValue()).append('\n');
            }
        }
        if (!content.isEmpty()) {
            return content.toString();
        }
        return e.getDescription() == null ? null : e.getDescription().getValue();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** The text of an HTML fragment: elements dropped, entities decoded, whitespace collapsed. */
    static String plain(String html) {
        if (html == null) {
            return "";
        }
        String s = DROPPED_ELEMENTS.matcher(html).replaceAll(" ");
        s = BREAKS.matcher(s).replaceAll("\n");
        s = TAGS.matcher(s).replaceAll(" ");
        s = ENTITY.matcher(s).replaceAll(m -> Matcher.quoteReplacement(entity(m.group(1), m.group())));
        StringBuilder out = new StringBuilder();
        for (String line : s.split("\n")) {
            String collapsed = line.replaceAll("[\\s\\u00A0\\u3000]+", " ").strip();
            if (!collapsed.isEmpty()) {
                out.append(out.isEmpty() ? "" : "\n").append(collapsed);
            }
        }
        return out.toString();
    }

    private static String entity(String name, String whole) {
        if (name.startsWith("#")) {
            try {
                int cp = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(cp) ? Character.toString(cp) : whole;
            } catch (NumberFormatException e) {
                return whole;
            }
        }
        return ENTITIES.getOrDefault(name.toLowerCase(Locale.ROOT), whole);
    }
}
