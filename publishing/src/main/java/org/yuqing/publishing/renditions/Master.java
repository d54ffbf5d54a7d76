package org.yuqing.publishing.renditions;

import java.util.Objects;
import java.util.UUID;

/**
 * The master text (母版) of a statement and what every rendition of it needs besides the text.
 *
 * @param statementId the statement
 * @param kindName    the Chinese name of its kind (e.g. 事实通报)
 * @param title       the title, trimmed
 * @param body        the body, trimmed, paragraphs separated by newlines (plain text, never HTML)
 * @param publicUrl   the statement's page on the public website (known before publication: it derives from the id)
 */
public record Master(UUID statementId, String kindName, String title, String body, String publicUrl) {

    public Master {
        Objects.requireNonNull(statementId, "statementId");
        Objects.requireNonNull(kindName, "kindName");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(publicUrl, "publicUrl");
    }
}
