package org.yuqing.ui.incidents;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
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
 * The incident list driven in the JVM against the real console context; the stand-in gateway answers monitoring's
 * incident, topic and search JSON ({@code IncidentView}, {@code Topic}, {@code PostSearchResult}).
 */
@ViewPackages(packages = "org.yuqing.ui")
class IncidentsViewTest extends ConsoleViewTestSupport {

    static final String CHEMICAL = "7b1c6d2e-0000-4000-8000-000000000001";
    static final String BRIDGE = "7b1c6d2e-0000-4000-8000-000000000002";
    static final String TOPIC = "3f0c1a9e-0000-4000-8000-0000000000aa";
    private static final AtomicBoolean DOWN = new AtomicBoolean();

    private static final StandInGateway GATEWAY = StandInGateway.start(call -> {
        if (DOWN.get() && call.path().startsWith("/api/monitoring/")) {
            return new Answer(503, "{\"status\":503,\"title\":\"Service Unavailable\"}");
        }
        return switch (call.request()) {
            case "GET /api/casework/cases" -> Answer.ok("[]");
            case "GET /api/monitoring/incidents" -> Answer.ok(IncidentsViewTest.INCIDENTS);
            case "GET /api/monitoring/topics" -> Answer.ok(IncidentsViewTest.TOPICS);
            case "GET /api/monitoring/posts/search" -> Answer.ok(IncidentsViewTest.POSTS);
            default -> new Answer(404, "{\"status\":404}");
        };
    });

    /**
     * Two incidents as monitoring's IncidentView: the bridge is older but hotter in total, the plant hotter now. The
     * bridge comes as a monitoring without the negative-share detail answers (only {@code metrics.negativeShare}).
     */
    static final String INCIDENTS = """
            [{"id":"%s","topicId":"%s","unitId":"district","title":"高新区化工厂发生爆炸 现场浓烟滚滚","state":"OPEN",
              "firstSeenAt":"2026-11-21T06:10:00Z","lastSeenAt":"2026-11-21T06:40:00Z","createdAt":"2026-11-21T06:10:02Z",
              "metrics":{"volume":3,"reads":27100,"comments":956,"reposts":1692,"distinctSites":3,"mainstreamOutlets":1,
                "maxSitesPerStatement":1,"volume24h":3,"reads24h":27100,"comments24h":956,"reposts24h":1692,
                "negativeShare":0.25,"flags":["CASUALTIES"]},"duplicates":0,
              "negative":{"share":0.25,"share24h":0.5,"sharePrevious24h":0.1,"trend":"RISING",
                "words":[{"word":"爆炸","posts":3},{"word":"受伤","posts":1}]}},
             {"id":"%s","topicId":"%s","unitId":"district","title":"跨江大桥坍塌传闻","state":"CLOSED",
              "firstSeenAt":"2026-11-10T01:00:00Z","lastSeenAt":"2026-11-12T01:00:00Z","createdAt":"2026-11-10T01:00:01Z",
              "metrics":{"volume":40,"reads":90000,"comments":100,"reposts":200,"distinctSites":12,"mainstreamOutlets":0,
                "maxSitesPerStatement":5,"volume24h":0,"reads24h":0,"comments24h":0,"reposts24h":0,
                "negativeShare":0.0,"flags":[]},"duplicates":7}]""".formatted(CHEMICAL, TOPIC, BRIDGE, TOPIC);

    static final String TOPICS = """
            [{"id":"%s","name":"化工厂事故","unitId":"district","regionWords":[],"subjectWords":["化工厂"],
              "eventWords":["爆炸","起火"],"excludeWords":["演习"],"createdBy":"demo","createdAt":"2026-11-21T06:00:00Z",
              "updatedBy":"demo","updatedAt":"2026-11-21T06:00:00Z"}]""".formatted(TOPIC);

    static final String POSTS = """
            {"total":3,"hits":[
              {"id":"0a7f3c1e-1111-3000-8000-000000000003","title":"高新区一化工厂发生爆炸 消防救援力量已赶赴现场",
               "text":"记者从高新区获悉，当日下午一化工厂发生爆炸，消防救援力量已赶赴现场处置，具体情况正在核实。",
               "site":"www.news.cn","url":"https://www.news.cn/local/2026/hx-chem.htm","mediaType":"NEWS",
               "author":"新华网","publishedAt":"2026-11-21T06:40:00Z",
               "metrics":{"reads":20500,"comments":640,"reposts":1280,"likes":0},"highlights":[]},
              {"id":"0a7f3c1e-1111-3000-8000-000000000002","title":"化工厂爆炸 多辆消防车赶往现场",
               "text":"#高新区化工厂爆炸# 多辆消防车正赶往现场，周边道路已临时管制，请大家绕行。",
               "site":"weibo.example.cn","url":"javascript:alert(1)","mediaType":"WEIBO","author":"本地生活圈",
               "publishedAt":"2026-11-21T06:25:00Z","metrics":{"reads":5400,"comments":230,"reposts":412,"likes":0},
               "highlights":[]}],
             "next":"VElNRSxsMQ",
             "aggregations":{"interval":"DAY","volume":[],"sites":[],"mediaTypes":[]}}""";

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
    void up() {
        DOWN.set(false);
        GATEWAY.forget();
    }

