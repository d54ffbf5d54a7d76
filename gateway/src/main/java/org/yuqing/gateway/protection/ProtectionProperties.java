package org.yuqing.gateway.protection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the entry, {@code yuqing.gateway.protection.*}.
 *
 * @param maxApiBodySize           the largest request body accepted on {@code /api/**} (default 10MB); larger → 413
 * @param maxUploadSize            the largest {@code multipart/*} body (file imports, case attachments) accepted on
 *                                 {@code /api/**} (default 100MB); the service's own limit may be lower
 * @param requestsPerSecond        sustained requests per second per user (or per client address when anonymous),
 *                                 default 50
 * @param burst                    the token bucket's size: requests allowed at once after a quiet period, default 100
 * @param contentSecurityPolicy    the {@code Content-Security-Policy} of every answer; the default suits the Vaadin
 *                                 console (its bootstrap page has inline scripts and styles and its client evaluates
 *                                 scripts the server sends)
 */
@ConfigurationProperties("yuqing.gateway.protection")
record ProtectionProperties(DataSize maxApiBodySize, DataSize maxUploadSize, Double requestsPerSecond, Integer burst,
                                   String contentSecurityPolicy) {

    /** Fills the defaults. */
    ProtectionProperties {
        maxApiBodySize = maxApiBodySize == null ? DataSize.ofMegabytes(10) : maxApiBodySize;
        maxUploadSize = maxUploadSize == null ? DataSize.ofMegabytes(100) : maxUploadSize;
        requestsPerSecond = requestsPerSecond == null ? 50.0 : requestsPerSecond;
        burst = burst == null ? 100 : burst;
        if (requestsPerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("yuqing.gateway.protection: requests-per-second > 0 and burst >= 1");
        }
        contentSecurityPolicy = contentSecurityPolicy == null || contentSecurityPolicy.isBlank()
                ? SecurityHeaders.CONSOLE_POLICY : contentSecurityPolicy;
    }
}
