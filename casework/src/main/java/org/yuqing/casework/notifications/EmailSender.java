package org.yuqing.casework.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.util.Date;

/**
 * Email (邮件) over SMTP: one plain-text UTF-8 message per person, its subject the notice's first clause as an RFC 2047
 * encoded word (Chinese survives every mail server). The {@code Message-ID} derives from the delivery's idempotency
 * key, so a repeated attempt is recognisable as the same message. On when {@code yuqing.casework.notifications.email.from}
 * and {@code spring.mail.host} are set.
 */
@Component
class EmailSender implements ChannelSender {

    static final String CHANNEL = "EMAIL";
    private static final int SUBJECT_LENGTH = 100;

    private final NotificationProperties.Email settings;
    private final ObjectProvider<JavaMailSender> mailSender;

    EmailSender(NotificationProperties properties, ObjectProvider<JavaMailSender> mailSender) {
        this.settings = properties.email();
        this.mailSender = mailSender;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public boolean enabled() {
        return settings.from() != null && mailSender.getIfAvailable() != null;
    }

    @Override
    public Outcome send(Delivery d) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null || settings.from() == null) {
            return Outcome.giveUp("email is not configured (spring.mail.host, yuqing.casework.notifications.email.from)");
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            compose(message, d);
            sender.send(message);
            return Outcome.SENT;
        } catch (AddressException | MailParseException e) {
            return Outcome.giveUp("SMTP: not an address: " + d.address());
        } catch (MessagingException | MailException e) {
            return Outcome.retry("SMTP: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Fills the message; package-private so tests can look at exactly what is sent. */
    void compose(MimeMessage message, Delivery d) throws MessagingException {
        message.setFrom(new InternetAddress(settings.from(), true));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(d.address(), true));
        message.setSubject(subject(d.text()), "UTF-8");
        message.setSentDate(Date.from(d.createdAt()));
        message.setText(d.text() + "\n\n—— 舆情处置平台 自动通知，请勿直接回复。\n", "UTF-8", "plain");
        message.setHeader("X-Yuqing-Idempotency-Key", d.idempotencyKey().toString());
        if (d.caseId() != null) {
            message.setHeader("X-Yuqing-Case", d.caseId().toString());
        }
        // Spring's sender keeps a Message-ID set before sending.
        message.setHeader("Message-ID", messageId(d));
    }

    /** The same for every attempt at one delivery. */
    static String messageId(Delivery d) {
        return "<notification-" + d.idempotencyKey() + "@yuqing.casework>";
    }

    /** The notice's first clause (up to the first {@code ，}), at most 100 characters. */
    static String subject(String text) {
        int comma = text.indexOf('，');
        String first = comma > 0 ? text.substring(0, comma) : text;
        return first.length() > SUBJECT_LENGTH ? first.substring(0, SUBJECT_LENGTH - 1) + "…" : first;
    }
}
