package org.yuqing.ui.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.sidenav.SideNavItem;
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
import org.yuqing.ui.i18n.ConsoleTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 责任追究 driven in the JVM against casework's {@code GET /api/casework/accountability/units} contract.
 */
@ViewPackages(packages = "org.yuqing.ui")
class AccountabilityViewTest extends ConsoleViewTestSupport {

    private static final String LATE = "cccccccc-0000-4000-8000-000000000001";
    private static final String MISSED = "cccccccc-0000-4000-8000-000000000002";
    private static final String HIDDEN = "cccccccc-0000-4000-8000-000000000003";
    private static final String FINE = "cccccccc-0000-4000-8000-000000000004";

    private static final StandInGateway GATEWAY = StandInGateway.start(call -> switch (call.request()) {
        case "GET /api/casework/accountability/units" -> Answer.ok("""
                {"from":"2026-10-23T16:00:00Z","to":"2026-11-22T16:00:00Z","asOf":"2026-11-22T06:30:00Z","units":[
                 {"unitId":"district","cases":{"count":3,"caseIds":["%1$s","%2$s","%3$s"]},
                  "onTime":{"count":1,"caseIds":["%3$s"]},"late":{"count":1,"caseIds":["%1$s"]},
                  "missed":{"count":1,"caseIds":["%2$s"]},"concealed":{"count":1,"caseIds":["%3$s"]},
                  "pending":{"count":0,"caseIds":[]},
                  "concealment":[{"caseId":"%3$s","reasons":["UNDERSTATED_LEVEL"],"text":"报告所述级别低于案件级别（少报级别）"}]},
                 {"unitId":"district-east","cases":{"count":1,"caseIds":["%4$s"]},
                  "onTime":{"count":1,"caseIds":["%4$s"]},"late":{"count":0,"caseIds":[]},
                  "missed":{"count":0,"caseIds":[]},"concealed":{"count":0,"caseIds":[]},
                  "pending":{"count":0,"caseIds":[]},"concealment":[]}]}""".formatted(LATE, MISSED, HIDDEN, FINE));
        case "GET /api/casework/cases" -> Answer.ok("[%s]".formatted(CaseJson.summary(LATE, "化工厂爆炸迟报案件",
                "district", "MAJOR", "重大", "REPORTED", "已报告", Instant.now(), Instant.now(), Instant.now())));
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
    void late_missed_and_concealed_reports_are_counted_per_unit_with_the_cases_behind_them() {
        signIn(TestTokens.shared().user("lead").roles(Role.LEADER).units("district"));
        GATEWAY.forget();

        UI.getCurrent().navigate("accountability");

        assertThat($(SideNavItem.class).id("nav-accountability").getPath()).isEqualTo("accountability");
        StandInGateway.Call asked = GATEWAY.calls().stream()
                .filter(c -> c.request().equals("GET /api/casework/accountability/units")).findFirst().orElseThrow();
        LocalDate today = LocalDate.ofInstant(Instant.now(), ConsoleTime.ZONE);
        assertThat(java.net.URLDecoder.decode(asked.query(), java.nio.charset.StandardCharsets.UTF_8)).as("the last 30 Beijing days, as instants")
                .contains("from=" + today.minusDays(29).atStartOfDay(ConsoleTime.ZONE).toInstant())
                .contains("to=" + today.plusDays(1).atStartOfDay(ConsoleTime.ZONE).toInstant());

        @SuppressWarnings("unchecked")
        Grid<UnitAccountability.UnitRecord> grid = $(Grid.class).id("accountability-grid");
        assertThat(test(grid).size()).isEqualTo(2);
        assertThat(List.of("unit", "cases", "onTime", "pending")).extracting(key -> test(grid).getCellText(0,
                test(grid).getColumnPosition(key))).containsExactly("district", "3", "1", "0");
        assertThat(test(grid).getCellComponent(0, "late").getElement().getText()).isEqualTo("1");
        assertThat(test(grid).getCellComponent(0, "missed").getElement().getText()).isEqualTo("1");
        assertThat(test(grid).getCellComponent(0, "concealed").getElement().getText()).isEqualTo("1");

        assertThat($(RouterLink.class).id("accountability-case-late-" + LATE).getText())
                .as("titled from the case list").isEqualTo("化工厂爆炸迟报案件");
        assertThat($(RouterLink.class).id("accountability-case-missed-" + MISSED).getText()).isEqualTo(MISSED);
        assertThat($(Div.class).id("accountability-concealed-district").getElement().getTextRecursively())
                .startsWith("district · 瞒报（1 件）").contains("报告所述级别低于案件级别（少报级别）");
        assertThat($(Div.class).withId("accountability-late-district-east").exists()).isFalse();

        test($(RouterLink.class).id("accountability-case-late-" + LATE)).click();
        assertThat(getCurrentView()).isInstanceOf(CaseView.class);
    }
}
