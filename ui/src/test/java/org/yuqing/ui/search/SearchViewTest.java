package org.yuqing.ui.search;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yuqing.security.Role;
import org.yuqing.security.TestTokens;
import org.yuqing.ui.ConsoleViewTestSupport;
import org.yuqing.ui.StandInGateway;
import org.yuqing.ui.StandInGateway.Answer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search page driven in the JVM against the real console context; the stand-in gateway answers monitoring's
 * {@code PostSearchResult} JSON (first page with facets and a cursor, a later page without) and its 400 problem.
 */
@ViewPackages(packages = "org.yuqing.ui")
class SearchViewTest extends ConsoleViewTestSupport {

    private static final String TOPIC_ID = "3f0c1a9e-0000-4000-8000-0000000000aa";
    private static final String CURSOR = "UkVMRVZBTkNFLGQxLjIsbDE3NjM3MDU2MDAwMDA";

    private static final StandInGateway GATEWAY = StandInGateway.start(call -> switch (call.request()) {
        case "GET /api/casework/cases" -> Answer.ok("[]");
        case "GET /api/monitoring/topics" -> Answer.ok("""
                [{"id":"%s","name":"化工厂事故","unitId":"district","regionWords":[],"subjectWords":["化工厂"],
                  "eventWords":["爆炸"],"excludeWords":[],"createdBy":"demo","createdAt":"2026-11-21T06:00:00Z",
                  "updatedBy":"demo","updatedAt":"2026-11-21T06:00:00Z"}]""".formatted(TOPIC_ID));
        case "GET /api/monitoring/posts/search" -> SearchViewTest.answer(decoded(call));
        default -> new Answer(404, "{\"status\":404}");
    });

