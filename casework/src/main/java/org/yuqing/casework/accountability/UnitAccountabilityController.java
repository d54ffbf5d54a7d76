package org.yuqing.casework.accountability;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.casework.accountability.AccountabilityRepository.CaseRow;
import org.yuqing.casework.accountability.AccountabilityRepository.Mark;
import org.yuqing.casework.accountability.ReportingVerdict.Concealment;
import org.yuqing.casework.accountability.ReportingVerdict.Verdict;
import org.yuqing.domain.Level;
import org.yuqing.security.Caller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code GET /api/casework/accountability/units?from=&to=&unit=} (迟报/漏报/瞒报统计): for each unit in the caller's
 * scope that opened cases in [from, to) (ISO-8601 instants; by default the 30 days up to now), how many of them were
 * reported on time, late (迟报), not at all though due (漏报), and concealed (瞒报), each with the case ids, judged now
 * by the rules of {@link ReportingVerdict}. Cases still within their report deadline are listed as pending.
 * {@code unit} narrows to one unit (outside the scope: 404 like an unknown unit). A period longer than 366 days is
 * refused (400).
 */
@RestController
class UnitAccountabilityController {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    static final Duration LONGEST_PERIOD = Duration.ofDays(366);

    private final AccountabilityRepository repository;
    private final Clock clock;

    UnitAccountabilityController(AccountabilityRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The answer: the period, the instant the cases were judged at, and the units. */
    record Accountability(Instant from, Instant to, Instant asOf, List<UnitRecord> units) {
    }

    /**
     * One unit's record for the period.
     *
     * @param cases       the cases the unit opened in the period
     * @param onTime      first report at or before the deadline (按时报告)
     * @param late        first report after the deadline (迟报)
     * @param missed      deadline passed, no report (漏报)
     * @param concealed   understated or withheld reports (瞒报); may overlap with on time and late
     * @param pending     no report yet, deadline still ahead
     * @param concealment why each concealed case counts as such
     */
    record UnitRecord(String unitId, Cases cases, Cases onTime, Cases late, Cases missed, Cases concealed,
                      Cases pending, List<Concealed> concealment) {
    }

    /** A count with the cases behind it. */
    record Cases(int count, List<UUID> caseIds) {

        static Cases of(List<UUID> ids) {
            return new Cases(ids.size(), List.copyOf(ids));
        }
    }

    /**
     * A concealed case and why.
     *
     * @param reasons {@code UNDERSTATED_LEVEL} (少报级别) and/or {@code ESCALATION_NOT_REPORTED} (升级未报)
     * @param text    the reasons in Chinese
     */
    record Concealed(UUID caseId, List<Concealment> reasons, String text) {
    }

    @GetMapping("/api/casework/accountability/units")
    @Transactional(readOnly = true)
    public Accountability units(@RequestParam(required = false) Instant from,
                                @RequestParam(required = false) Instant to,
                                @RequestParam(required = false) String unit,
                                Caller caller) {
        Instant now = clock.instant();
        Instant end = to == null ? now : to;
        Instant start = from == null ? end.minus(DEFAULT_PERIOD) : from;
        if (!start.isBefore(end)) {
            throw badRequest("from must lie before to");
        }
        if (Duration.between(start, end).compareTo(LONGEST_PERIOD) > 0) {
            throw badRequest("the period is at most 366 days");
        }
        String only = unit == null || unit.isBlank() ? null : unit.strip();
        if (only != null) {
            caller.requireSees(only, "accountability of unit " + only);
        }
        List<CaseRow> cases = repository.cases(caller.unitScope(), only, start, end);
        Map<UUID, List<Mark>> marks = repository.marks(cases.stream().map(CaseRow::id).toList()).stream()
                .collect(Collectors.groupingBy(Mark::caseId));
        Map<String, List<CaseRow>> byUnit = cases.stream()
                .collect(Collectors.groupingBy(CaseRow::unitId, LinkedHashMap::new, Collectors.toList()));
        List<UnitRecord> units = new ArrayList<>();
        byUnit.forEach((unitId, rows) -> units.add(record(unitId, rows, marks, now)));
        return new Accountability(start, end, now, List.copyOf(units));
    }

    private static UnitRecord record(String unitId, List<CaseRow> rows, Map<UUID, List<Mark>> marks, Instant now) {
        List<UUID> all = new ArrayList<>();
        Map<ReportingVerdict.Timeliness, List<UUID>> byTimeliness = new LinkedHashMap<>();
        for (ReportingVerdict.Timeliness t : ReportingVerdict.Timeliness.values()) {
            byTimeliness.put(t, new ArrayList<>());
        }
        List<UUID> concealed = new ArrayList<>();
        List<Concealed> why = new ArrayList<>();
        for (CaseRow c : rows) {
            all.add(c.id());
            Verdict v = ReportingVerdict.of(facts(c, marks.getOrDefault(c.id(), List.of())), now);
            byTimeliness.get(v.timeliness()).add(c.id());
            if (!v.concealment().isEmpty()) {
                concealed.add(c.id());
                why.add(new Concealed(c.id(), v.concealment(), v.concealment().stream()
                        .map(r -> r == Concealment.UNDERSTATED_LEVEL ? "报告所述级别低于案件级别（少报级别）"
                                : "升级后未在时限内续报新级别（升级未报）")
                        .collect(Collectors.joining("；"))));
            }
        }
        return new UnitRecord(unitId, Cases.of(all), Cases.of(byTimeliness.get(ReportingVerdict.Timeliness.ON_TIME)),
                Cases.of(byTimeliness.get(ReportingVerdict.Timeliness.LATE)),
                Cases.of(byTimeliness.get(ReportingVerdict.Timeliness.MISSED)), Cases.of(concealed),
                Cases.of(byTimeliness.get(ReportingVerdict.Timeliness.PENDING)), List.copyOf(why));
    }

    private static ReportingVerdict.Facts facts(CaseRow c, List<Mark> marks) {
        List<ReportingVerdict.Report> reports = new ArrayList<>();
        List<Instant> rises = new ArrayList<>();
        for (Mark m : marks) {
            if (m.kind().equals("REPORTED")) {
                // Reports recorded before levels were stated carry neither: they stated the case's level.
                Level caseLevel = m.level() == null ? c.level() : Level.valueOf(m.level());
                reports.add(new ReportingVerdict.Report(m.at(), caseLevel,
                        m.statedLevel() == null ? caseLevel : Level.valueOf(m.statedLevel())));
            } else {
                rises.add(m.at());
            }
        }
        return new ReportingVerdict.Facts(c.reportDueAt(), c.reportedAt(), reports, rises, c.terms().reportWithin());
    }

    private static ErrorResponseException badRequest(String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST,
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
    }
}
