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
                    .append(Html.escape(s.title())).append("</a> <span class=\"meta\">")
                    .append(Html.escape(s.kind().chineseName())).append(" · ")
                    .append(time(s.publishedAt())).append("</span></li>\n");
        }
        String content = statements.isEmpty()
                ? "<p>暂无发布内容。</p>\n"
                : "<ul>\n" + items + "</ul>\n";
        return page(properties.siteTitle(), "<h1>" + Html.escape(properties.siteTitle()) + "</h1>\n" + content);
    }

    String statement(PublicStatement s) {
        String content = "<p class=\"nav\"><a href=\"" + Html.escape(properties.siteUrl()) + "\">"
                + Html.escape(properties.siteTitle()) + "</a></p>\n"
                + "<article>\n<h1>" + Html.escape(s.title()) + "</h1>\n"
                + "<p class=\"meta\">" + Html.escape(s.kind().chineseName()) + " · " + Html.escape(properties.publisher())
                + " · 发布时间 <time datetime=\"" + s.publishedAt() + "\">" + time(s.publishedAt()) + "</time></p>\n"
                + Html.paragraphs(s.body())
                + "</article>\n";
        return page(s.title() + " - " + properties.siteTitle(), content);
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
                + ".meta{color:#666;font-size:.9em}</style>\n"
                + "</head>\n<body>\n" + content + "</body>\n</html>\n";
    }

    private String time(Instant at) {
        return SHOWN.format(at.atZone(properties.zone()));
    }
}
