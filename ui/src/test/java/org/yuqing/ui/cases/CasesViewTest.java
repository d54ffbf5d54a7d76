package org.yuqing.ui.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.RouterLink;
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
 * The case board driven in the JVM against the real console context: the stand-in gateway lists cases whose
 * deadlines lie relative to the moment it answers, so the console's real clock counts them down.
 */
@ViewPackages(packages = "org.yuqing.ui")
class CasesViewTest extends ConsoleViewTestSupport {

    private static final StandInGateway GATEWAY = StandInGateway.start(call -> switch (call.request()) {
        case "GET /api/casework/cases" -> Answer.ok(cases(Instant.now()));
        default -> new Answer(404, "{\"status\":404}");
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
    void each_case_counts_down_to_its_next_open_deadline_red_when_overdue_and_amber_in_the_last_half_hour() {
        signIn(TestTokens.shared().user("board").roles(Role.LEADER).units("district"));

        UI.getCurrent().navigate(CasesView.class);
        test($(Button.class).id("cases-view-toggle")).click();

        @SuppressWarnings("unchecked")
        Grid<CaseSummary> grid = $(Grid.class).id("cases-grid");
        assertThat(test(grid).size()).isEqualTo(6);
        assertThat(List.of(0, 1, 2, 3, 4, 5)).extracting(row -> test(grid).getRow(row).id())
                .containsExactly("soon", "late", "later", "done", "east", "calm");

        assertThat(lines(next(grid, 0))).containsExactly("报告", "剩余 9分");
        assertThat(countdown(next(grid, 0)).getClassNames()).contains("countdown", "countdown-soon");
        assertThat(countdown(next(grid, 0)).getStyle().get("color")).contains("--lumo-warning-text-color");

        assertThat(lines(next(grid, 1))).containsExactly("报告", "已超时 20分");
        assertThat(countdown(next(grid, 1)).getClassNames()).contains("countdown-overdue");
        assertThat(countdown(next(grid, 1)).getStyle().get("color")).isEqualTo("var(--lumo-error-text-color)");

        assertThat(lines(next(grid, 2))).as("the report is in: the first statement is next")
                .containsExactly("首次发布", "剩余 4小时59分");
        assertThat(countdown(next(grid, 2)).getClassNames()).contains("countdown-pending");
        assertThat(countdown(next(grid, 2)).getStyle().get("color")).isEqualTo("var(--lumo-secondary-text-color)");

        assertThat(next(grid, 3).getElement().getText()).as("every deadline met").isEqualTo("—");

        Component reportOfSoon = test(grid).getCellComponent(0, "reportDue");
        assertThat(countdown(reportOfSoon).getClassNames()).as("the deadline columns are coloured too")
                .contains("countdown-soon");
    }

    @Test
    void the_board_has_a_column_per_state_with_a_card_per_case_coloured_by_level_and_counting_down() {
        signIn(TestTokens.shared().user("board").roles(Role.LEADER).units("district"));

        openBoard();

        assertThat($(HorizontalLayout.class).id("cases-board").isVisible()).isTrue();
        assertThat($(Grid.class).withId("cases-grid").exists()).as("the list waits behind the toggle").isFalse();
        assertThat(columnIds()).as("every state in workflow order; 发现 only when a case is there")
                .containsExactly("board-ASSESSING", "board-REPORTED", "board-CONSULTING", "board-RESPONDING",
                        "board-TRACKING", "board-SUBSIDED", "board-REVIEWED");
        assertThat(heading("board-RESPONDING")).isEqualTo("处置回应（4）");
        assertThat(heading("board-CONSULTING")).isEqualTo("会商（0）");
        assertThat(cardIds("board-RESPONDING")).containsExactly("case-card-soon", "case-card-late",
                "case-card-later", "case-card-done");
        assertThat(cardIds("board-ASSESSING")).containsExactly("case-card-east");
        assertThat(cardIds("board-SUBSIDED")).containsExactly("case-card-calm");

        Div soon = $(Div.class).id("case-card-soon");
        assertThat(soon.getElement().getTextRecursively()).contains("案件 soon").contains("重大")
                .contains("责任单位：district").contains("报告 剩余 9分");
        assertThat($(Div.class).id("case-card-assignees-soon").getElement().getTextRecursively()).isEqualTo("经办人：board、zhang");
        assertThat($(Div.class).id("case-card-assignees-later").getElement().getTextRecursively()).isEqualTo("未指派经办人");
        assertThat(soon.getStyle().get("border-inline-start")).contains(CaseVisuals.levelColor("MAJOR"));
        assertThat($(Span.class).from(soon).withClassName("countdown").single().getClassNames())
                .contains("countdown-soon");
        assertThat($(Span.class).from($(Div.class).id("case-card-late")).withClassName("countdown").single()
                .getClassNames()).contains("countdown-overdue");
        assertThat($(Span.class).from($(Div.class).id("case-card-east")).withClassName("level-GENERAL").single()
                .getText()).isEqualTo("一般");
        assertThat($(Div.class).id("case-card-done").getElement().getTextRecursively()).contains("各项时限均已完成");

        test($(Button.class).id("cases-view-toggle")).click();
        assertThat($(Grid.class).id("cases-grid").isVisible()).isTrue();
        assertThat($(HorizontalLayout.class).withId("cases-board").exists()).isFalse();
    }

    @Test
    void the_filters_narrow_the_board_to_a_unit_a_level_or_the_users_own_cases() {
        signIn(TestTokens.shared().user("board").roles(Role.LEADER).units("district"));
        openBoard();

        test($(Checkbox.class).id("cases-filter-mine")).click();
        assertThat(allCardIds()).as("only the cases assigned to the user, whatever their unit")
                .containsExactlyInAnyOrder("case-card-soon", "case-card-east");
        test($(Checkbox.class).id("cases-filter-mine")).click();

        test($(Select.class).id("cases-filter-level")).selectItem("较大");
        assertThat(allCardIds()).containsExactly("case-card-calm");
        $(Select.class).id("cases-filter-level").clear();

        test($(Select.class).id("cases-filter-unit")).selectItem("district-east");
        assertThat(allCardIds()).containsExactly("case-card-east");
    }

    @Test
    void a_card_opens_its_case() {
        signIn(TestTokens.shared().user("board").roles(Role.LEADER).units("district"));
        openBoard();

        test($(RouterLink.class).id("case-link-east")).click();

        assertThat(getCurrentView()).isInstanceOf(CaseView.class);
    }

    /**
     * The board on a fresh page: signing in already showed the start page (before the language was set), and a
     * navigation to the same view would keep that instance.
     */
    private static void openBoard() {
        UI.getCurrent().navigate("search");
        UI.getCurrent().navigate("cases");
    }

    private List<String> columnIds() {
        return $(Div.class).from($(HorizontalLayout.class).id("cases-board")).withClassName("board-column").all().stream()
                .map(c -> c.getId().orElseThrow()).toList();
    }

    private String heading(String column) {
        return $(H4.class).from($(Div.class).id(column)).single().getText();
    }

    private List<String> cardIds(String column) {
        return $(Div.class).from($(Div.class).id(column)).withClassName("case-card").all().stream()
                .map(c -> c.getId().orElseThrow()).toList();
    }

    private List<String> allCardIds() {
        return $(Div.class).withClassName("case-card").all().stream().map(c -> c.getId().orElseThrow()).toList();
    }

    private Component next(Grid<CaseSummary> grid, int row) {
        return test(grid).getCellComponent(row, "nextDeadline");
    }

    private static List<String> lines(Component cell) {
        return cell.getChildren().map(child -> ((Span) child).getText()).toList();
    }

    private static Span countdown(Component cell) {
        return (Span) cell.getChildren().reduce((first, second) -> second).orElseThrow();
    }

    /** Deadlines a little inside whole minutes, so the rounding of a slow test run cannot change the text. */
    private static String cases(Instant now) {
        Instant soonReport = now.plus(Duration.ofMinutes(10)).minusSeconds(20);
        Instant lateReport = now.minus(Duration.ofMinutes(20)).plusSeconds(20);
        Instant laterStatement = now.plus(Duration.ofHours(5)).minusSeconds(20);
        return """
                [%s,%s,%s,%s,%s,%s]""".formatted(
                one("soon", soonReport, null, now.plus(Duration.ofHours(2)), null),
                one("late", lateReport, null, now.plus(Duration.ofMinutes(50)), null),
                one("later", now.minus(Duration.ofHours(1)), now.minus(Duration.ofHours(2)), laterStatement, null),
                one("done", now.minus(Duration.ofHours(1)), now.minus(Duration.ofHours(2)), now,
                        now.minus(Duration.ofMinutes(5))),
                one("east", "district-east", "GENERAL", "一般", "ASSESSING", "研判",
                        now.plus(Duration.ofHours(3)).minusSeconds(20), null, now.plus(Duration.ofHours(20)), null),
                one("calm", "district", "SERIOUS", "较大", "SUBSIDED", "平息", now.minus(Duration.ofHours(30)),
                        now.minus(Duration.ofHours(31)), now.minus(Duration.ofHours(10)),
                        now.minus(Duration.ofHours(12))));
    }

    private static String one(String id, Instant reportDue, Instant reported, Instant statementDue,
                              Instant published) {
        return one(id, "district", "MAJOR", "重大", "RESPONDING", "处置中", reportDue, reported, statementDue,
                published);
    }

    private static String one(String id, String unit, String level, String levelName, String state,
                              String stateName, Instant reportDue, Instant reported, Instant statementDue,
                              Instant published) {
        return """
                {"id":"%s","incidentId":"i-%s","title":"案件 %s","unitId":"%s","level":"%s",
                 "levelName":"%s","state":"%s","stateName":"%s","openedAt":"%s","reportDueAt":%s,
                 "reportedAt":%s,"firstStatementDueAt":%s,"firstStatementAt":%s,"overdue":[],
                 "assignees":%s}""".formatted(
                id, id, id, unit, level, levelName, state, stateName, reportDue.minus(Duration.ofHours(1)),
                quoted(reportDue), quoted(reported), quoted(statementDue), quoted(published), assignees(id));
    }

    // As casework lists them (CaseViews.CaseSummary.assignees): the test user works "soon" and "east".
    private static String assignees(String id) {
        return switch (id) {
            case "soon" -> "[{\"login\":\"board\",\"unitId\":\"district\"},{\"login\":\"zhang\",\"unitId\":\"district\"}]";
            case "east" -> "[{\"login\":\"board\",\"unitId\":\"district-east\"}]";
            case "calm" -> "[{\"login\":\"zhang\",\"unitId\":\"district\"}]";
            default -> "[]";
        };
    }

    private static String quoted(Instant instant) {
        return instant == null ? "null" : "\"" + instant + "\"";
    }
}