    @Test
    void incidents_are_listed_hottest_first_with_their_figures_in_total_and_over_24_hours() {
        signIn(TestTokens.shared().user("monitor").roles(Role.MONITOR).units("district"));

        UI.getCurrent().navigate(IncidentsView.class);

        assertThat($(SideNavItem.class).withId("nav-incidents").exists()).isTrue();
        @SuppressWarnings("unchecked")
        Grid<IncidentSummary> grid = $(Grid.class).id("incidents-grid");
        assertThat(test(grid).size()).isEqualTo(2);
        assertThat(test(grid).getRow(0).id()).as("the bridge has 90300 heat in total").isEqualTo(BRIDGE);
        assertThat(cell(grid, 1, "title")).isEqualTo("高新区化工厂发生爆炸 现场浓烟滚滚");
        assertThat(cell(grid, 1, "topic")).isEqualTo("化工厂事故");
        assertThat(cell(grid, 1, "heat")).isEqualTo("29748 / 29748");
        assertThat(cell(grid, 1, "volume")).isEqualTo("3 / 3");
        assertThat(cell(grid, 1, "sites")).isEqualTo("3");
        assertThat(cell(grid, 1, "mainstream")).isEqualTo("1");
        assertThat(cell(grid, 1, "reads")).isEqualTo("27100 / 27100");
        assertThat(cell(grid, 1, "comments")).isEqualTo("956 / 956");
        assertThat(cell(grid, 1, "reposts")).isEqualTo("1692 / 1692");
        assertThat(cell(grid, 1, "negative")).isEqualTo("25% ↑");
        assertThat(cell(grid, 0, "negative")).as("without a trend").isEqualTo("0%");
        assertThat(cell(grid, 1, "firstSeen")).as("Beijing time").isEqualTo("2026-11-21 14:10");
        assertThat(cell(grid, 1, "lastSeen")).isEqualTo("2026-11-21 14:40");
        assertThat(cell(grid, 0, "reads")).isEqualTo("90000 / 0");
        assertThat($(Span.class).id("incidents-status").getText()).isEqualTo("共 2 起");
        assertThat(GATEWAY.calls()).anySatisfy(call -> {
            assertThat(call.request()).isEqualTo("GET /api/monitoring/incidents");
            assertThat(call.query()).isEqualTo("limit=200");
        });

        @SuppressWarnings("unchecked")
        Select<IncidentOrder> order = $(Select.class).id("incidents-sort");
        test(order).selectItem("按24小时热度");

        assertThat(test(grid).getRow(0).id()).as("only the plant is hot today").isEqualTo(CHEMICAL);
    }

    @Test
    void selecting_an_incident_shows_its_hottest_posts_and_links_to_its_grading() {
        signIn(TestTokens.shared().user("monitor").roles(Role.MONITOR).units("district"));
        UI.getCurrent().navigate(IncidentsView.class);
        @SuppressWarnings("unchecked")
        Grid<IncidentSummary> grid = $(Grid.class).id("incidents-grid");

        test(grid).select(1);

        assertThat($(com.vaadin.flow.component.html.H3.class).id("incident-detail-title").getText())
                .isEqualTo("高新区化工厂发生爆炸 现场浓烟滚滚");
        assertThat($(Span.class).id("incident-detail-facts").getText())
                .contains("化工厂事故", "district", "持续中", "2026-11-21 14:10");
        assertThat($(Span.class).id("incident-detail-heat").getText())
                .contains("舆情总量 3（24小时 3）", "主流媒体 1", "负面占比 25% ↑");
        assertThat($(Span.class).id("incident-detail-negative").getText())
                .isEqualTo("负面占比 25%（近24小时 50%，前24小时 10%，趋势：上升）· 负面词：爆炸（3条）、受伤（1条）");
        assertThat($(Span.class).id("incident-detail-flags").getText()).isEqualTo("标记：有人员伤亡");
        assertThat($(Anchor.class).id("incident-grading").getHref()).isEqualTo("grading/incidents/" + CHEMICAL);

        Div posts = $(Div.class).id("incident-posts");
        List<Div> cards = $(Div.class).from(posts).withClassName("incident-post").all();
        assertThat(cards).hasSize(2);
        assertThat(cards.get(0).getElement().getTextRecursively())
                .contains("高新区一化工厂发生爆炸", "www.news.cn", "新闻网站", "新华网", "阅读 20500 · 评论 640 · 转发 1280");
        assertThat($(Anchor.class).from(cards.get(0)).first().getHref())
                .isEqualTo("https://www.news.cn/local/2026/hx-chem.htm");
        assertThat($(Anchor.class).from(cards.get(1)).exists()).as("a script URL is no link").isFalse();

        StandInGateway.Call search = GATEWAY.calls().stream()
                .filter(c -> c.request().equals("GET /api/monitoring/posts/search")).reduce((a, b) -> b).orElseThrow();
        assertThat(URLDecoder.decode(search.query(), StandardCharsets.UTF_8))
                .contains("incidentId=" + CHEMICAL, "sort=heat", "size=5");
    }

    @Test
    void when_monitoring_is_down_the_page_says_so_instead_of_an_empty_list() {
        DOWN.set(true);
        signIn(TestTokens.shared().user("monitor").roles(Role.MONITOR).units("district"));

        UI.getCurrent().navigate(IncidentsView.class);

        @SuppressWarnings("unchecked")
        Grid<IncidentSummary> grid = $(Grid.class).id("incidents-grid");
        assertThat(test(grid).size()).isZero();
        assertThat(grid.getEmptyStateText()).isEqualTo("无法加载舆情事件：后台服务暂时不可用，请稍后重试。");
        assertThat(test($(Notification.class).withId("error-notification").last()).getText())
                .isEqualTo("后台服务暂时不可用，请稍后重试。");
    }

    private String cell(Grid<IncidentSummary> grid, int row, String key) {
        return test(grid).getCellText(row, test(grid).getColumnPosition(key));
    }
}
