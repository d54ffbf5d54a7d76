package org.yuqing.ui.topics;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextArea;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topics page and editor driven in the JVM against the real console context; the stand-in gateway answers
 * monitoring's topic and search JSON and refuses as monitoring does (problem+json with the fields in the detail).
 */
@ViewPackages(packages = "org.yuqing.ui")
class TopicsViewTest extends ConsoleViewTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOPIC_ID = "3f0c1a9e-0000-4000-8000-0000000000aa";
    private static final String JOB_ID = "9d2e4b7a-0000-4000-8000-0000000000b1";
    private static final String EXPRESSION_TOPIC_ID = "3f0c1a9e-0000-4000-8000-0000000000ab";
    private static final AtomicReference<String> TRIAL_REFUSAL = new AtomicReference<>();
    private static final AtomicReference<String> REFUSAL = new AtomicReference<>();
    private static final AtomicInteger POLLS = new AtomicInteger();

    private static final StandInGateway GATEWAY = StandInGateway.start(call -> switch (call.request()) {
        case "GET /api/casework/cases" -> Answer.ok("[]");
        case "GET /api/monitoring/topics" -> Answer.ok(TopicsViewTest.TOPICS);
        case "POST /api/monitoring/topics/test" -> TRIAL_REFUSAL.get() != null ? new Answer(422, TRIAL_REFUSAL.get())
                : Answer.ok(TopicsViewTest.TRIAL);
        case "POST /api/monitoring/topics" -> REFUSAL.get() != null ? new Answer(400, REFUSAL.get())
                : new Answer(201, call.body());
        case "PUT /api/monitoring/topics/" + TOPIC_ID -> REFUSAL.get() != null ? new Answer(400, REFUSAL.get())
                : Answer.ok(call.body());
        case "DELETE /api/monitoring/topics/" + TOPIC_ID -> new Answer(204, "");
        case "POST /api/monitoring/topics/" + TOPIC_ID + "/backfill" -> new Answer(202, job("QUEUED", 0, 0, 0));
        case "GET /api/monitoring/topics/" + TOPIC_ID + "/backfills/" + JOB_ID -> Answer.ok(
                POLLS.incrementAndGet() == 1 ? job("RUNNING", 250, 100, 1) : job("DONE", 250, 250, 3));
        default -> new Answer(404, "{\"status\":404}");
    });

    /** Monitoring's topics: a word-group topic and a disabled expression topic with filters. */
    static final String TOPICS = """
            [{"id":"%s","name":"化工厂事故","unitId":"district","regionWords":[],"subjectWords":["化工厂"],
              "eventWords":["爆炸","起火"],"excludeWords":["演习"],"expression":null,"sites":[],"mediaTypes":[],
              "enabled":true,"createdBy":"demo","createdAt":"2026-11-21T06:00:00Z",
              "updatedBy":"demo","updatedAt":"2026-11-21T06:00:00Z"},
             {"id":"%s","name":"微博化工舆情","unitId":"district","regionWords":[],"subjectWords":[],"eventWords":[],
              "excludeWords":[],"expression":"（化工厂｜化工廠）＋（爆炸|泄漏）-演习","sites":["weibo.com"],
              "mediaTypes":["WEIBO"],"enabled":false,"createdBy":"demo","createdAt":"2026-11-21T07:00:00Z",
              "updatedBy":"demo","updatedAt":"2026-11-21T07:00:00Z"}]""".formatted(TOPIC_ID, EXPRESSION_TOPIC_ID);

    /** Monitoring's answer to {@code POST /api/monitoring/topics/test} (TopicTrialController.TopicTrial). */
    static final String TRIAL = """
            {"total":1,"days":7,"since":"2026-11-14T06:00:00Z","hits":[
              {"id":"a1","title":"高新区化工厂发生爆炸 现场浓烟滚滚","text":"今天下午高新区一家化工厂发生爆炸，附近居民听到巨响。",
               "site":"bbs.example-forum.cn","url":"https://bbs.example-forum.cn/thread/8812","mediaType":"FORUM",
               "author":"高新区居民","publishedAt":"2026-11-21T06:10:00Z",
               "metrics":{"reads":1200,"comments":86,"reposts":0,"likes":0},
               "highlights":["<em>高新区化工厂</em>发生<em>爆炸</em> 现场浓烟滚滚",
                             "今天下午<em>高新区</em>一家<em>化工厂</em>发生<em>爆炸</em>，附近居民听到巨响。"]}]}""";

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
    void reset() {
        REFUSAL.set(null);
        TRIAL_REFUSAL.set(null);
        POLLS.set(0);
        GATEWAY.forget();
    }

    @Test
    void the_topics_are_listed_with_their_word_groups_and_only_topic_editors_get_the_edit_buttons() {
        signIn(TestTokens.shared().user("leader").roles(Role.LEADER).units("district"));

        UI.getCurrent().navigate(TopicsView.class);

        assertThat($(SideNavItem.class).withId("nav-topics").exists()).isTrue();
        @SuppressWarnings("unchecked")
        Grid<TopicRecord> grid = $(Grid.class).id("topics-grid");
        assertThat(test(grid).size()).isEqualTo(2);
        assertThat(cell(grid, 0, "name")).isEqualTo("化工厂事故");
        assertThat(cell(grid, 0, "unit")).isEqualTo("district");
        assertThat(cell(grid, 0, "groups")).isEqualTo("主体：化工厂；事件：爆炸、起火；排除：演习");
        assertThat(cell(grid, 1, "groups"))
                .isEqualTo("表达式：（化工厂｜化工廠）＋（爆炸|泄漏）-演习；站点：weibo.com；媒体：微博；已停用");
        assertThat(cell(grid, 0, "updated")).isEqualTo("demo · 2026-11-21 14:00");
        assertThat($(Button.class).withId("topic-create").exists()).as("leaders do not edit topics").isFalse();
        assertThat($(Button.class).withId("topic-edit").exists()).isFalse();
    }

    @Test
    void a_monitor_tries_a_new_topic_on_recent_posts_sees_the_hits_highlighted_and_saves_it() {
        signIn(TestTokens.shared().user("monitor").roles(Role.MONITOR).units("district"));
        UI.getCurrent().navigate(TopicsView.class);

        test($(Button.class).id("topic-create")).click();
        assertThat($(Dialog.class).id("topic-editor").isOpened()).isTrue();
        @SuppressWarnings("unchecked")
        ComboBox<String> unit = $(ComboBox.class).id("topic-unit");
        assertThat(unit.getValue()).as("the user's own unit by default").isEqualTo("district");
        test($(TextField.class).id("topic-name")).setValue("高新区化工厂");
        test($(TextArea.class).id("topic-region")).setValue("高新区");
        test($(TextArea.class).id("topic-subject")).setValue("化工厂");
        test($(TextArea.class).id("topic-event")).setValue("爆炸，泄漏 起火");
        test($(TextArea.class).id("topic-exclude")).setValue("演习");
        test($(Button.class).id("topic-test")).click();

        assertThat($(Span.class).id("topic-preview-summary").getText())
                .isEqualTo("近 7 天您可见的帖文中命中 1 条，以下为最新 1 条");
        Div preview = $(Div.class).id("topic-preview");
        List<Div> matches = $(Div.class).from(preview).withClassName("topic-preview-match").all();
        assertThat(matches).hasSize(1);
        assertThat(matches.getFirst().getElement().getTextRecursively()).contains("bbs.example-forum.cn · 论坛");
        assertThat($(Div.class).from(matches.getFirst()).withClassName("topic-preview-title").single().getElement().getProperty("innerHTML"))
                .isEqualTo("<em>高新区化工厂</em>发生<em>爆炸</em> 现场浓烟滚滚");
        StandInGateway.Call trial = GATEWAY.calls().stream()
                .filter(c -> c.request().equals("POST /api/monitoring/topics/test")).findFirst().orElseThrow();
        assertThat(trial.query()).contains("days=7");
        JsonNode tried = JSON.readTree(trial.body());
        assertThat(words(tried, "regionWords")).containsExactly("高新区");
        assertThat(words(tried, "excludeWords")).containsExactly("演习");
        assertThat(tried.path("expression").isNull()).isTrue();
        assertThat(GATEWAY.requests()).as("testing saves nothing, and the console no longer searches itself")
                .doesNotContain("POST /api/monitoring/topics", "GET /api/monitoring/posts/search");

        test($(Button.class).id("topic-save")).click();

        JsonNode sent = JSON.readTree(GATEWAY.calls().stream()
                .filter(c -> c.request().equals("POST /api/monitoring/topics")).findFirst().orElseThrow().body());
        assertThat(sent.path("name").asString()).isEqualTo("高新区化工厂");
        assertThat(sent.path("unitId").asString()).isEqualTo("district");
        assertThat(words(sent, "regionWords")).containsExactly("高新区");
        assertThat(words(sent, "eventWords")).containsExactly("爆炸", "泄漏", "起火");
        assertThat(words(sent, "excludeWords")).containsExactly("演习");
        assertThat(sent.path("enabled").asBoolean()).isTrue();
        assertThat(sent.path("sites")).isEmpty();
        assertThat($(Dialog.class).withId("topic-editor").exists()).as("closed after saving").isFalse();
        assertThat(test($(Notification.class).withId("success-notification").last()).getText())
                .isEqualTo("已保存监测主题“高新区化工厂”");
    }

    @Test
    void a_refusal_keeps_the_editor_open_and_shows_the_detail_at_the_fields_it_names() {
        REFUSAL.set("""
                {"type":"urn:yuqing:problem:invalid-request","title":"Invalid request","status":400,
                 "detail":"regionWords/subjectWords/eventWords: at least one region, subject or event word is required",
                 "errors":[{"field":"regionWords/subjectWords/eventWords",
                            "message":"at least one region, subject or event word is required"}]}""");
        signIn(TestTokens.shared().user("analyst").roles(Role.ANALYST).units("district"));
        UI.getCurrent().navigate(TopicsView.class);
        @SuppressWarnings("unchecked")
        Grid<TopicRecord> grid = $(Grid.class).id("topics-grid");
        test(grid).select(0);
        test($(Button.class).id("topic-edit")).click();
        assertThat($(TextArea.class).id("topic-event").getValue()).isEqualTo("爆炸、起火");

        test($(TextArea.class).id("topic-subject")).setValue("");
        test($(TextArea.class).id("topic-event")).setValue(" ");
        test($(Button.class).id("topic-save")).click();

        assertThat(GATEWAY.requests()).contains("PUT /api/monitoring/topics/" + TOPIC_ID);
        assertThat($(Dialog.class).id("topic-editor").isOpened()).isTrue();
        assertThat($(Span.class).id("topic-error").getText())
                .isEqualTo("regionWords/subjectWords/eventWords: at least one region, subject or event word is required");
        TextArea subject = $(TextArea.class).id("topic-subject");
        assertThat(subject.isInvalid()).isTrue();
        assertThat(subject.getErrorMessage()).isEqualTo("at least one region, subject or event word is required");
        assertThat($(TextArea.class).id("topic-exclude").isInvalid()).isFalse();
        assertThat($(TextField.class).id("topic-name").getValue()).as("what was typed stays").isEqualTo("化工厂事故");
    }

    @Test
    void an_invalid_expression_is_shown_under_the_field_with_the_character_marked_and_a_valid_one_is_saved_with_filters() {
        TRIAL_REFUSAL.set("""
                {"type":"urn:yuqing:problem:invalid-topic-expression","title":"Invalid topic expression","status":422,
                 "detail":"第 13 个字符处缺少右括号（与第 1 个字符处的左括号对应）","instance":"/api/monitoring/topics/test",
                 "field":"expression","position":12,"expected":"右括号"}""");
        signIn(TestTokens.shared().user("monitor").roles(Role.MONITOR).units("district"));
        UI.getCurrent().navigate(TopicsView.class);
        test($(Button.class).id("topic-create")).click();
        test($(TextField.class).id("topic-name")).setValue("微博化工");

        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> mode = $(RadioButtonGroup.class).id("topic-mode");
        test(mode).selectItem("高级表达式");
        TextArea expression = $(TextArea.class).id("topic-expression");
        assertThat(expression.isVisible()).isTrue();
        assertThat($(TextArea.class).withId("topic-region").exists()).as("word groups hidden").isFalse();
        test(expression).setValue("(化工厂 | 爆炸 泄漏");
        test($(Button.class).id("topic-test")).click();

        assertThat(expression.isInvalid()).isTrue();
        assertThat(expression.getErrorMessage()).isEqualTo("第 13 个字符处缺少右括号（与第 1 个字符处的左括号对应）");
        Div marker = $(Div.class).id("topic-expression-marker");
        assertThat(marker.isVisible()).isTrue();
        assertThat(marker.getElement().getProperty("innerHTML")).isEqualTo("(化工厂 | 爆炸 泄漏<mark>␣</mark>");
        assertThat($(Span.class).id("topic-error").getText()).isEqualTo("第 13 个字符处缺少右括号（与第 1 个字符处的左括号对应）");

        TRIAL_REFUSAL.set(null);
        test(expression).setValue("(化工厂 | 爆炸) 泄漏");
        test($(TextArea.class).id("topic-sites")).setValue("weibo.com");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<String> media = $(MultiSelectComboBox.class).id("topic-media");
        media.setValue(java.util.Set.of("WEIBO"));
        test($(Checkbox.class).id("topic-enabled")).click();
        test($(Button.class).id("topic-test")).click();
        assertThat(expression.isInvalid()).isFalse();
        assertThat($(Div.class).withId("topic-expression-marker").exists()).isFalse();
        test($(Button.class).id("topic-save")).click();

        JsonNode sent = JSON.readTree(GATEWAY.calls().stream()
                .filter(c -> c.request().equals("POST /api/monitoring/topics")).findFirst().orElseThrow().body());
        assertThat(sent.path("expression").asString()).isEqualTo("(化工厂 | 爆炸) 泄漏");
        assertThat(sent.path("subjectWords")).isEmpty();
        assertThat(words(sent, "sites")).containsExactly("weibo.com");
        assertThat(words(sent, "mediaTypes")).containsExactly("WEIBO");
        assertThat(sent.path("enabled").asBoolean()).isFalse();
    }

    @Test
    void an_expression_topic_opens_in_expression_mode_with_its_filters() {
        signIn(TestTokens.shared().user("analyst").roles(Role.ANALYST).units("district"));
        UI.getCurrent().navigate(TopicsView.class);
        @SuppressWarnings("unchecked")
        Grid<TopicRecord> grid = $(Grid.class).id("topics-grid");
        test(grid).select(1);
        test($(Button.class).id("topic-edit")).click();

        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> mode = $(RadioButtonGroup.class).id("topic-mode");
        assertThat(mode.getValue()).isEqualTo("expression");
        assertThat($(TextArea.class).id("topic-expression").getValue()).isEqualTo("（化工厂｜化工廠）＋（爆炸|泄漏）-演习");
        assertThat($(TextArea.class).withId("topic-subject").exists()).isFalse();
        assertThat($(TextArea.class).id("topic-sites").getValue()).isEqualTo("weibo.com");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<String> media = $(MultiSelectComboBox.class).id("topic-media");
        assertThat(media.getValue()).containsExactly("WEIBO");
        assertThat($(Checkbox.class).id("topic-enabled").getValue()).isFalse();
    }

    @Test
    void deleting_a_topic_asks_first_and_then_sends_the_delete() {
        signIn(TestTokens.shared().user("admin").roles(Role.ADMIN).units("district"));
        UI.getCurrent().navigate(TopicsView.class);
        @SuppressWarnings("unchecked")
        Grid<TopicRecord> grid = $(Grid.class).id("topics-grid");
        test(grid).select(0);

        test($(Button.class).id("topic-delete")).click();
        assertThat(GATEWAY.requests()).doesNotContain("DELETE /api/monitoring/topics/" + TOPIC_ID);
        test($(ConfirmDialog.class).id("topic-delete-dialog")).confirm();

        assertThat(GATEWAY.requests()).contains("DELETE /api/monitoring/topics/" + TOPIC_ID);
        assertThat(test($(Notification.class).withId("success-notification").last()).getText())
                .isEqualTo("已删除监测主题“化工厂事故”");
    }

    @Test
    void a_backfill_shows_its_progress_polling_until_it_is_done() {
        signIn(TestTokens.shared().user("monitor").roles(Role.MONITOR).units("district"));
        UI.getCurrent().navigate(TopicsView.class);
        @SuppressWarnings("unchecked")
        Grid<TopicRecord> grid = $(Grid.class).id("topics-grid");
        test(grid).select(0);

        test($(Button.class).id("topic-backfill")).click();

        assertThat(GATEWAY.requests()).contains("POST /api/monitoring/topics/" + TOPIC_ID + "/backfill");
        assertThat($(Span.class).id("topic-backfill-status").getText())
                .isEqualTo("排队中 · 已处理 0 / 0 条，命中 0 条，出错 0 条");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(BackfillProgress.POLL_MILLIS);

        poll();
        ProgressBar bar = $(ProgressBar.class).id("topic-backfill-progress");
        assertThat(bar.getValue()).isEqualTo(0.4);
        assertThat($(Span.class).id("topic-backfill-status").getText())
                .isEqualTo("进行中 · 已处理 100 / 250 条，命中 1 条，出错 0 条");

        poll();
        assertThat(bar.getValue()).isEqualTo(1.0);
        assertThat($(Span.class).id("topic-backfill-status").getText())
                .isEqualTo("已完成 · 已处理 250 / 250 条，命中 3 条，出错 0 条");
        assertThat(UI.getCurrent().getPollInterval()).as("no more polling once done").isEqualTo(-1);
        assertThat(POLLS.get()).isEqualTo(2);
    }

    private static void poll() {
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
    }

    private static String job(String state, long total, long processed, long matched) {
        return """
                {"id":"%s","kind":"BACKFILL","topicId":"%s","state":"%s","total":%d,"processed":%d,"matched":%d,
                 "errors":0,"createdAt":"2026-11-21T07:00:00Z"%s}""".formatted(JOB_ID, TOPIC_ID, state, total,
                processed, matched, "DONE".equals(state) ? ",\"finishedAt\":\"2026-11-21T07:01:00Z\"" : "");
    }

    private String cell(Grid<TopicRecord> grid, int row, String key) {
        return test(grid).getCellText(row, test(grid).getColumnPosition(key));
    }

    private static List<String> words(JsonNode draft, String group) {
        return draft.path(group).values().stream().map(JsonNode::asString).toList();
    }
}
