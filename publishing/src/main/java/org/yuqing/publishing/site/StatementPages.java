package org.yuqing.publishing.site;

import org.springframework.stereotype.Component;
import org.yuqing.publishing.PublishingProperties;
import org.yuqing.publishing.statements.PublicStatement;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Renders the public HTML pages (zh-CN, UTF-8); all user text is escaped. */
@Component
class StatementPages {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final PublishingProperties properties;

    StatementPages(PublishingProperties properties) {
        this.properties = properties;
    }

    String list(List<PublicStatement> statements) {
        StringBuilder items = new StringBuilder();
        for (PublicStatement s : statements) {
            items.append("<li><a href=\"").append(Html.escape(properties.statementUrl(s.id()))).append("\">")
                    .append(Html.escape(s.title())).append("</a> ").append(mark(s)).append("<span class=\"meta\">")
                    .append(Html.escape(s.kind().chineseName())).append(" · ")
                    .append(time(s.publishedAt())).append("</span></li>\n");
        }
        String content = statements.isEmpty()
                ? "<p>暂无发布内容。</p>\n"
                : "<ul>\n" + items + "</ul>\n";
        return page(properties.siteTitle(), "<h1>" + Html.escape(properties.siteTitle()) + "</h1>\n" + content);
    }

    String statement(PublicStatement s) {
        boolean retracted = s.withdrawal() != null && !s.withdrawal().corrected();
        String content = "<p class=\"nav\"><a href=\"" + Html.escape(properties.siteUrl()) + "\">"
                + Html.escape(properties.siteTitle()) + "</a></p>\n"
                + "<article>\n<h1>" + Html.escape(s.title()) + "</h1>\n"
                + "<p class=\"meta\">" + Html.escape(s.kind().chineseName()) + " · " + Html.escape(properties.publisher())
                + " · 发布时间 <time datetime=\"" + s.publishedAt() + "\">" + time(s.publishedAt()) + "</time></p>\n"
                + notices(s)
                // a retracted text is no longer the office's word: only the notice stays
                + (retracted ? "" : Html.paragraphs(s.body()))
                + "</article>\n";
        return page(s.title() + " - " + properties.siteTitle(), content);
    }

    /**
     * The notices above the text: retracted (with the reason), corrected (linking the correction notice), or, on a
     * correction notice, the link to what it corrects. HTML, user text escaped; also the Atom entry's.
     */
    String notices(PublicStatement s) {
        StringBuilder out = new StringBuilder();
        if (s.corrects() != null) {
            out.append("<p class=\"corrects\">本文系对<a rel=\"related\" href=\"")
                    .append(Html.escape(properties.statementUrl(s.corrects()))).append("\">原发布内容</a>的更正。</p>\n");
        }
        PublicStatement.Withdrawal w = s.withdrawal();
        if (w != null && w.corrected()) {
            out.append("<p class=\"corrected\">本条发布已于 ").append(time(w.at())).append(" 更正，请以<a rel=\"related\" href=\"")
                    .append(Html.escape(properties.statementUrl(w.noticeId()))).append("\">更正说明</a>为准。更正原因：")
                    .append(Html.escape(w.reason())).append("</p>\n");
        } else if (w != null) {
            out.append("<p class=\"retracted\">本条发布已于 ").append(time(w.at())).append(" 撤回。撤回原因：")
                    .append(Html.escape(w.reason())).append("</p>\n");
        }
        return out.toString();
    }

    /** 【已撤回】 / 【已更正】 before the meta line of a list item, nothing for a statement in force. */
    static String mark(PublicStatement s) {
        if (s.withdrawal() == null) {
            return "";
        }
        return s.withdrawal().corrected() ? "<span class=\"mark\">【已更正】</span> " : "<span class=\"mark\">【已撤回】</span> ";
    }

    String notFound() {
        return page("未找到 - " + properties.siteTitle(), "<h1>未找到该发布内容</h1>\n<p><a href=\""
                + Html.escape(properties.siteUrl()) + "\">返回" + Html.escape(properties.siteTitle()) + "</a></p>\n");
    }

    private String page(String title, String content) {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.escape(title) + "</title>\n"
                + "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"" + Html.escape(properties.siteTitle())
                + "\" href=\"" + Html.escape(properties.feedUrl()) + "\">\n"
                + "<style>body{font-family:sans-serif;max-width:48em;margin:2em auto;padding:0 1em;line-height:1.7}"
                + ".meta{color:#666;font-size:.9em}.retracted,.corrected,.mark{color:#b00}</style>\n"
                + "</head>\n<body>\n" + content + "</body>\n</html>\n";
    }

    private String time(Instant at) {
        return SHOWN.format(at.atZone(properties.zone()));
    }
}
