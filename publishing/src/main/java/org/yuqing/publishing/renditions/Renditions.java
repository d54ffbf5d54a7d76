package org.yuqing.publishing.renditions;

import org.springframework.stereotype.Component;
import org.yuqing.publishing.PublishingProperties;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Renders a master text for every channel ("口径一致": one approved text, each channel's form of it). Rendering is
 * deterministic — the same master gives the same renditions — so what approvers saw side by side is what the
 * channels send, and {@link #contentHash} binds master and renditions into the hash approvals sign.
 *
 * <ul>
 *   <li>{@code website}: sanitised HTML — every character of the master escaped, paragraphs as {@code <p>};</li>
 *   <li>{@code email}: subject 【类别】标题 and a plain-text body with the public link;</li>
 *   <li>{@code sms}: 【发布单位】 signature, text and link, split into segments of at most
 *       {@value #SMS_SEGMENT} UTF-16 units (one Chinese SMS), numbered {@code (1/n)} when there is more than one;</li>
 *   <li>{@code microblog}: a 政务微博 post as Weibo's {@code statuses/share} takes it — at most {@value #MICROBLOG_MAX}
 *       characters counted Weibo's way ({@link #weiboLength}), always ending with the public link (Weibo requires a
 *       link of the app's safe domain), cut with 「……全文：链接」 when longer; {@code #} becomes {@code ＃} (Weibo
 *       refuses #话题词# in shared posts);</li>
 *   <li>{@code wechat}: official-account article HTML with inline styles only (the editor drops style sheets and
 *       outside links, so the public address is plain text);</li>
 *   <li>{@code robot}: WeCom / DingTalk group-robot markdown, at most {@value #ROBOT_MAX_BYTES} bytes of UTF-8
 *       (WeCom's limit), cut with a 「查看全文」 link when longer.</li>
 * </ul>
 */
@Component
public class Renditions {

    /** UTF-16 units of one Chinese (UCS-2) short message. */
    public static final int SMS_SEGMENT = 70;
    /** Characters of one shared Weibo post (statuses/share: 140 Chinese characters). */
    public static final int MICROBLOG_MAX = 140;
    /** Bytes (UTF-8) of one WeCom markdown message. */
    public static final int ROBOT_MAX_BYTES = 4096;

    private final PublishingProperties properties;

    /** Renditions signed with the issuing office's name ({@code yuqing.publishing.publisher}). */
    public Renditions(PublishingProperties properties) {
        this.properties = properties;
    }

    /** Every rendition of the master, in a fixed order: website, email, sms, microblog, wechat, robot. */
    public List<Rendition> of(Master m) {
        return List.of(website(m), email(m), sms(m), microblog(m), wechat(m), robot(m));
    }

    /** The rendition for one channel key, empty for a key with none. */
    public Optional<Rendition> of(Master m, String channel) {
        return of(m).stream().filter(r -> r.channel().equals(channel)).findFirst();
    }

    /**
     * SHA-256 (hex) of the master and every rendition of it: what an approval binds. A NUL separates the parts; it
     * cannot occur in a master text (it is refused), so no other split of the same characters gives the same hash.
     */
    public String contentHash(Master m) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, m.title());
            update(sha, m.body());
            for (Rendition r : of(m)) {
                update(sha, r.channel());
                update(sha, r.subject() == null ? "" : r.subject());
                for (String segment : r.segments()) {
                    update(sha, segment);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void update(MessageDigest sha, String part) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    Rendition website(Master m) {
        StringBuilder html = new StringBuilder("<article class=\"statement\">\n<h1>").append(escape(m.title()))
                .append("</h1>\n<p class=\"kind\">").append(escape(m.kindName())).append("</p>\n");
        for (String p : paragraphs(m.body())) {
            html.append("<p>").append(escape(p)).append("</p>\n");
        }
        html.append("</article>\n");
        return Rendition.whole("website", "网站", "html", null, html.toString(), false);
    }

    Rendition email(Master m) {
        String text = m.title() + "\n\n" + String.join("\n\n", paragraphs(m.body())) + "\n\n" + m.kindName() + " · "
                + properties.publisher() + "\n" + m.publicUrl() + "\n";
        return Rendition.whole("email", "邮件", "text", "【" + m.kindName() + "】" + m.title(), text, false);
    }

    Rendition sms(Master m) {
        String text = "【" + properties.publisher() + "】" + m.title() + "：" + String.join(" ", paragraphs(m.body()))
                + " 详见：" + m.publicUrl();
        return new Rendition("sms", "短信（手机报）", "text", null, text, segments(text, SMS_SEGMENT), false);
    }

    Rendition microblog(Master m) {
        String full = ("【" + m.title() + "】" + String.join("\n", paragraphs(m.body()))).replace('#', '＃');
        String whole = full + " " + m.publicUrl();
        if (weiboLength(whole) <= MICROBLOG_MAX) {
            return Rendition.whole("microblog", "政务微博", "text", null, whole, false);
        }
        String link = "……全文：" + m.publicUrl();
        int count = full.codePointCount(0, full.length());
        while (count > 0 && weiboLength(firstCodePoints(full, count) + link) > MICROBLOG_MAX) {
            count--;
        }
        return Rendition.whole("microblog", "政务微博", "text", null, firstCodePoints(full, count) + link, true);
    }

    /**
     * The length of a text as Weibo counts it: a character of the Latin-1 range (ASCII letters, digits, the
     * characters of a URL) counts half, every other character (汉字, full-width punctuation) one; rounded up.
     */
    public static int weiboLength(String text) {
        int halves = text.codePoints().map(cp -> cp <= 0xFF ? 1 : 2).sum();
        return (halves + 1) / 2;
    }

    Rendition wechat(Master m) {
        StringBuilder html = new StringBuilder(
                "<section style=\"font-size:16px;line-height:1.75;color:#333;\">\n<h1 style=\"font-size:22px;"
                        + "text-align:center;\">").append(escape(m.title())).append("</h1>\n");
        for (String p : paragraphs(m.body())) {
            html.append("<p style=\"text-indent:2em;margin:0 0 1em;\">").append(escape(p)).append("</p>\n");
        }
        html.append("<p style=\"color:#888;font-size:14px;\">").append(escape(properties.publisher())).append(" ")
                .append(escape(m.kindName())).append("　原文：").append(escape(m.publicUrl())).append("</p>\n</section>\n");
        return Rendition.whole("wechat", "政务微信（公众号文章）", "html", null, html.toString(), false);
    }

    Rendition robot(Master m) {
        String head = "### 【" + m.kindName() + "】" + m.title() + "\n";
        String tail = "\n\n[查看全文](" + m.publicUrl() + ")";
        String body = String.join("\n\n", paragraphs(m.body()));
        String whole = head + body + tail;
        if (utf8(whole) <= ROBOT_MAX_BYTES) {
            return Rendition.whole("robot", "企业微信 / 钉钉群机器人", "markdown", m.title(), whole, false);
        }
        String more = "……";
        int room = ROBOT_MAX_BYTES - utf8(head) - utf8(tail) - utf8(more);
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < body.length(); ) {
            int cp = body.codePointAt(i);
            int bytes = utf8(Character.toString(cp));
            if (used + bytes > room) {
                break;
            }
            kept.appendCodePoint(cp);
            used += bytes;
            i += Character.charCount(cp);
        }
        return Rendition.whole("robot", "企业微信 / 钉钉群机器人", "markdown", m.title(), head + kept + more + tail,
                true);
    }

    /**
     * The text in segments of at most {@code max} UTF-16 units each, a {@code (i/n)} prefix included when there is
     * more than one; a surrogate pair is never split.
     */
    static List<String> segments(String text, int max) {
        if (text.length() <= max) {
            return List.of(text);
        }
        int n = 2;
        while (true) {
            int prefix = ("(" + n + "/" + n + ")").length();
            List<String> chunks = chunks(text, max - prefix);
            if (chunks.size() <= n) {
                List<String> numbered = new ArrayList<>();
                for (int i = 0; i < chunks.size(); i++) {
                    numbered.add("(" + (i + 1) + "/" + chunks.size() + ")" + chunks.get(i));
                }
                return numbered;
            }
            n = chunks.size();
        }
    }

    private static List<String> chunks(String text, int size) {
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + size);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            chunks.add(text.substring(start, end));
            start = end;
        }
        return chunks;
    }

    private static List<String> paragraphs(String body) {
        return body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String firstCodePoints(String text, int count) {
        return text.substring(0, text.offsetByCodePoints(0, Math.min(count, text.codePointCount(0, text.length()))));
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The text with every character that is markup in HTML text or attribute values escaped. */
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
