package org.yuqing.monitoring.ingest;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;
import org.yuqing.monitoring.web.InvalidRequestException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportFileTest {

    private static final String CSV = "url,site,title,text,publishedAt,reads\n"
            + "https://a.example.cn/1,a.example.cn,化工厂泄漏,\"正文，含逗号\n和换行\",2026-03-01T02:00:00Z,10\n"
            + "\n"
            + "https://a.example.cn/2,a.example.cn,\"带\"\"引号\"\"的标题\",正文二,2026-03-01 10:00:00,\"1,200\"\n";

    @Test
    void a_gbk_file_is_detected_and_read_like_the_utf8_one() {
        ImportFile utf8 = ImportFile.read(CSV.getBytes(StandardCharsets.UTF_8), "posts.csv", null, null);
        ImportFile gbk = ImportFile.read(CSV.getBytes(ImportFile.GBK), "posts.csv", null, null);

        assertThat(utf8.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(gbk.charset()).isEqualTo(ImportFile.GB18030);
        assertThat(gbk.records()).isEqualTo(utf8.records());
    }

    @Test
    void a_named_charset_wins_and_a_wrong_one_is_a_422() {
        ImportFile gbk = ImportFile.read(CSV.getBytes(ImportFile.GBK), "posts.csv", null, "gbk");
        assertThat(gbk.charset()).isEqualTo(ImportFile.GBK);
        assertThat(gbk.records().getFirst().cells().get("title")).isEqualTo("化工厂泄漏");

        assertThatThrownBy(() -> ImportFile.read(CSV.getBytes(ImportFile.GBK), "posts.csv", null, "utf-8"))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(422));
        assertThatThrownBy(() -> ImportFile.read(CSV.getBytes(StandardCharsets.UTF_8), "posts.csv", null, "latin-1"))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void csv_cells_may_hold_quotes_commas_and_line_breaks_and_records_keep_the_line_they_start_on() {
        ImportFile file = ImportFile.read(("\uFEFF" + CSV).getBytes(StandardCharsets.UTF_8), null, null, null);

        assertThat(file.format()).isEqualTo(ImportFile.Format.CSV);
        assertThat(file.records()).extracting(ImportFile.Record::line).containsExactly(2, 5);
        assertThat(file.records().get(0).cells().get("text")).isEqualTo("正文，含逗号\n和换行");
        assertThat(file.records().get(1).cells().get("title")).isEqualTo("带\"引号\"的标题");
        PostSubmission second = ImportFile.post(file.records().get(1), (s, error) -> s);
        assertThat(second.publishedAt()).isEqualTo(Instant.parse("2026-03-01T02:00:00Z"));
        assertThat(second.metrics().reads()).isEqualTo(1200);
    }

    @Test
    void a_row_with_an_unreadable_figure_or_time_is_an_error_of_that_row_only() {
        ImportFile file = ImportFile.read(("url,site,text,publishedAt,reads\n"
                + "https://a.example.cn/1,a.example.cn,正文,昨天,很多\n").getBytes(StandardCharsets.UTF_8), "x.csv", null, null);

        String error = ImportFile.post(file.records().getFirst(), (s, e) -> e);

        assertThat(error).contains("publishedAt").contains("metrics.reads");
    }

    @Test
    void jsonl_is_detected_from_the_content_and_blank_lines_are_skipped() {
        ImportFile file = ImportFile.read("{\"url\":\"x\"}\n\n  \n{\"url\":\"y\"}\r\n".getBytes(StandardCharsets.UTF_8),
                "upload", null, null);

        assertThat(file.format()).isEqualTo(ImportFile.Format.JSONL);
        assertThat(file.records()).extracting(ImportFile.Record::line).containsExactly(1, 4);
    }

    @Test
    void a_csv_header_with_unknown_or_missing_columns_is_a_422_and_an_empty_file_a_400() {
        assertThatThrownBy(() -> ImportFile.read("url,site,body,when\n1,2,3,4\n".getBytes(StandardCharsets.UTF_8),
                "x.csv", null, null))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(422);
                    assertThat(e.getBody().getDetail()).contains("body").contains("when").contains("publishedat");
                });
        assertThatThrownBy(() -> ImportFile.read("\n\n".getBytes(StandardCharsets.UTF_8), "x.jsonl", null, null))
                .isInstanceOf(InvalidRequestException.class);
    }
}
