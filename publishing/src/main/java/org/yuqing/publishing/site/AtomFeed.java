package org.yuqing.publishing.site;

import org.springframework.stereotype.Component;
import org.yuqing.publishing.PublishingProperties;
import org.yuqing.publishing.statements.PublicStatement;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes the RFC 4287 Atom feed of published statements. The XML writer escapes all text; entry
 * content is HTML (type="html") whose user text is escaped once more by {@link Html}.
 */
@Component
class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String XML = "http://www.w3.org/XML/1998/namespace";

    private final PublishingProperties properties;
    private final StatementPages pages;
    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    AtomFeed(PublishingProperties properties, StatementPages pages) {
        this.properties = properties;
        this.pages = pages;
    }

    /**
     * @param statements newest first
     * @param now        the feed's updated time when there is no statement
     */
    String write(List<PublicStatement> statements, Instant now) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = factory.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.setDefaultNamespace(ATOM);
            w.writeStartElement(ATOM, "feed");
            w.writeDefaultNamespace(ATOM);
            w.writeAttribute("xml", XML, "lang", "zh-CN");
            text(w, "id", properties.feedId());
            text(w, "title", properties.siteTitle());
            text(w, "updated", time(statements.stream().map(PublicStatement::updatedAt).max(Instant::compareTo)
                    .orElse(now)));
            link(w, "self", "application/atom+xml", properties.feedUrl(), null);
            link(w, "alternate", "text/html", properties.siteUrl(), null);
            w.writeStartElement(ATOM, "author");
            text(w, "name", properties.publisher());
            w.writeEndElement();
            for (PublicStatement s : statements) {
                entry(w, s);
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the Atom feed could not be written", e);
        }
        return out.toString();
    }

    private void entry(XMLStreamWriter w, PublicStatement s) throws XMLStreamException {
        w.writeStartElement(ATOM, "entry");
        text(w, "id", "urn:uuid:" + s.id());
        boolean retracted = s.withdrawal() != null && !s.withdrawal().corrected();
        String mark = s.withdrawal() == null ? "" : retracted ? "【已撤回】" : "【已更正】";
        text(w, "title", mark + s.title());
        text(w, "published", time(s.publishedAt()));
        // the text is frozen; the entry changes once, when it is retracted or corrected
        text(w, "updated", time(s.updatedAt()));
        link(w, "alternate", "text/html", properties.statementUrl(s.id()), null);
        // RFC 4287 4.2.7.2 "related": a correction notice and what it corrects point at each other
        if (s.withdrawal() != null && s.withdrawal().corrected()) {
            link(w, "related", "text/html", properties.statementUrl(s.withdrawal().noticeId()), "更正说明");
        }
        if (s.corrects() != null) {
            link(w, "related", "text/html", properties.statementUrl(s.corrects()), "原发布内容");
        }
        w.writeEmptyElement(ATOM, "category");
        w.writeAttribute("term", s.kind().name());
        w.writeAttribute("label", s.kind().chineseName());
        w.writeStartElement(ATOM, "content");
        w.writeAttribute("type", "html");
        w.writeCharacters(pages.notices(s) + (retracted ? "" : Html.paragraphs(s.body())));
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String element, String value) throws XMLStreamException {
        w.writeStartElement(ATOM, element);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String type, String href, String title)
            throws XMLStreamException {
        w.writeEmptyElement(ATOM, "link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", href);
        if (title != null) {
            w.writeAttribute("title", title);
        }
    }

    private static String time(Instant at) {
        // whole seconds: RFC 3339 allows fractions, but not every feed reader parses six digits
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }
}