    static Answer answer(String query) {
        if (query.contains("q=坏")) {
            return new Answer(400, """
                    {"type":"urn:yuqing:problem:invalid-request","title":"Invalid request","status":400,
                     "detail":"until: must be after since","errors":[{"field":"until","message":"must be after since"}]}""");
        }
        if (query.contains("after=")) {
            return Answer.ok("""
                    {"total":3,"hits":[{"id":"p3","title":"化工厂爆炸 多辆消防车赶往现场","text":"周边道路已临时管制。",
                      "site":"weibo.example.cn","url":"https://weibo.example.cn/status/4410021","mediaType":"WEIBO",
                      "author":"本地生活圈","publishedAt":"2026-11-21T06:25:00Z",
                      "metrics":{"reads":5400,"comments":230,"reposts":412,"likes":0},"highlights":[]}]}""");
        }
        return Answer.ok("""
                {"total":3,"hits":[
                  {"id":"p1","title":"高新区一化工厂发生爆炸 消防救援力量已赶赴现场","text":"记者从高新区获悉……",
                   "site":"www.news.cn","url":"https://www.news.cn/local/2026/hx-chem.htm","mediaType":"NEWS",
                   "author":"新华网","publishedAt":"2026-11-21T06:40:00Z",
                   "metrics":{"reads":20500,"comments":640,"reposts":1280,"likes":0},
                   "highlights":["高新区一化工厂发生<em>爆炸</em> 消防救援力量已赶赴现场","A&amp;B 化工厂<em>爆炸</em>"]},
                  {"id":"p2","title":"高新区化工厂发生爆炸 现场浓烟滚滚","text":"今天下午高新区一家化工厂发生爆炸。",
                   "site":"bbs.example-forum.cn","url":"https://bbs.example-forum.cn/thread/8812","mediaType":"FORUM",
                   "author":"高新区居民","publishedAt":"2026-11-21T06:10:00Z",
                   "metrics":{"reads":1200,"comments":86,"reposts":0,"likes":0},"highlights":["化工厂发生<em>爆炸</em>"]}],
                 "next":"%s",
                 "aggregations":{"interval":"DAY",
                   "volume":[{"key":"2026-11-19T16:00:00Z","count":1},{"key":"2026-11-20T16:00:00Z","count":2}],
                   "sites":[{"key":"www.news.cn","count":1},{"key":"bbs.example-forum.cn","count":1},
                            {"key":"weibo.example.cn","count":1}],
                   "mediaTypes":[{"key":"NEWS","count":1},{"key":"FORUM","count":1},{"key":"WEIBO","count":1}],
                   "mainstream":[{"key":"true","count":1},{"key":"false","count":2}],
                   "topics":[{"id":"%s","name":"化工厂事故","count":3}]}}"""
                .formatted(CURSOR, TOPIC_ID));
    }

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
        registry.add("yuqing.console.gateway.url", GATEWAY::url);
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.stop();
    }

    @BeforeEach
    void open() {
        signIn(TestTokens.shared().user("analyst").roles(Role.ANALYST).units("district"));
        UI.getCurrent().navigate(SearchView.class);
        GATEWAY.forget();
    }

    @Test
    void a_search_shows_the_total_the_facets_with_counts_the_daily_volume_and_the_highlighted_hits() {
        search("爆炸");

        assertThat(lastSearch()).contains("q=爆炸", "sort=relevance", "size=20", "interval=day").doesNotContain("after=");
        assertThat($(Span.class).id("search-total").getText()).isEqualTo("共找到 3 条");
        assertThat(buttons("facet-site")).containsExactly("www.news.cn（1）", "bbs.example-forum.cn（1）",
                "weibo.example.cn（1）");
        assertThat(buttons("facet-medium")).containsExactly("新闻网站（1）", "论坛（1）", "微博（1）");
        Div volume = $(Div.class).id("search-volume");
        assertThat($(Div.class).from(volume).withClassName("volume-bucket").all())
                .extracting(row -> row.getElement().getTextRecursively())
                .containsExactly("2026-11-20 1", "2026-11-21 2");

        List<Div> hits = hits();
        assertThat(hits).hasSize(2);
        assertThat(hits.getFirst().getElement().getTextRecursively())
                .contains("www.news.cn · 新闻网站 · 新华网 · 2026-11-21 14:40 · 阅读 20500 · 评论 640 · 转发 1280");
        assertThat($(Paragraph.class).from(hits.getFirst()).withClassName("highlight").all())
                .extracting(p -> p.getElement().getProperty("innerHTML"))
                .containsExactly("高新区一化工厂发生<em>爆炸</em> 消防救援力量已赶赴现场", "A&amp;B 化工厂<em>爆炸</em>");
        assertThat($(Anchor.class).id("search-export").getHref())
                .isEqualTo("/api/monitoring/posts/export?q=%E7%88%86%E7%82%B8&sort=relevance");
    }

    @Test
    void more_pages_on_with_the_cursor_of_the_last_page_and_disappears_on_the_last_page() {
        search("爆炸");
        Button more = $(Button.class).id("search-more");
        assertThat(more.isVisible()).isTrue();

        test(more).click();

        assertThat(lastSearch()).contains("after=" + CURSOR, "q=爆炸", "sort=relevance");
        assertThat(hits()).hasSize(3);
        assertThat(hits().getLast().getElement().getTextRecursively()).contains("化工厂爆炸 多辆消防车赶往现场");
        assertThat(more.isVisible()).as("the last page has no cursor").isFalse();
    }

    @Test
    void a_click_on_a_facet_filters_by_it_and_a_click_on_the_filter_removes_it() {
        search("爆炸");

        test($(Button.class).id("facet-site-www.news.cn")).click();

        assertThat(lastSearch()).contains("site=www.news.cn", "q=爆炸");
        assertThat($(Button.class).id("facet-site-www.news.cn").getThemeNames()).contains("primary");
        assertThat($(Anchor.class).id("search-export").getHref()).contains("site=www.news.cn");
        test($(Button.class).id("facet-medium-NEWS")).click();
        assertThat(lastSearch()).contains("site=www.news.cn", "mediaType=NEWS");
        Div filters = $(Div.class).id("search-filters");
        List<Button> chips = $(Button.class).from(filters).withClassName("search-filter").all();
        assertThat(chips).extracting(Button::getText).containsExactly("网站：www.news.cn ×", "媒体类型：新闻网站 ×");

        test(chips.getFirst()).click();

        assertThat(lastSearch()).doesNotContain("site=").contains("mediaType=NEWS");
    }

    @Test
    void time_range_order_mainstream_and_topic_become_the_search_parameters() {
        search("爆炸");

        @SuppressWarnings("unchecked")
        Select<String> sort = $(Select.class).id("search-sort");
        test(sort).selectItem("按热度");
        test($(DatePicker.class).id("search-since")).setValue(LocalDate.of(2026, 11, 21));
        test($(DatePicker.class).id("search-until")).setValue(LocalDate.of(2026, 11, 21));
        @SuppressWarnings("unchecked")
        Select<String> mainstream = $(Select.class).id("facet-mainstream");
        test(mainstream).selectItem("仅主流媒体（1）");
        @SuppressWarnings("unchecked")
        ComboBox<String> topic = $(ComboBox.class).id("facet-topic");
        test(topic).selectItem("化工厂事故（3）");
        @SuppressWarnings("unchecked")
        Select<String> interval = $(Select.class).id("search-interval");
        test(interval).selectItem("按小时");

        assertThat(lastSearch()).contains("sort=heat", "since=2026-11-20T16:00:00Z", "until=2026-11-21T16:00:00Z",
                "mainstream=true", "topicId=" + TOPIC_ID, "interval=hour");
    }

    @Test
    void the_mainstream_and_topic_filters_show_the_counts_of_the_last_search() {
        @SuppressWarnings("unchecked")
        Select<String> mainstream = $(Select.class).id("facet-mainstream");
        @SuppressWarnings("unchecked")
        ComboBox<String> topic = $(ComboBox.class).id("facet-topic");
        assertThat(mainstream.getItemLabelGenerator().apply("true")).as("before a search").isEqualTo("仅主流媒体");

        search("爆炸");

        assertThat(mainstream.getItemLabelGenerator().apply("")).isEqualTo("全部媒体");
        assertThat(mainstream.getItemLabelGenerator().apply("true")).isEqualTo("仅主流媒体（1）");
        assertThat(mainstream.getItemLabelGenerator().apply("false")).isEqualTo("非主流媒体（2）");
        assertThat(topic.getItemLabelGenerator().apply(TOPIC_ID)).isEqualTo("化工厂事故（3）");
    }

    @Test
    void a_refused_search_shows_the_services_explanation() {
        search("坏");

        assertThat($(Paragraph.class).id("search-error").getText()).isEqualTo("检索失败：until: must be after since");
        assertThat($(Button.class).withId("search-more").exists()).as("no more pages to show").isFalse();
    }

    private void search(String words) {
        test($(TextField.class).id("search-field")).setValue(words);
        test($(Button.class).id("search-button")).click();
    }

    private List<String> buttons(String facet) {
        return $(Button.class).from($(Div.class).id(facet)).all().stream().map(Button::getText).toList();
    }

    private List<Div> hits() {
        return $(Div.class).from($(Div.class).id("search-results")).withClassName("search-hit").all();
    }

    private static String lastSearch() {
        return GATEWAY.calls().stream().filter(c -> c.request().equals("GET /api/monitoring/posts/search"))
                .reduce((a, b) -> b).map(SearchViewTest::decoded).orElseThrow();
    }

    private static String decoded(StandInGateway.Call call) {
        return call.query() == null ? "" : URLDecoder.decode(call.query(), StandardCharsets.UTF_8);
    }
}
