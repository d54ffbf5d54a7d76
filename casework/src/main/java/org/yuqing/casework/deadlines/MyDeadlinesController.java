package org.yuqing.casework.deadlines;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.casework.cases.Assignee;
import org.yuqing.casework.cases.CaseOverview;
import org.yuqing.casework.cases.CaseRecords;
import org.yuqing.casework.clocks.DeadlineClock;
import org.yuqing.casework.escalation.EscalationProperties;
import org.yuqing.casework.tasks.OpenTasks;
import org.yuqing.domain.Level;
import org.yuqing.security.Caller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /api/casework/deadlines/mine?units=false}: the caller's deadlines, soonest first — every running clock
 * (report, first statement, written report, reply, progress, review) and every open task of the open cases they are
 * assigned to, and with {@code units=true} also of the cases their own units own; always within their unit scope.
 * Each says its case (title, level, unit), when it is due and whether it is running, within its warning lead
 * ({@code WARNING}, as the deadline watcher warns) or past due ({@code MISSED}).
 */
@RestController
class MyDeadlinesController {

    /** How long before its due instant an open task counts as about to run out. */
    static final Duration TASK_WARNING_LEAD = Duration.ofHours(2);

    private final CaseRecords cases;
    private final OpenTasks tasks;
    private final EscalationProperties escalation;
    private final Clock clock;

    MyDeadlinesController(CaseRecords cases, OpenTasks tasks, EscalationProperties escalation, Clock clock) {
        this.cases = cases;
        this.tasks = tasks;
        this.escalation = escalation;
        this.clock = clock;
    }

    @GetMapping("/api/casework/deadlines/mine")
    List<MyDeadline> mine(@RequestParam(defaultValue = "false") boolean units, Caller caller) {
        Instant now = clock.instant();
        List<CaseOverview> work = cases.workOf(caller, units);
        Map<UUID, CaseOverview> byId = work.stream().collect(Collectors.toMap(CaseOverview::id, Function.identity()));
        List<MyDeadline> deadlines = new ArrayList<>();
        for (CaseOverview c : work) {
            for (DeadlineClock k : c.clocks()) {
                if (k.metAt() == null) {
                    deadlines.add(MyDeadline.of(c, caller, "CLOCK", k.name().name(), k.name().chineseName(), null,
                            c.unitId(), k.dueAt(), state(k.dueAt(), escalation.warningLead(k.name()), now)));
                }
            }
        }
        for (OpenTasks.OpenTask t : tasks.of(byId.keySet())) {
            deadlines.add(MyDeadline.of(byId.get(t.caseId()), caller, "TASK", "TASK", t.title(), t.id(), t.unitId(),
                    t.dueAt(), state(t.dueAt(), TASK_WARNING_LEAD, now)));
        }
        deadlines.sort(Comparator.comparing(MyDeadline::dueAt).thenComparing(MyDeadline::caseTitle));
        return deadlines;
    }

    private static DeadlineState state(Instant dueAt, Duration lead, Instant now) {
        if (now.isAfter(dueAt)) {
            return DeadlineState.MISSED;
        }
        return now.plus(lead).isBefore(dueAt) ? DeadlineState.RUNNING : DeadlineState.WARNING;
    }

    /** Where a deadline stands now. */
    enum DeadlineState {
        /** 计时中 */
        RUNNING("计时中"),
        /** 即将超时: within its warning lead */
        WARNING("即将超时"),
        /** 已超时: past due and not met */
        MISSED("已超时");

        private final String chineseName;

        DeadlineState(String chineseName) {
            this.chineseName = chineseName;
        }
    }

    /**
     * One deadline of the caller.
     *
     * @param kind       {@code CLOCK} (a case's deadline clock) or {@code TASK} (an open task)
     * @param name       the clock's name (e.g. {@code REPORT}), or {@code TASK}
     * @param nameText   the clock's Chinese name (e.g. 上报时限), or the task's title
     * @param taskId     the task, or {@code null} for a clock
     * @param unitId     who owes it: the case's unit for a clock, the task's unit for a task
     * @param state      RUNNING, WARNING or MISSED at the time of the request
     * @param assignedToMe whether the caller is one of the case's assignees
     */
    record MyDeadline(UUID caseId, String caseTitle, Level level, String levelName, String caseUnitId,
                      String kind, String name, String nameText, UUID taskId, String unitId, Instant dueAt,
                      DeadlineState state, String stateText, boolean assignedToMe, List<Assignee> assignees) {

        static MyDeadline of(CaseOverview c, Caller caller, String kind, String name, String nameText, UUID taskId,
                             String unitId, Instant dueAt, DeadlineState state) {
            boolean mine = c.assignees().stream().anyMatch(a -> a.login().equals(caller.login()));
            return new MyDeadline(c.id(), c.title(), c.level(), c.level().chineseName(), c.unitId(), kind, name,
                    nameText, taskId, unitId, dueAt, state, state.chineseName, mine, c.assignees());
        }
    }
}
