package org.yuqing.casework.attachments;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration under {@code yuqing.casework.attachments}.
 *
 * @param maxSize the largest file a case takes (default 20 MB); a larger one is refused with 413. The servlet
 *                container's multipart limit ({@code spring.servlet.multipart.max-file-size}) is set from it too
 */
@ConfigurationProperties("yuqing.casework.attachments")
public record AttachmentProperties(DataSize maxSize) {

    public AttachmentProperties {
        maxSize = maxSize == null ? DataSize.ofMegabytes(20) : maxSize;
        if (maxSize.isNegative()) {
            throw new IllegalArgumentException("yuqing.casework.attachments.max-size must not be negative: " + maxSize);
        }
    }
}
