package org.yuqing.casework.accountability;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yuqing.casework.accountability.ReportingVerdict.Concealment;
import org.yuqing.casework.accountability.ReportingVerdict.Facts;
import org.yuqing.casework.accountability.ReportingVerdict.Report;
import org.yuqing.casework.accountability.ReportingVerdict.Timeliness;
import org.yuqing.domain.Level;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ReportingVerdictTest {

    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");
    private static final Duration TWO_HOURS = Duration.ofHours(2);

    static Stream<Arguments> cases() {
        Instant due = T0.plus(TWO_HOURS);
        return Stream.of(
                arguments("reported before the deadline", facts(due, at(60), List.of(report(60, Level.MAJOR)), List.of()),
                        at(300), Timeliness.ON_TIME, List.of()),
                arguments("reported at the deadline instant", facts(due, at(120), List.of(report(120, Level.MAJOR)),
                        List.of()), at(300), Timeliness.ON_TIME, List.of()),
                arguments("reported a minute late (迟报)", facts(due, at(121), List.of(report(121, Level.MAJOR)), List.of()),
                        at(300), Timeliness.LATE, List.of()),
                arguments("not reported, deadline ahead", facts(due, null, List.of(), List.of()), at(120),
                        Timeliness.PENDING, List.of()),
                arguments("not reported, deadline passed (漏报)", facts(due, null, List.of(), List.of()), at(121),
                        Timeliness.MISSED, List.of()),
                arguments("reported as a lower level (少报级别)", facts(due, at(60),
                        List.of(new Report(at(60), Level.MAJOR, Level.SERIOUS)), List.of()), at(300),
                        Timeliness.ON_TIME, List.of(Concealment.UNDERSTATED_LEVEL)),
                arguments("reported as a higher level", facts(due, at(60),
                        List.of(new Report(at(60), Level.SERIOUS, Level.MAJOR)), List.of()), at(300),
                        Timeliness.ON_TIME, List.of()),
                arguments("escalated after the report, no new report past the new limit (升级未报)", facts(due, at(60),
                        List.of(report(60, Level.SERIOUS)), List.of(at(120))), at(241), Timeliness.ON_TIME,
                        List.of(Concealment.ESCALATION_NOT_REPORTED)),
                arguments("escalated after the report, new limit still running", facts(due, at(60),
                        List.of(report(60, Level.SERIOUS)), List.of(at(120))), at(240), Timeliness.ON_TIME, List.of()),
                arguments("escalated after the report and reported again", facts(due, at(60),
                        List.of(report(60, Level.SERIOUS), report(180, Level.MAJOR)), List.of(at(120))), at(600),
                        Timeliness.ON_TIME, List.of()),
                arguments("escalated before the first report: judged by the restarted deadline only", facts(at(240),
                        at(200), List.of(report(200, Level.MAJOR)), List.of(at(120))), at(600), Timeliness.ON_TIME,
                        List.of()),
                arguments("never reported and escalated: missed, not concealed", facts(due, null, List.of(),
                        List.of(at(30))), at(600), Timeliness.MISSED, List.of()),
                arguments("late and understated", facts(due, at(150), List.of(new Report(at(150), Level.MAJOR,
                        Level.GENERAL)), List.of()), at(600), Timeliness.LATE, List.of(Concealment.UNDERSTATED_LEVEL)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void a_case_is_judged_on_time_late_missed_or_pending_and_concealed_apart(String name, Facts facts, Instant now,
                                                                            Timeliness timeliness,
                                                                            List<Concealment> concealment) {
        ReportingVerdict.Verdict verdict = ReportingVerdict.of(facts, now);

        assertThat(verdict.timeliness()).isEqualTo(timeliness);
        assertThat(verdict.concealment()).isEqualTo(concealment);
    }

    private static Facts facts(Instant due, Instant reportedAt, List<Report> reports, List<Instant> escalations) {
        return new Facts(due, reportedAt, reports, escalations, TWO_HOURS);
    }

    private static Report report(int minute, Level level) {
        return new Report(at(minute), level, level);
    }

    private static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }
}
