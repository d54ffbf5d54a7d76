package org.yuqing.casework.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * Configuration under {@code yuqing.casework.notifications}: how notices leave the service (email, SMS, group robots)
 * and how failed deliveries are retried.
 *
 * @param dispatchInterval how often the dispatcher sends what is due (default 5 s); {@code schedule=false} turns the
 *                         schedule off (tests drive the dispatcher themselves)
 * @param maxAttempts      attempts before a delivery is given up as FAILED (default 5); a person may retry it by hand
 * @param firstBackoff     the wait after the first failed attempt (default 30 s); it doubles after each further one
 * @param maxBackoff       the longest wait between attempts (default 30 min)
 * @param sendingLease     how long an attempt may take before a restarted service treats it as interrupted (default 5 min;
 *                         longer than any channel's timeout)
 * @param batchSize        deliveries claimed per round (default 50)
 * @param timeout          connect and request timeout of the HTTP channels (SMS gateway, robots; default 10 s)
 * @param email            the email channel; on when {@code from} is set and an SMTP server ({@code spring.mail.host}) is
 * @param sms              the SMS gateway; on when its {@code url} is set
 */
@ConfigurationProperties("yuqing.casework.notifications")
public record NotificationProperties(Duration dispatchInterval, Integer maxAttempts, Duration firstBackoff,
                                     Duration maxBackoff, Duration sendingLease, Integer batchSize, Duration timeout,
                                     Email email, Sms sms) {

    public NotificationProperties {
        dispatchInterval = dispatchInterval == null ? Duration.ofSeconds(5) : dispatchInterval;
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        firstBackoff = firstBackoff == null ? Duration.ofSeconds(30) : firstBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(30) : maxBackoff;
        sendingLease = sendingLease == null ? Duration.ofMinutes(5) : sendingLease;
        batchSize = batchSize == null ? 50 : batchSize;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        email = email == null ? new Email(null) : email;
        sms = sms == null ? new Sms(null, null, null) : sms;
        if (maxAttempts < 1 || batchSize < 1 || !positive(dispatchInterval) || !positive(firstBackoff)
                || !positive(maxBackoff) || !positive(sendingLease) || !positive(timeout)) {
            throw new IllegalArgumentException("yuqing.casework.notifications: attempts, batch size, intervals, "
                    + "backoffs, lease and timeout must be positive");
        }
    }

    /**
     * The wait before the next attempt after {@code failedAttempts} failed ones: {@code firstBackoff} doubled per
     * further failure, at most {@code maxBackoff}.
     */
    public Duration backoffAfter(int failedAttempts) {
        Duration wait = firstBackoff;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    /**
     * The email channel.
     *
     * @param from the sender address, e.g. {@code 舆情值班 <yuqing-duty@district.example.gov.cn>}; blank turns email off
     */
    public record Email(String from) {

        public Email {
            from = from == null || from.isBlank() ? null : from.strip();
        }
    }

    /**
     * The SMS gateway (see {@link SmsGatewaySender} for its HTTP contract).
     *
     * @param url    the gateway's send address; {@code null} turns SMS off
     * @param apiKey the bearer credential the gateway issued; never logged, never shown
     * @param sender the signature the gateway puts before the text, e.g. 区委网信办
     */
    public record Sms(URI url, String apiKey, String sender) {

        public Sms {
            url = url == null || url.toString().isBlank() ? null : url;
            apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
            sender = sender == null || sender.isBlank() ? null : sender.strip();
        }

        @Override
        public String toString() {
            return "Sms[url=" + (url == null ? null : url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath())
                    + ", apiKey=" + (apiKey == null ? "none" : "***") + ", sender=" + sender + "]";
        }
    }
}
