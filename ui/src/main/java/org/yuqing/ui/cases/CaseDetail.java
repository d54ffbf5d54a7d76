package org.yuqing.ui.cases;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * One case as {@code GET /api/casework/cases/{id}} answers it: its header, the moves it may make now, its deadline
 * clocks, its timeline (oldest first) and the sections other casework features add ({@code tasks},
 * {@code attachments}). Instants are UTC on the wire; lists are never {@code null} here.
 *
 * @param id                  case id
 * @param incidentId          the incident it handles (grading knows its grade)
 * @param title               case title
 * @param unitId              the responsible unit (责任单位)
 * @param level               level code, e.g. {@code MAJOR}
 * @param levelName           the service's name of the level, e.g. 重大
 * @param state               state code, e.g. {@code ASSESSING}
 * @param stateName           the service's name of the state
 * @param category            category code, e.g. {@code EMERGENCY}
 * @param categoryName        the service's name of the category
 * @param openedAt            when it was opened
 * @param reportedAt          the first report, {@code null} until then
 * @param firstStatementAt    the first statement, {@code null} until then
 * @param nextStates          the states the case may move to now (guards passed), in workflow order
 * @param overdue             the names of the clocks past due and not met
 * @param clocks              the deadline clocks in the order the plans run them
 * @param timeline            what happened, oldest first
 * @param tasks               tasks given to units (任务交办)
 * @param attachments         files attached, with their SHA-256
 * @param assignees           who works the case (经办人): logins with the unit each acts for
 */
public record CaseDetail(String id, String incidentId, String title, String unitId, String level, String levelName,
                         String state, String stateName, String category, String categoryName, Instant openedAt,
                         Instant reportedAt, Instant firstStatementAt, List<String> nextStates, List<String> overdue,
                         List<Clock> clocks, List<TimelineEntry> timeline, List<Task> tasks,
                         List<Attachment> attachments, List<Assignee> assignees) {

    /** Normalises missing lists to empty ones. */
    public CaseDetail {
        nextStates = nextStates == null ? List.of() : List.copyOf(nextStates);
        overdue = overdue == null ? List.of() : List.copyOf(overdue);
        clocks = clocks == null ? List.of() : List.copyOf(clocks);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        assignees = assignees == null ? List.of() : List.copyOf(assignees);
    }

    /**
     * The units doing work on the case (承办单位): the responsible unit, then the units of its open tasks.
     *
     * @return unit ids, without repeats
     */
    public List<String> workingUnits() {
        return Stream.concat(Stream.of(unitId), tasks.stream().filter(Task::open).map(Task::unitId))
                .filter(Objects::nonNull).distinct().toList();
    }

    /**
     * A deadline clock at the moment of the request.
     *
     * @param name       e.g. {@code REPORT}, {@code WRITTEN_REPORT}, {@code PROGRESS_UPDATE}
     * @param nameText   the service's name of it, e.g. 上报时限
     * @param dueAt      when it is due
     * @param metAt      when it was met, {@code null} while not
     * @param status     {@code RUNNING}, {@code MET}, {@code MISSED} or {@code MET_LATE}
     * @param statusText the service's name of the status
     */
    public record Clock(String name, String nameText, Instant dueAt, Instant metAt, String status,
                        String statusText) {

        /** Whether it still runs (not met), overdue or not. */
        public boolean open() {
            return metAt == null && ("RUNNING".equals(status) || "MISSED".equals(status));
        }
    }

    /**
     * One line of the timeline.
     *
     * @param at      when
     * @param kind    e.g. {@code CASE_OPENED}, {@code REPORTED}, {@code COMMENTED}
     * @param summary what, in Chinese as the service wrote it
     * @param actor   who (a login, or {@code system})
     * @param detail  the structured detail, may be {@code null}
     */
    public record TimelineEntry(Instant at, String kind, String summary, String actor, JsonNode detail) {
    }

    /**
     * A task given to a unit.
     *
     * @param status     {@code OPEN} or {@code DONE}
     * @param statusText the service's words: 办理中, 已超期, 按时办结 or 超期办结
     * @param overdue    open and past its due time
     */
    public record Task(String id, String unitId, String title, Instant dueAt, String createdBy, Instant createdAt,
                       String completedBy, Instant completedAt, String status, String statusText, boolean overdue) {

        /** Whether it is still to be done. */
        public boolean open() {
            return completedAt == null;
        }
    }

    /**
     * A file attached to the case.
     *
     * @param sha256 lower-case hex SHA-256 of the bytes as uploaded
     * @param href   the API path that sends it back (checked against {@code sha256} on every download)
     */
    public record Attachment(String id, String fileName, String contentType, long size, String sha256,
                             String uploadedBy, Instant uploadedAt, String href) {
    }
}
