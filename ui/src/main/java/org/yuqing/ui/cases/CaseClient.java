package org.yuqing.ui.cases;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yuqing.ui.gateway.GatewayApi;
import org.yuqing.ui.gateway.GatewayCallException;

/**
 * Casework (and the grade of a case's incident) read and worked on through the gateway as the current user. Every
 * method throws {@link GatewayCallException} when the gateway or the service refuses or fails; a refusal carries
 * the service's problem detail.
 */
@Component
class CaseClient {

    private final GatewayApi api;

    CaseClient(GatewayApi api) {
        this.api = api;
    }

    /** The cases the user may see, in the service's order. */
    List<CaseSummary> cases() {
        return api.getList("/api/casework/cases", CaseSummary.class);
    }

    /** One case with its clocks, timeline, tasks and attachments. */
    CaseDetail detail(String caseId) {
        return api.get("/api/casework/cases/" + segment(caseId), Map.of(), CaseDetail.class);
    }

    /** The grade of the case's incident, from grading. */
    IncidentGrade grade(String incidentId) {
        return api.get("/api/grading/incidents/" + segment(incidentId), Map.of(), IncidentGrade.class);
    }

    /** Moves the case to {@code to} (a state code), with a note or {@code null}. */
    void transition(String caseId, String to, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to);
        body.put("note", note);
        api.post("/api/casework/cases/{id}/transitions", body, caseId);
    }

    /** Records a report to leadership made now: {@code kind} PHONE, WRITTEN or SPECIAL. */
    void report(String caseId, String kind, List<String> recipients) {
        api.post("/api/casework/cases/{id}/reports", Map.of("kind", kind, "to", recipients), caseId);
    }

    /** Adds a comment (批注). */
    void comment(String caseId, String text) {
        api.post("/api/casework/cases/{id}/comments", Map.of("text", text), caseId);
    }

    /** Gives a task to a unit, due at {@code dueAt}. */
    void assignTask(String caseId, String unitId, String title, Instant dueAt) {
        api.post("/api/casework/cases/{id}/tasks", Map.of("unitId", unitId, "title", title,
                "dueAt", dueAt.toString()), caseId);
    }

    /** Completes a task. */
    void completeTask(String caseId, String taskId) {
        api.post("/api/casework/cases/{id}/tasks/{taskId}/complete", Map.of(), caseId, taskId);
    }

    /**
     * The bytes of an attachment as the service sends them back (it refuses bytes that no longer match the
     * checksum recorded at upload).
     *
     * @param href the attachment's API path, as the case lists it
     */
    CaseDetail.Attachment upload(String caseId, String fileName, String contentType, byte[] content) {
        return api.postFile("/api/casework/cases/{id}/attachments", "file", fileName, contentType, content,
                CaseDetail.Attachment.class, segment(caseId));
    }

    byte[] attachment(String href) {
        return api.get(href, Map.of(), byte[].class);
    }

    /** Replaces who works the case (指派经办人); an empty list unassigns everyone. */
    void assign(String caseId, List<Assignee> assignees) {
        api.put("/api/casework/cases/{id}/assignees", Map.of("assignees", assignees), segment(caseId));
    }

    /**
     * The user's deadlines, soonest first: of the cases assigned to them, and with {@code ofMyUnits} also of the cases
     * of their units.
     */
    List<MyDeadline> myDeadlines(boolean ofMyUnits) {
        return api.getList("/api/casework/deadlines/mine", Map.of("units", ofMyUnits), MyDeadline.class);
    }

    /** The heat of the case's incident over time, oldest first. */
    HeatSeries heat(String caseId) {
        return api.get("/api/casework/cases/" + segment(caseId) + "/heat", Map.of(), HeatSeries.class);
    }

    /** Walks the whole accountability ledger. */
    LedgerCheck verifyLedger() {
        return api.get("/api/casework/ledger/verify", Map.of(), LedgerCheck.class);
    }

    /** The case's ledger entries, oldest first. */
    List<LedgerCheck.Entry> ledger(String caseId) {
        return api.getList("/api/casework/cases/" + segment(caseId) + "/ledger", LedgerCheck.Entry.class);
    }

    /** The user's inbox, newest first. */
    List<InboxNotice> inbox() {
        return api.getList("/api/casework/notifications", Map.of("limit", 100), InboxNotice.class);
    }

    /** Marks a notice read by the user. */
    void markRead(long noticeId) {
        api.post("/api/casework/notifications/{id}/read", Map.of(), noticeId);
    }

    /** Per unit in the user's scope: reports on time, late (迟报), missed (漏报) and concealed (瞒报) in [from, to). */
    UnitAccountability accountability(Instant from, Instant to) {
        return api.get("/api/casework/accountability/units", Map.of("from", from.toString(), "to", to.toString()),
                UnitAccountability.class);
    }

    /**
     * Ids are UUIDs: anything else never reaches a path.
     *
     * @throws IllegalArgumentException when {@code id} is not a UUID
     */
    static String segment(String id) {
        return java.util.UUID.fromString(id).toString();
    }
}
