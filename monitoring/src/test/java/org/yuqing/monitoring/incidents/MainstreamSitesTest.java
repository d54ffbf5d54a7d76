package org.yuqing.monitoring.incidents;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MainstreamSitesTest {

    static final MainstreamSites SITES = new MainstreamSites(List.of("people.com.cn", " News.CN ", "thepaper.cn", "society.people.com.cn"));

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(nullValues = "NONE", delimiter = '|', textBlock = """
            people.com.cn          | people.com.cn
            www.people.com.cn      | people.com.cn
            society.people.com.cn  | society.people.com.cn
            a.society.people.com.cn| society.people.com.cn
            WWW.NEWS.CN            | news.cn
            www.news.cn.           | news.cn
            m.thepaper.cn          | thepaper.cn
            notpeople.com.cn       | NONE
            people.com.cn.evil.com | NONE
            xnews.cn               | NONE
            bbs.tianya.cn          | NONE
            """)
    void a_site_belongs_to_the_outlet_it_equals_or_is_a_subdomain_of(String site, String outlet) {
        assertThat(SITES.outletOf(site).orElse(null)).isEqualTo(outlet);
    }
}
