package org.yuqing.publishing.renditions;

import java.util.List;

/**
 * The master text as one channel carries it.
 *
 * @param channel  the rendition's key: {@code website}, {@code email}, {@code sms}, {@code microblog},
 *                 {@code wechat} (official-account article) or {@code robot} (WeCom / DingTalk group markdown)
 * @param label    its Chinese name, for the side-by-side view
 * @param format   {@code html}, {@code text} or {@code markdown}
 * @param subject  the subject line (email) or message title (robot markdown); {@code null} where the channel has none
 * @param content  the whole rendered text
 * @param segments the parts the content is sent as (SMS: numbered segments); one element for every other channel
 * @param cut      whether the master had to be shortened to fit the channel (a link to the full text is then added)
 */
public record Rendition(String channel, String label, String format, String subject, String content,
                        List<String> segments, boolean cut) {

    public Rendition {
        segments = List.copyOf(segments);
    }

    /** A rendition sent as one piece. */
    static Rendition whole(String channel, String label, String format, String subject, String content, boolean cut) {
        return new Rendition(channel, label, format, subject, content, List.of(content), cut);
    }
}
