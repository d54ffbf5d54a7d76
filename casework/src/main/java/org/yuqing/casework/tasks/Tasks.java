package org.yuqing.casework.tasks;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.yuqing.casework.cases.CaseRef;
import org.yuqing.casework.cases.CaseSection;
import org.yuqing.casework.cases.CaseState;
import org.yuqing.casework.cases.CaseTimeline;
import org.yuqing.casework.cases.TimelineKind;
import org.yuqing.casework.clocks.SameDayDeadline;
import org.yuqing.casework.ledger.Ledger;
import org.yuqing.casework.ledger.LedgerKind;
import org.yuqing.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tasks on a case (任务交办). Who may give a task to which unit: the caller must see the case (else 404, like an
 * unknown id) and may give tasks only to units of their own scope — their units and the units below them, as in
 * their token (else 403): a unit is never handed work by someone who does not oversee it. Giving and completing
 * a task go to the timeline and the accountability ledger; a closed (REVIEWED) case takes no new tasks, and a case
 * with open tasks cannot be closed ({@link #closingRefusal}).
 */
@Service
class Tasks implements CaseSection {

    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("M月d日HH:mm")
            .withZone(SameDayDeadline.BEIJING);

    private final TaskRepository repository;
    private final CaseTimeline cases;
    private final Ledger ledger;
    private final Clock clock;

    Tasks(TaskRepository repository, CaseTimeline cases, Ledger ledger, Clock clock) {
        this.repository = repository;
        this.cases = cases;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Gives a task to a unit.
     *
     * @throws org.yuqing.security.OutOfScopeException   when the case is outside {@code by}'s scope (404)
     * @throws org.yuqing.security.ForbiddenUnitException when {@code unitId} is outside {@code by}'s scope (403)
     * @throws ErrorResponseException 409 when the case is closed, 422 when {@code dueAt} is not in the future
     */
    @Transactional
    Task assign(UUID caseId, String unitId, String title, Instant dueAt, Caller by) {
        CaseRef c = cases.lockForWork(caseId, by);
        by.requireMayActFor(unitId, "task for unit " + unitId);
        if (c.state() == CaseState.REVIEWED) {
            throw problem(HttpStatus.CONFLICT, "Case closed", "the case is closed (REVIEWED); it takes no new tasks");
        }
        Instant now = clock.instant();
        if (!dueAt.isAfter(now)) {
            throw problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid due time", "dueAt " + dueAt
                    + " is not in the future");
        }
        Task task = new Task(UUID.randomUUID(), caseId, unitId, title, dueAt, by.login(), now, null, null);
        repository.insert(task);
        String summary = "交办任务《" + title + "》给" + unitId + "，" + BEIJING.format(dueAt) + "前办结";
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("taskId", task.id());
        detail.put("unitId", unitId);
        detail.put("title", title);
        detail.put("dueAt", dueAt);
        cases.record(caseId, now, TimelineKind.TASK_ASSIGNED, summary, by.login(), detail);
        ledger.append(caseId, LedgerKind.TASK_ASSIGNED, by.login(), summary, detail);
        return task;
    }

    /**
     * Completes an open task.
     *
     * @throws org.yuqing.security.OutOfScopeException when the case is outside {@code by}'s scope (404)
     * @throws ErrorResponseException 404 when the case has no such task, 409 when it is completed already
     */
    @Transactional
    Task complete(UUID caseId, UUID taskId, Caller by) {
        cases.lockForWork(caseId, by);
        Task task = repository.lock(caseId, taskId).orElseThrow(() -> problem(HttpStatus.NOT_FOUND, null,
                "未找到：对象不存在，或不属于您的单位。"));
        if (!task.isOpen()) {
            ErrorResponseException done = problem(HttpStatus.CONFLICT, "Task completed", "the task was completed at "
                    + task.completedAt() + " by " + task.completedBy());
            done.getBody().setProperty("completedAt", task.completedAt());
            throw done;
        }
        Instant now = clock.instant();
        repository.complete(taskId, by.login(), now);
        boolean onTime = !now.isAfter(task.dueAt());
        String summary = "任务《" + task.title() + "》办结（" + (onTime ? "按时" : "超期") + "）";
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("taskId", taskId);
        detail.put("unitId", task.unitId());
        detail.put("dueAt", task.dueAt());
        detail.put("onTime", onTime);
        cases.record(caseId, now, TimelineKind.TASK_COMPLETED, summary, by.login(), detail);
        ledger.append(caseId, LedgerKind.TASK_COMPLETED, by.login(), summary, detail);
        return new Task(task.id(), caseId, task.unitId(), task.title(), task.dueAt(), task.createdBy(),
                task.createdAt(), by.login(), now);
    }

    /** The time of this service's clock. */
    Instant now() {
        return clock.instant();
    }

    @Override
    public String name() {
        return "tasks";
    }

    /** The case's tasks as the case detail lists them, overdue ones flagged. */
    @Override
    public List<TaskView> of(UUID caseId, Instant now) {
        return repository.ofCase(caseId).stream().map(t -> TaskView.of(t, now)).toList();
    }

    /** Open tasks hold the case open. */
    @Override
    public Optional<String> closingRefusal(UUID caseId) {
        int open = repository.openOf(caseId);
        return open == 0 ? Optional.empty()
                : Optional.of("the case has " + open + " open task(s); complete them before closing it");
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        if (title != null) {
            body.setTitle(title);
        }
        return new ErrorResponseException(status, body, null);
    }

    /**
     * A task as the API shows it.
     *
     * @param status     OPEN or DONE
     * @param statusText 办理中, 已超期 (open and overdue), 按时办结 or 超期办结
     * @param overdue    open and past its due instant now
     */
    record TaskView(UUID id, String unitId, String title, Instant dueAt, String createdBy, Instant createdAt,
                    String completedBy, Instant completedAt, String status, String statusText, boolean overdue) {

        static TaskView of(Task t, Instant now) {
            String text;
            if (t.isOpen()) {
                text = t.isOverdueAt(now) ? "已超期" : "办理中";
            } else {
                text = t.completedAt().isAfter(t.dueAt()) ? "超期办结" : "按时办结";
            }
            return new TaskView(t.id(), t.unitId(), t.title(), t.dueAt(), t.createdBy(), t.createdAt(),
                    t.completedBy(), t.completedAt(), t.isOpen() ? "OPEN" : "DONE", text, t.isOverdueAt(now));
        }
    }
}
