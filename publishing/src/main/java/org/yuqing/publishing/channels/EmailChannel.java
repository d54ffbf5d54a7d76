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

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/**
 * Email to the press list (新闻媒体邮件): one multipart/alternative message (plain text and escaped
 * HTML of the one approved text) from the office's address, Bcc to the configured list. The
 * {@code Message-ID} and {@code X-Yuqing-Statement} header derive from the statement id, so a
 * retried mail is recognisable as the same release.
 */
@Component
class EmailChannel implements Channel {

    static final String NAME = "email";

    private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);

    private final ChannelProperties.Email settings;
    private final ObjectProvider<JavaMailSender> mailSender;

    EmailChannel(ChannelProperties properties, ObjectProvider<JavaMailSender> mailSender) {
        this.settings = properties.email();
        this.mailSender = mailSender;
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
        // RFC 2047 encoded word in UTF-8: Chinese titles survive every mail server
        message.setSubject("【" + p.kindName() + "】" + p.title(), "UTF-8");
        message.setSentDate(Date.from(p.publishedAt()));
        message.setHeader("Message-ID", messageId(p));
        message.setHeader("X-Yuqing-Statement", p.statementId().toString());
        message.setHeader("X-Yuqing-Idempotency-Key", p.statementId() + ":" + NAME);

        MimeBodyPart text = new MimeBodyPart();
        text.setText(plainText(p), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(html(p), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
    }

    /** The same for every attempt at one statement: mail clients and servers drop the duplicate. */
    static String messageId(Publication p) {
        return "<statement-" + p.statementId() + "@yuqing.publishing>";
    }

    static String plainText(Publication p) {
        return p.title() + "\n\n" + p.body() + "\n\n" + p.kindName() + " · "
                + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(p.publishedAt().atOffset(ZoneOffset.UTC))
                + "\n" + p.publicUrl() + "\n";
    }

    static String html(Publication p) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>")
                .append(escape(p.title())).append("</title></head><body>\n<h1>").append(escape(p.title()))
                .append("</h1>\n");
        for (String line : p.body().split("\\R")) {
            if (!line.isBlank()) {
                out.append("<p>").append(escape(line.strip())).append("</p>\n");
            }
        }
        out.append("<p><a href=\"").append(escape(p.publicUrl())).append("\">").append(escape(p.publicUrl()))
                .append("</a></p>\n</body></html>\n");
        return out.toString();
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
