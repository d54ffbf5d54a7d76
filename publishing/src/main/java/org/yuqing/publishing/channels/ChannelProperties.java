package org.yuqing.publishing.channels;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Configuration of the external channels under {@code yuqing.publishing.channels}; each is off by
 * default, so a fresh install releases to the built-in website only.
 *
 * @param email   email to the press list (SMTP server from {@code spring.mail.*})
 * @param webhook signed JSON posts to CMS receivers
 */
@ConfigurationProperties("yuqing.publishing.channels")
public record ChannelProperties(Email email, Webhook webhook) {

    public ChannelProperties {
        email = email == null ? new Email(false, List.of(), null) : email;
        webhook = webhook == null ? new Webhook(false, List.of(), null, null) : webhook;
    }

    /**
     * Email to the press (新闻媒体邮件).
     *
     * @param enabled    whether statements are mailed; ignored (off) when no recipient is configured
     * @param recipients the press list, sent as Bcc so journalists do not see each other
     * @param from       the office's address the mail comes from (also its To)
     */
    public record Email(boolean enabled, List<String> recipients, String from) {

        public Email {
            recipients = recipients == null ? List.of()
                    : recipients.stream().filter(r -> r != null && !r.isBlank()).map(String::strip).toList();
        }

        /** Whether mail goes out: switched on, with a sender and at least one recipient. */
        public boolean active() {
            return enabled && !recipients.isEmpty() && from != null && !from.isBlank();
        }
    }

    /**
     * Signed webhook (网站群 / CMS 接口).
     *
     * @param enabled whether statements are posted; ignored (off) without URLs or secret
     * @param urls    the receivers; a delivery succeeds only when every one answers 2xx
     * @param secret  the HMAC-SHA256 key shared with the receivers; never logged nor shown
     * @param timeout how long one receiver may take (default 10 s)
     */
    public record Webhook(boolean enabled, List<URI> urls, String secret, Duration timeout) {

        public Webhook {
            urls = urls == null ? List.of() : List.copyOf(urls);
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }

        /** Whether posts go out: switched on, with at least one URL and a secret. */
        public boolean active() {
            return enabled && !urls.isEmpty() && secret != null && !secret.isEmpty();
        }

        @Override
        public String toString() {
            return "Webhook[enabled=" + enabled + ", urls=" + urls + ", secret=****, timeout=" + timeout + "]";
        }
    }
}
