package org.yuqing.ui.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
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
 * 我的期限 driven in the JVM: the stand-in lists a case of the user's unit, a case of a unit below it with a task
 * given to the user's unit, and a closed case; the inbox holds a read and an unread notice.
 */
@ViewPackages(packages = "org.yuqing.ui")
class DeadlinesViewTest extends ConsoleViewTestSupport {

    private static final String OWN = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String BELOW = "aaaaaaaa-0000-4000-8000-000000000002";
    private static final String CLOSED = "aaaaaaaa-0000-4000-8000-000000000003";
    private static final AtomicReference<Boolean> READ = new AtomicReference<>(false);

    private static final StandInGateway GATEWAY = StandInGateway.start(call -> {
        Instant now = Instant.now();
        return switch (call.request()) {
            case "GET /api/casework/cases" -> Answer.ok("[%s,%s,%s]".formatted(
                    CaseJson.summary(OWN, "本单位案件", "district", "SERIOUS", "较大", "ASSESSING", "研判",
                            now.plus(Duration.ofMinutes(25)), null, now.plus(Duration.ofHours(23))),
                    CaseJson.summary(BELOW, "下级单位案件", "district-east", "GENERAL", "一般", "ASSESSING", "研判",
                            now.minus(Duration.ofMinutes(15)), null, now.plus(Duration.ofHours(20))),
                    CaseJson.summary(CLOSED, "已结案件", "district", "GENERAL", "一般", "REVIEWED", "总结评估",
                            now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)))));
            case "GET /api/casework/cases/" + OWN -> Answer.ok(CaseJson.plainCase(OWN, "本单位案件", "district",
                    "ASSESSING", now.plus(Duration.ofMinutes(25)).minusSeconds(20), now.plus(Duration.ofHours(23))));
            case "GET /api/casework/cases/" + BELOW -> Answer.ok(CaseJson.plainCase(BELOW, "下级单位案件",
                    "district-east", "ASSESSING", now.minus(Duration.ofMinutes(15)), now.plus(Duration.ofHours(20)))
                    .replace("\"tasks\":[]", """
                            "tasks":[{"id":"t-1","unitId":"district","title":"协助核实情况","dueAt":"%s",
                             "createdBy":"east-lead","createdAt":"%s","completedBy":null,"completedAt":null,
                             "status":"OPEN","statusText":"已超期","overdue":true}]""".formatted(
                            now.minus(Duration.ofMinutes(40)).plusSeconds(20), now.minus(Duration.ofHours(1)))));
            case "GET /api/casework/notifications" -> Answer.ok("""
                    [{"id":12,"recipientRole":"UNIT_HEAD","recipientUnit":"district","caseId":"%s",
                      "text":"【超时未办】本单位案件：上报时限已过，请立即处理","createdAt":"%s","readAt":%s},
                     {"id":11,"recipientRole":"ASSIGNEE","recipientUnit":"district","caseId":null,
                      "text":"【即将超时】续报时限还剩 10 分钟","createdAt":"%s","readAt":"%s"}]""".formatted(
                    OWN, now.minusSeconds(60), READ.get() ? "\"" + now + "\"" : "null", now.minusSeconds(600),
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
    void the_deadlines_of_the_users_unit_and_its_tasks_come_soonest_first_with_misses_and_warnings() {
        signIn(TestTokens.shared().user("demo").roles(Role.UNIT_HANDLER).units("district").scope("district",
                "district-east"));
        GATEWAY.forget();

        UI.getCurrent().navigate("deadlines");

        assertThat($(SideNavItem.class).id("nav-deadlines").getPath()).isEqualTo("deadlines");
        assertThat(GATEWAY.requests()).as("a closed case is not read")
                .doesNotContain("GET /api/casework/cases/" + CLOSED);
        @SuppressWarnings("unchecked")
        Grid<OpenDeadline> grid = $(Grid.class).id("deadlines-grid");
        assertThat(test(grid).size()).isEqualTo(3);
        assertThat(List.of(0, 1, 2)).extracting(row -> name(grid, row))
                .as("the task of the unit below is the user's unit's; that case's own clocks are not")
                .containsExactly("任务《协助核实情况》", "上报时限", "首次发声时限");
        assertThat(countdown(grid, 0)).isEqualTo("已超时 40分已超时");
        assertThat(countdown(grid, 1)).isEqualTo("剩余 24分即将超时");
        assertThat(countdown(grid, 2)).isEqualTo("剩余 22小时59分计时中");
        assertThat($(com.vaadin.flow.component.html.Span.class).id("deadlines-status").getText())
                .startsWith("共 3 项未完成，其中 1 项已超时");
    }

    @Test
    void the_inbox_lists_the_users_notices_and_marks_one_read() {
        READ.set(false);
        signIn(TestTokens.shared().user("demo").roles(Role.UNIT_HANDLER).units("district"));
        UI.getCurrent().navigate("deadlines");

        @SuppressWarnings("unchecked")
        Grid<InboxNotice> inbox = $(Grid.class).id("inbox-grid");
        assertThat(test(inbox).size()).isEqualTo(2);
        assertThat(test(inbox).getCellText(0, 1)).isEqualTo("【超时未办】本单位案件：上报时限已过，请立即处理");
        assertThat(test(inbox).getCellText(0, 2)).isEqualTo("district · 单位负责人");
        assertThat($(com.vaadin.flow.component.html.Span.class).id("inbox-status").getText())
                .isEqualTo("共 2 条，未读 1 条");
        assertThat(test(inbox).getCellComponent(1, "read")).as("read already").isNotInstanceOf(Button.class);
        Button markRead = (Button) test(inbox).getCellComponent(0, "read");
        assertThat(markRead.getId()).contains("inbox-read-12");

        test(markRead).click();

        assertThat(GATEWAY.requests()).contains("POST /api/casework/notifications/12/read");
        assertThat($(com.vaadin.flow.component.html.Span.class).id("inbox-status").getText())
                .isEqualTo("共 2 条，未读 0 条");
    }

    private String name(Grid<OpenDeadline> grid, int row) {
        return test(grid).getCellText(row, test(grid).getColumnPosition("deadline"));
    }

    private String countdown(Grid<OpenDeadline> grid, int row) {
        Component cell = test(grid).getCellComponent(row, "countdown");
        return cell.getElement().getTextRecursively();
    }
}
