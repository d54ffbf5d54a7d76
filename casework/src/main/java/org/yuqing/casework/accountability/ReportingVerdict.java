package org.yuqing.casework.accountability;

import org.yuqing.domain.Level;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How one case was reported to leadership, judged at an instant (the rules behind the per-unit counts).
 * <ul>
 *   <li><b>on time</b> (按时报告): the first report came at or before the report deadline;</li>
 *   <li><b>late</b> (迟报): the first report came after the deadline;</li>
 *   <li><b>missed</b> (漏报): the deadline has passed and no report was made;</li>
 *   <li><b>pending</b>: no report yet, deadline still ahead (counted in no column above).</li>
 * </ul>
 * <b>Concealed</b> (瞒报) is judged on its own, since a case may also be late. The plans forbid concealing a major
 * incident (重大网络舆情不得瞒报) and require reports to give the incident's real gravity; a case counts as concealed
 * when
 * <ol>
 *   <li><b>understated</b> (少报级别): a report stated a lower level than the case had when the report was recorded; or
 *   <li><b>escalation withheld</b> (升级未报): the case rose to a higher level after its last report and no report
 *       followed within the new level's report limit counted from the rise, so leadership was left with the lower
 *       level. While that limit runs it is not (yet) concealment.</li>
 * </ol>
 * A case that was never reported is missed, not concealed: 漏报 and 瞒报 are counted apart.
 */
final class ReportingVerdict {

    /** Where the first report stands. */
    enum Timeliness { ON_TIME, LATE, MISSED, PENDING }

    /** Why a case counts as concealed. */
    enum Concealment { UNDERSTATED_LEVEL, ESCALATION_NOT_REPORTED }

    /**
     * A report as recorded.
     *
     * @param caseLevel   the case's level when it was recorded
     * @param statedLevel the level the report stated ({@code caseLevel} for reports recorded before levels were stated)
     */
    record Report(Instant at, Level caseLevel, Level statedLevel) {

        Report {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(caseLevel, "caseLevel");
            statedLevel = statedLevel == null ? caseLevel : statedLevel;
        }
    }

    /**
     * The facts of one case.
     *
     * @param reportDueAt  the report deadline (restarted by an escalation before the first report)
     * @param reportedAt   the first report, or {@code null}
     * @param reports      every report, any order
     * @param escalations  when the case rose a level, any order
     * @param reportWithin the report limit of the case's current level
     */
    record Facts(Instant reportDueAt, Instant reportedAt, List<Report> reports, List<Instant> escalations,
                 Duration reportWithin) {

        Facts {
            reports = List.copyOf(reports);
            escalations = List.copyOf(escalations);
        }
    }

    /**
     * The verdict.
     *
     * @param concealment why the case counts as concealed, empty when it does not
     */
    record Verdict(Timeliness timeliness, List<Concealment> concealment) {
    }

    private ReportingVerdict() {
    }

    /** Judges a case at {@code now}. */
    static Verdict of(Facts f, Instant now) {
        Timeliness timeliness;
        if (f.reportedAt() == null) {
            timeliness = now.isAfter(f.reportDueAt()) ? Timeliness.MISSED : Timeliness.PENDING;
        } else {
            timeliness = f.reportedAt().isAfter(f.reportDueAt()) ? Timeliness.LATE : Timeliness.ON_TIME;
        }
        List<Concealment> concealment = new ArrayList<>();
        if (f.reports().stream().anyMatch(r -> r.caseLevel().isAbove(r.statedLevel()))) {
            concealment.add(Concealment.UNDERSTATED_LEVEL);
        }
        Instant lastReport = f.reports().stream().map(Report::at).max(Instant::compareTo).orElse(null);
        if (lastReport != null) {
            Instant lastRise = f.escalations().stream().filter(e -> e.isAfter(lastReport)).max(Instant::compareTo)
                    .orElse(null);
            if (lastRise != null && now.isAfter(lastRise.plus(f.reportWithin()))) {
                concealment.add(Concealment.ESCALATION_NOT_REPORTED);
            }
        }
        return new Verdict(timeliness, List.copyOf(concealment));
    }
}
