package org.yuqing.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Configuration under {@code yuqing.publishing}.
 *
 * @param publicBaseUrl the address the public reaches this service's {@code /public/...} pages at
 *                      (normally the gateway), without a trailing slash
 * @param siteTitle     title of the public statements site and its Atom feed
 * @param publisher     the issuing office named as author of the feed
 * @param timeZone      time zone the public pages show times in (IANA id)
 */
@ConfigurationProperties("yuqing.publishing")
public record PublishingProperties(URI publicBaseUrl, String siteTitle, String publisher, String timeZone) {

    public PublishingProperties {
        String base = publicBaseUrl == null ? "http://127.0.0.1:8080" : publicBaseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        publicBaseUrl = URI.create(base);
        if (siteTitle == null || siteTitle.isBlank()) {
            siteTitle = "权威发布";
        }
        if (publisher == null || publisher.isBlank()) {
            publisher = "新闻发布办公室";
        }
        if (timeZone == null || timeZone.isBlank()) {
            timeZone = "Asia/Shanghai";
        }
        ZoneId.of(timeZone);
    }

    /** The public page of one statement. */
    public String statementUrl(UUID statementId) {
        return siteUrl() + "/" + statementId;
    }

    /** The public list of statements. */
    public String siteUrl() {
        return publicBaseUrl + "/public/statements";
    }

    /** The Atom feed of published statements. */
    public String feedUrl() {
        return siteUrl() + "/feed.atom";
    }

    /** The Atom feed id: a name-based UUID of the site address, stable as long as the address is. */
    public String feedId() {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("yuqing:public-statements:" + siteUrl())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The zone public pages show times in. */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
