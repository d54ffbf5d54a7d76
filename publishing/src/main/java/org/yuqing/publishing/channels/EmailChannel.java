package org.yuqing.publishing.channels;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import org.yuqing.publishing.renditions.Master;
import org.yuqing.publishing.renditions.Rendition;
import org.yuqing.publishing.renditions.Renditions;

import java.util.Date;
import java.util.List;

/**
 * Email to the press list (新闻媒体邮件): one multipart/alternative message from the office's address, Bcc to the
 * configured list, carrying the approved {@code email} rendition ({@link Renditions}) — its subject, its text as the
 * plain part, and the same text as escaped HTML paragraphs (the public link clickable) — never the master
 * re-formatted at send time. The
 * {@code Message-ID} and {@code X-Yuqing-Statement} header derive from the statement id, so a
 * retried mail is recognisable as the same release.
 */
@Component
class EmailChannel implements Channel {

    static final String NAME = "email";

    private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);

    private final ChannelProperties.Email settings;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final Renditions renditions;

    EmailChannel(ChannelProperties properties, ObjectProvider<JavaMailSender> mailSender, Renditions renditions) {
        this.settings = properties.email();
        this.mailSender = mailSender;
        this.renditions = renditions;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** On when configured with sender and recipients and an SMTP server ({@code spring.mail.host}) is set. */
    @Override
    public boolean enabled() {
        return settings.active() && mailSender.getIfAvailable() != null;
    }

    @Override
    public Delivery deliver(Publication publication) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return Delivery.failed(NAME, "no SMTP server configured (spring.mail.host)");
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            compose(message, publication);
            sender.send(message);
            log.info("statement {} mailed to {} press recipients", publication.statementId(),
                    settings.recipients().size());
            return new Delivery(NAME, null, Delivery.Status.DELIVERED);
        } catch (MessagingException | MailException e) {
            log.warn("statement {} could not be mailed: {}", publication.statementId(), e.getMessage());
            return Delivery.failed(NAME, "SMTP: " + e.getMessage());
        }
    }

    /** Fills the message; package-private so tests can look at exactly what is sent. */
    void compose(MimeMessage message, Publication p) throws MessagingException {
        message.setFrom(new InternetAddress(settings.from(), true));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(settings.from(), true));
        for (String recipient : settings.recipients()) {
            message.addRecipient(Message.RecipientType.BCC, new InternetAddress(recipient, true));
        }
        Rendition email = renditions.of(new Master(p.statementId(), p.kindName(), p.title(), p.body(), p.publicUrl()),
                "email").orElseThrow();
        // RFC 2047 encoded word in UTF-8: Chinese titles survive every mail server
        message.setSubject(email.subject(), "UTF-8");
        message.setSentDate(Date.from(p.publishedAt()));
        message.setHeader("Message-ID", messageId(p));
        message.setHeader("X-Yuqing-Statement", p.statementId().toString());
        message.setHeader("X-Yuqing-Idempotency-Key", p.statementId() + ":" + NAME);

        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.content(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(html(email, p.publicUrl()), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
    }

    /** The same for every attempt at one statement: mail clients and servers drop the duplicate. */
    static String messageId(Publication p) {
        return "<statement-" + p.statementId() + "@yuqing.publishing>";
    }

    /**
     * The email rendition's text as an HTML document: its first line the heading, every other non-blank line a
     * paragraph, the public link a link; all of it escaped.
     */
    static String html(Rendition email, String publicUrl) {
        List<String> lines = email.content().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>")
                .append(escape(email.subject())).append("</title></head><body>\n");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0) {
                out.append("<h1>").append(escape(line)).append("</h1>\n");
            } else if (line.equals(publicUrl)) {
                out.append("<p><a href=\"").append(escape(line)).append("\">").append(escape(line)).append("</a></p>\n");
            } else {
                out.append("<p>").append(escape(line)).append("</p>\n");
            }
        }
        return out.append("</body></html>\n").toString();
    }

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
}
