package org.yuqing.casework.escalation;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.casework.cases.Assignee;
import org.yuqing.casework.cases.CaseRecords;
import org.yuqing.casework.cases.CaseTimeline;
import org.yuqing.casework.clocks.ClockName;
import org.yuqing.casework.escalation.EscalationProperties.Step;
import org.yuqing.casework.escalation.EscalationRepository.Run;
import org.yuqing.casework.escalation.EscalationRepository.WatchedClock;
import org.yuqing.casework.ledger.Ledger;
import org.yuqing.casework.ledger.LedgerKind;
import org.yuqing.casework.notifications.Notice;
import org.yuqing.casework.notifications.Notifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deadline watcher (超时预警): warns once when an unmet clock comes within its warning lead, records a miss
 * once when it runs out (timeline, ledger {@code DEADLINE_MISSED}, escalation chain), and advances running
 * chains, stopping one whose clock was met or restarted. "Once" is a unique key in the database, so it holds
 * across restarts and concurrent replicas. Time is this service's {@link Clock}.
 * <p>
 * The role {@value #ASSIGNEE} (经办人) means the case's assignees: each gets the notice personally (their inbox, their
 * own email and SMS). A case nobody is assigned to falls back to whoever the contact directory names as 经办人 of
 * the case's unit.
 */
@Component
public class DeadlineWatcher {

    private static final System.Logger LOG = System.getLogger(DeadlineWatcher.class.getName());
    private static final String SYSTEM = "system";
    /** The escalation role that reaches the case's assignees. */
    static final String ASSIGNEE = "ASSIGNEE";
    // The offices run on Beijing time; notices name deadlines as their readers read a clock.
    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("M月d日HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final EscalationRepository repository;
    private final EscalationProperties properties;
    private final CaseTimeline timeline;
    private final CaseRecords cases;
    private final Ledger ledger;
    private final List<Notifier> notifiers;
    private final Clock clock;
    private final TransactionTemplate transactions;

    DeadlineWatcher(EscalationRepository repository, EscalationProperties properties, CaseTimeline timeline,
                    CaseRecords cases, Ledger ledger, List<Notifier> notifiers, Clock clock,
                    PlatformTransactionManager transactionManager) {
        this.cases = cases;
        this.repository = repository;
        this.properties = properties;
        this.timeline = timeline;
        this.ledger = ledger;
        this.notifiers = List.copyOf(notifiers);
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** What one pass did. */
    public record Pass(int warnings, int misses, int notices, int runsEnded) {
    }

    /**
     * One pass at the clock's current time. Each case clock and each run is handled in its own transaction, so
     * one failure does not hold up the rest; what failed is retried on the next pass.
     */
    public Pass watch() {
        Instant now = clock.instant();
        int warnings = 0;
        int misses = 0;
        int notices = 0;
        int ended = 0;
        for (ClockName name : ClockName.values()) {
            for (WatchedClock owing : repository.owingAlerts(name, now, now.plus(properties.warningLead(name)))) {
                try {
                    Outcome o = raise(owing, now);
                    warnings += o.warnings;
                    misses += o.misses;
                    notices += o.notices;
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "deadline alert for case " + owing.caseId() + " failed", e);
                }
            }
        }
        for (long runId : repository.runsToAdvance(now)) {
            try {
                Outcome o = transactions.execute(s -> repository.lockRunning(runId)
                        .map(run -> advance(run, now)).orElse(Outcome.NONE));
                notices += o.notices;
                ended += o.runsEnded;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "escalation run " + runId + " failed", e);
            }
        }
        return new Pass(warnings, misses, notices, ended);
    }

    /**
     * Gives the warning or records the miss a scan found owing, in its own transaction; nothing when another
     * pass (or replica) got there first, or the clock was met or restarted since the scan.
     */
    Outcome raise(WatchedClock owing, Instant now) {
        return transactions.execute(s -> alert(owing, now));
    }

    private Outcome alert(WatchedClock owing, Instant now) {
        Optional<WatchedClock> locked = repository.lockClock(owing.caseId(), owing.name());
        // Re-read under the case lock: a report or a restart may have come in since the scan.
        if (locked.isEmpty() || locked.get().metAt() != null || !owing.dueAt().equals(locked.get().dueAt())) {
            return Outcome.NONE;
        }
        WatchedClock c = locked.get();
        if (c.dueAt().isBefore(now)) {
            return miss(c, now);
        }
        if (!repository.recordAlert(c.caseId(), c.name(), c.dueAt(), EscalationRepository.WARNING, now)) {
            return Outcome.NONE;
        }
        Duration left = Duration.between(now, c.dueAt());
        String summary = c.name().chineseName() + "即将届满：" + BEIJING.format(c.dueAt()) + "前须" + obligation(c.name())
                + "（剩余" + minutes(left) + "分钟）";
        timeline.deadlineWarning(c.caseId(), now, summary, detail(c, now));
        String role = properties.firstTarget();
        send(role, c, "【即将超时】" + c.level().chineseName() + "舆情《" + c.title() + "》"
                + summary + "，请抓紧办理。");
        return new Outcome(1, 0, 1, 0);
    }

