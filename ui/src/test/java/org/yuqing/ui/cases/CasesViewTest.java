package org.yuqing.ui.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
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

        @SuppressWarnings("unchecked")
        Grid<CaseSummary> grid = $(Grid.class).id("cases-grid");
        assertThat(test(grid).size()).isEqualTo(4);
        assertThat(List.of(0, 1, 2, 3)).extracting(row -> test(grid).getRow(row).id())
                .containsExactly("soon", "late", "later", "done");

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
                [%s,%s,%s,%s]""".formatted(
                one("soon", soonReport, null, now.plus(Duration.ofHours(2)), null),
                one("late", lateReport, null, now.plus(Duration.ofMinutes(50)), null),
                one("later", now.minus(Duration.ofHours(1)), now.minus(Duration.ofHours(2)), laterStatement, null),
                one("done", now.minus(Duration.ofHours(1)), now.minus(Duration.ofHours(2)), now,
                        now.minus(Duration.ofMinutes(5))));
    }

    private static String one(String id, Instant reportDue, Instant reported, Instant statementDue,
                              Instant published) {
        return """
                {"id":"%s","incidentId":"i-%s","title":"案件 %s","unitId":"district","level":"MAJOR",
                 "levelName":"重大","state":"RESPONDING","stateName":"处置中","openedAt":"%s","reportDueAt":%s,
                 "reportedAt":%s,"firstStatementDueAt":%s,"firstStatementAt":%s,"overdue":[]}""".formatted(
                id, id, id, reportDue.minus(Duration.ofHours(1)), quoted(reportDue), quoted(reported),
                quoted(statementDue), quoted(published));
    }

    private static String quoted(Instant instant) {
        return instant == null ? "null" : "\"" + instant + "\"";
    }
}
