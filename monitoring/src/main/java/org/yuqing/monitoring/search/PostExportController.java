package org.yuqing.monitoring.search;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.security.AuditTrail;
import org.yuqing.security.Caller;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * CSV export of a search (导出): {@code GET /api/monitoring/posts/export} with the filters, terms and sort of
 * {@code /posts/search} answers {@code text/csv} in UTF-8 with a byte order mark (so that Excel reads the Chinese
 * right), streamed page by page, at most {@code yuqing.monitoring.export.max-rows} rows (100,000 by default). Only
 * posts of the caller's unit scope are exported. Every export is audited as {@link AuditTrail#EXPORT} with its query
 * and the number of rows written.
 *
 * <p>Headers tell the caller what they got: {@code X-Total-Count} (posts matching) and, when the cap cut the export
 * short, {@code X-Export-Truncated: true}. Should Elasticsearch fail midway, the file simply ends early (the status
 * is sent already); the audit line tells how many rows were written.
 */
@RestController
class PostExportController {

    static final String TRUNCATED = "X-Export-Truncated";
    static final String TOTAL = "X-Total-Count";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Excel holds at most 32,767 characters in a cell. */
    static final int MAX_CELL = 32_000;
    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of(PostIndex.TIME_ZONE));
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneId.of(PostIndex.TIME_ZONE));
    private static final List<String> HEADER = List.of("编号", "发布时间（北京时间）", "网站", "媒体类型", "作者", "标题", "链接",
            "阅读", "评论", "转发", "点赞", "正文");

    private final PostIndex index;
    private final AuditTrail audit;
    private final Clock clock;
    private final int maxRows;

    PostExportController(PostIndex index, AuditTrail audit, Clock clock,
                         @Value("${yuqing.monitoring.export.max-rows:100000}") int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("yuqing.monitoring.export.max-rows must be at least 1, was " + maxRows);
        }
        this.index = index;
        this.audit = audit;
        this.clock = clock;
        this.maxRows = maxRows;
    }

    @GetMapping(path = "/api/monitoring/posts/export", produces = "text/csv")
    void export(Caller caller, @RequestParam MultiValueMap<String, String> params, HttpServletResponse response)
            throws IOException {
        PostQuery query = SearchParameters.export(params, caller.unitScope());
        long total = index.search(new PostQuery(query.terms(), query.filter(), 0, 1, query.order(), null, null,
                query.unitScope())).total();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("posts-" + FILE_TIME.format(clock.instant()) + ".csv").build().toString());
        response.setHeader(TOTAL, String.valueOf(total));
        if (total > maxRows) {
            response.setHeader(TRUNCATED, "true");
        }
        int[] rows = {0};
        try {
            OutputStream out = response.getOutputStream();
            out.write(BOM);
            Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            row(csv, HEADER);
            index.scan(query, maxRows, post -> {
                try {
                    row(csv, List.of(post.id().toString(), BEIJING.format(post.publishedAt()), text(post.site()),
                            text(post.mediaType()), text(post.author()), text(post.title()), text(post.url()),
                            String.valueOf(post.metrics().reads()), String.valueOf(post.metrics().comments()),
                            String.valueOf(post.metrics().reposts()), String.valueOf(post.metrics().likes()),
                            text(post.text())));
                    rows[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        } finally {
            audit.done(AuditTrail.EXPORT, "posts", rows[0] + " of " + total + " rows (cap " + maxRows + "); "
                    + SearchParameters.describe(params));
        }
    }

    private static void row(Writer csv, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.write(',');
            }
            csv.write(quoted(cells.get(i)));
        }
        csv.write("\r\n");
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
    static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    /**
     * A text cell: cut to what Excel holds, and a leading {@code = + - @} (which Excel would run as a formula,
     * "CSV injection") neutralised with an apostrophe.
     */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        String v = value.length() > MAX_CELL ? value.substring(0, MAX_CELL) + "…" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            return "'" + v;
        }
        return v;
    }
}
