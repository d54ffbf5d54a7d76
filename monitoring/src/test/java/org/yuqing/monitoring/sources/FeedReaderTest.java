package org.yuqing.monitoring.sources;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedReaderTest {

    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource(delimiter = '|', value = {
            "text/xml; charset=GBK|GBK",
            "application/rss+xml;charset=\"big5\"|Big5",
            "application/xml; Charset=gb18030; q=1|GB18030",
            "application/xml|",
            "text/xml; charset=no-such-charset|"})
    void the_charset_of_a_content_type_header_is_read_when_the_jvm_knows_it(String header, String expected) {
        var charset = FeedReader.httpCharset(header);
        assertThat(charset == null ? null : charset.name()).isEqualTo(expected);
    }

    @Test
    void html_is_reduced_to_its_text_with_entities_decoded_and_whitespace_collapsed() {
        assertThat(FeedReader.plain("<div>  甲&amp;乙 <!-- x --><style>p{}</style></div><br/>&#20057;&#x4E19;&nbsp;&hellip;"))
                .isEqualTo("甲&乙\n乙丙 …");
    }

    @Test
    void a_document_that_is_not_a_feed_is_unreadable() {
        assertThatThrownBy(() -> FeedReader.read("<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(FeedUnavailableException.class);
    }
}
