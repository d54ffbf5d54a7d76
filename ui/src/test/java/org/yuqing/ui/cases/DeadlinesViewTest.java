package org.yuqing.ui.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.AfterAll;
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
 * 我的期限 driven in the JVM: the stand-in answers {@code GET /api/casework/deadlines/mine} as casework's
 * MyDeadlinesController writes it — with {@code units=true} a missed task of a case assigned to the user, a clock of a
 * case of the user's unit within its warning leads; without, only the assigned case's task — and the
 * inbox holds a read and an unread notice.
 */
@ViewPackages(packages = "org.yuqing.ui")
class DeadlinesViewTest extends ConsoleViewTestSupport {

    private static final String OWN = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String ASSIGNED = "aaaaaaaa-0000-4000-8000-000000000002";
    private static final AtomicReference<Boolean> READ = new AtomicReference<>(false);

    private static final StandInGateway GATEWAY = StandInGateway.start(call -> {
        Instant now = Instant.now();
        return switch (call.request()) {
            case "GET /api/casework/deadlines/mine" -> Answer.ok("units=true".equals(call.query())
                    ? "[%s,%s,%s]".formatted(
                    task(now.minus(Duration.ofMinutes(40)).plusSeconds(20)),
                    clock(OWN, "本单位案件", "REPORT", "上报时限", now.plus(Duration.ofMinutes(25)).minusSeconds(20),
                            "WARNING", "即将超时"),
                    clock(OWN, "本单位案件", "FIRST_STATEMENT", "首次发声时限",
                            now.plus(Duration.ofMinutes(110)).minusSeconds(20), "WARNING", "即将超时"))
                    : "[%s]".formatted(task(now.minus(Duration.ofMinutes(40)).plusSeconds(20))));
            case "GET /api/casework/notifications" -> Answer.ok("""
                    [{"id":12,"recipientRole":"UNIT_HEAD","recipientUnit":"district","caseId":"%s",
                      "text":"【超时未办】本单位案件：上报时限已过，请立即处理","createdAt":"%s","readAt":%s,
                      "recipientLogin":null},
                     {"id":13,"recipientRole":"ASSIGNEE","recipientUnit":"district","caseId":"%s",
                      "text":"【即将超时】本单位案件：上报时限即将届满","createdAt":"%s","readAt":"%s",
                      "recipientLogin":"demo"},
                     {"id":11,"recipientRole":"ASSIGNEE","recipientUnit":"district","caseId":null,
                      "text":"【即将超时】续报时限还剩 10 分钟","createdAt":"%s","readAt":"%s"}]""".formatted(
                    OWN, now.minusSeconds(60), READ.get() ? "\"" + now + "\"" : "null", OWN, now.minusSeconds(90),
                    now.minusSeconds(80), now.minusSeconds(600),
                    now.minusSeconds(300)));
            case "POST /api/casework/notifications/12/read" -> {
                READ.set(true);
                yield Answer.ok("{}");
            }
            default -> new Answer(404, "{\"status\":404,\"detail\":\"未找到：对象不存在，或不属于您的单位。\"}");
        };
    });

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
        registry.add("yuqing.console.gateway.url", GATEWAY::url);
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.stop();
    }

    @Test
    void the_users_deadlines_come_in_one_call_soonest_first_with_misses_and_warnings() {
        signIn(TestTokens.shared().user("demo").roles(Role.UNIT_HANDLER).units("district").scope("district",
                "district-east"));
        GATEWAY.forget();

        UI.getCurrent().navigate("deadlines");

        assertThat($(SideNavItem.class).id("nav-deadlines").getPath()).isEqualTo("deadlines");
        assertThat(GATEWAY.calls()).as("one call, no case read one by one")
                .extracting(c -> c.request() + "?" + c.query())
                .contains("GET /api/casework/deadlines/mine?units=true")
                .noneMatch(r -> r.startsWith("GET /api/casework/cases"));
        @SuppressWarnings("unchecked")
        Grid<MyDeadline> grid = $(Grid.class).id("deadlines-grid");
        assertThat(test(grid).size()).isEqualTo(3);
        assertThat(List.of(0, 1, 2)).extracting(row -> name(grid, row))
                .containsExactly("任务《协助核实情况》", "上报时限", "首次发声时限");
        assertThat(countdown(grid, 0)).isEqualTo("已超时 40分已超时");
        assertThat(countdown(grid, 1)).isEqualTo("剩余 24分即将超时");
        assertThat(countdown(grid, 2)).as("the service's warning lead (2 h before the first statement) counts too")
                .isEqualTo("剩余 1小时49分即将超时");
        assertThat(test(grid).getCellText(0, test(grid).getColumnPosition("assignees"))).isEqualTo("我");
        assertThat(test(grid).getCellText(1, test(grid).getColumnPosition("assignees"))).isEqualTo("zhang");
        assertThat(test(grid).getCellText(1, test(grid).getColumnPosition("level"))).isEqualTo("较大");
        assertThat($(com.vaadin.flow.component.html.Span.class).id("deadlines-status").getText())
                .startsWith("共 3 项未完成，其中 1 项已超时");

        GATEWAY.forget();
        test($(Checkbox.class).id("deadlines-include-units")).click();

        assertThat(GATEWAY.calls()).extracting(c -> c.request() + "?" + c.query())
                .contains("GET /api/casework/deadlines/mine?units=false");
        assertThat(test(grid).size()).as("only the case assigned to the user").isEqualTo(1);
        assertThat(name(grid, 0)).isEqualTo("任务《协助核实情况》");
    }

    @Test
    void the_inbox_lists_the_users_notices_and_marks_one_read() {
        READ.set(false);
        signIn(TestTokens.shared().user("demo").roles(Role.UNIT_HANDLER).units("district"));
        UI.getCurrent().navigate("deadlines");

        @SuppressWarnings("unchecked")
        Grid<InboxNotice> inbox = $(Grid.class).id("inbox-grid");
        assertThat(test(inbox).size()).isEqualTo(3);
        assertThat(test(inbox).getCellText(0, 1)).isEqualTo("【超时未办】本单位案件：上报时限已过，请立即处理");
        assertThat(test(inbox).getCellText(0, 2)).isEqualTo("district · 单位负责人");
        assertThat(test(inbox).getCellText(1, 2)).as("a notice to the user as the case's assignee")
                .isEqualTo("demo（district · 经办人）");
        assertThat($(com.vaadin.flow.component.html.Span.class).id("inbox-status").getText())
                .isEqualTo("共 3 条，未读 1 条");
        assertThat(test(inbox).getCellComponent(2, "read")).as("read already").isNotInstanceOf(Button.class);
        Button markRead = (Button) test(inbox).getCellComponent(0, "read");
        assertThat(markRead.getId()).contains("inbox-read-12");

        test(markRead).click();

        assertThat(GATEWAY.requests()).contains("POST /api/casework/notifications/12/read");
        assertThat($(com.vaadin.flow.component.html.Span.class).id("inbox-status").getText())
                .isEqualTo("共 3 条，未读 0 条");
    }

    private String name(Grid<MyDeadline> grid, int row) {
        return test(grid).getCellText(row, test(grid).getColumnPosition("deadline"));
    }

    private String countdown(Grid<MyDeadline> grid, int row) {
        Component cell = test(grid).getCellComponent(row, "countdown");
        return cell.getElement().getTextRecursively();
    }

    // As casework's MyDeadlinesController.MyDeadline writes them.
    private static String task(Instant due) {
        return """
                {"caseId":"%s","caseTitle":"下级单位案件","level":"GENERAL","levelName":"一般","caseUnitId":"district-east",
                 "kind":"TASK","name":"TASK","nameText":"协助核实情况","taskId":"bbbbbbbb-0000-4000-8000-000000000001",
                 "unitId":"district","dueAt":"%s","state":"MISSED","stateText":"已超时","assignedToMe":true,
                 "assignees":[{"login":"demo","unitId":"district"}]}""".formatted(ASSIGNED, due);
    }

    private static String clock(String caseId, String title, String name, String nameText, Instant due, String state,
                                String stateText) {
        return """
                {"caseId":"%s","caseTitle":"%s","level":"SERIOUS","levelName":"较大","caseUnitId":"district",
                 "kind":"CLOCK","name":"%s","nameText":"%s","taskId":null,"unitId":"district","dueAt":"%s",
                 "state":"%s","stateText":"%s","assignedToMe":false,
                 "assignees":[{"login":"zhang","unitId":"district"}]}""".formatted(caseId, title, name, nameText, due,
                state, stateText);
    }
}
