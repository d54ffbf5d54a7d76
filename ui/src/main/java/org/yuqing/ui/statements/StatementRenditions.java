package org.yuqing.ui.statements;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A statement's master text and every channel's rendition ({@code GET …/statements/{id}/renditions}), with the
 * hash an approval binds.
 *
 * @param statementId the statement
 * @param kind        its kind
 * @param title       master title
 * @param body        master body
 * @param contentHash hash of master and renditions
 * @param renditions  one per channel
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatementRenditions(String statementId, String kind, String title, String body, String contentHash,
                                  List<Rendition> renditions) {

    /** Normalises a missing list. */
    public StatementRenditions {
        renditions = renditions == null ? List.of() : List.copyOf(renditions);
    }

    /**
     * The master text as one channel carries it.
     *
     * @param channel  {@code website}, {@code email}, {@code sms}, {@code microblog}, {@code wechat}, {@code robot}, …
     * @param label    its Chinese name
     * @param format   {@code html}, {@code text} or {@code markdown}
     * @param subject  subject line or message title, {@code null} where none
     * @param content  the whole rendered text
     * @param segments the parts it is sent as (SMS: numbered segments)
     * @param cut      whether the master was shortened to fit (a link to the full text is added)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rendition(String channel, String label, String format, String subject, String content,
                            List<String> segments, boolean cut) {

        /** Normalises missing segments to the whole content. */
        public Rendition {
            segments = segments == null ? (content == null ? List.of() : List.of(content)) : List.copyOf(segments);
        }
    }
}