    private Outcome miss(WatchedClock c, Instant now) {
        if (!repository.recordAlert(c.caseId(), c.name(), c.dueAt(), EscalationRepository.MISSED, now)) {
            return Outcome.NONE;
        }
        String summary = c.name().chineseName() + "已于" + BEIJING.format(c.dueAt()) + "届满，未" + obligation(c.name())
                + "，启动超时催办";
        Map<String, Object> detail = detail(c, now);
        timeline.deadlineMissed(c.caseId(), c.dueAt(), summary, detail);
        ledger.append(c.caseId(), LedgerKind.DEADLINE_MISSED, SYSTEM, summary, detail);
        Run run = repository.startRun(c.caseId(), c.name(), c.dueAt(), now);
        Outcome steps = advance(run, now);
        return new Outcome(0, 1, steps.notices, steps.runsEnded);
    }

    // Executes every step due by now; waits count from the deadline, so a late pass does not stretch the chain.
    private Outcome advance(Run run, Instant now) {
        Optional<WatchedClock> locked = repository.lockClock(run.caseId(), run.clock());
        if (locked.isEmpty() || locked.get().metAt() != null || !run.dueAt().equals(locked.get().dueAt())) {
            repository.save(run.ended(EscalationRepository.STOPPED), now);
            return new Outcome(0, 0, 0, 1);
        }
        WatchedClock c = locked.get();
        List<Step> steps = properties.steps();
        int step = run.nextStep();
        Instant at = run.nextAt();
        int notices = 0;
        while (step < steps.size() && !at.isAfter(now)) {
            Step s = steps.get(step);
            if (s.isNotify()) {
                notices++;
                send(s.target(), c, "【超时催办】" + c.level().chineseName() + "舆情《"
                        + c.title() + "》" + c.name().chineseName() + "已于" + BEIJING.format(c.dueAt()) + "届满，至今未"
                        + obligation(c.name()) + "，请" + Roles.chineseName(s.target()) + "立即督办。（第" + notices(steps, step)
                        + "次催办）");
            } else {
                at = at.plus(s.delay());
            }
            step++;
        }
        boolean done = step >= steps.size();
        repository.save(run.advancedTo(step, at).ended(done ? EscalationRepository.COMPLETED : EscalationRepository.RUNNING), now);
        return new Outcome(0, 0, notices, done ? 1 : 0);
    }

    // To the case's assignees in person when the role is theirs and someone is assigned; else to the unit's role.
    private void send(String role, WatchedClock c, String text) {
        List<Assignee> assignees = ASSIGNEE.equals(role) ? cases.assignees(c.caseId()) : List.of();
        if (assignees.isEmpty()) {
            send(new Notice(role, c.unitId(), c.caseId(), text));
            return;
        }
        for (Assignee a : assignees) {
            send(Notice.toPerson(a.login(), role, a.unitId(), c.caseId(), text));
        }
    }

    private void send(Notice notice) {
        for (Notifier notifier : notifiers) {
            notifier.send(notice);
        }
    }

    private static int notices(List<Step> steps, int upTo) {
        int n = 0;
        for (int i = 0; i <= upTo; i++) {
            if (steps.get(i).isNotify()) {
                n++;
            }
        }
        return n;
    }

    private static Map<String, Object> detail(WatchedClock c, Instant now) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("clock", c.name().name());
        detail.put("dueAt", c.dueAt());
        detail.put("level", c.level().name());
        detail.put("unitId", c.unitId());
        detail.put("detectedAt", now);
        return detail;
    }

    private static String obligation(ClockName name) {
        return switch (name) {
            case REPORT -> "上报";
            case FIRST_STATEMENT -> "首次发声";
            case REVIEW -> "提交总结评估";
            case WRITTEN_REPORT -> "报送书面报告";
            case INQUIRY_REPLY -> "答复询问质疑";
            case PROGRESS_UPDATE -> "续报进展";
        };
    }

    // Whole minutes, rounded up, so a warning never says "0 minutes left" while time remains.
    private static long minutes(Duration d) {
        return d.plusSeconds(59).toMinutes();
    }

    /** What handling one clock or run did. */
    record Outcome(int warnings, int misses, int notices, int runsEnded) {
        static final Outcome NONE = new Outcome(0, 0, 0, 0);
    }
}
