package org.yuqing.ui.statements;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yuqing.ui.gateway.GatewayApi;
import org.yuqing.ui.gateway.GatewayCallException;

/**
 * The publishing API ({@code /api/publishing/...}) and the case list, through the gateway as the current user. Every
 * method throws {@link GatewayCallException} when the gateway or the service refuses or fails; a refusal carries the
 * service's explanation (e.g. the 409 detail of a release that lacks approvals).
 */
@Component
public class PublishingClient {

    private static final String STATEMENTS = "/api/publishing/statements";
    private static final String STATEMENT = STATEMENTS + "/{id}";

    private static final java.util.regex.Pattern ID =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final GatewayApi api;

    PublishingClient(GatewayApi api) {
        this.api = api;
    }

    /**
     * @return the cases the user may see (casework's order: newest first)
     */
    public List<CaseChoice> cases() {
        return api.getList("/api/casework/cases", CaseChoice.class);
    }

    /**
     * @param caseId a case, {@code null} for the newest statements of every case in the user's units
     * @return the statements, newest first
     */
    public List<StatementSummary> statements(String caseId) {
        return caseId == null ? api.getList(STATEMENTS, StatementSummary.class)
                : api.getList(STATEMENTS, Map.of("caseId", caseId), StatementSummary.class);
    }

    /**
     * @param id a statement
     * @return the statement with its approvals and releases
     */
    public Statement statement(String id) {
        return api.get(STATEMENTS + "/" + segment(id), Map.of(), Statement.class);
    }

    /**
     * @param id a statement
     * @return its versions, oldest first
     */
    public List<StatementVersion> versions(String id) {
        return api.getList(STATEMENTS + "/" + segment(id) + "/versions", StatementVersion.class);
    }

    /**
     * @param id   a statement
     * @param from the older version
     * @param to   the newer version
     * @return what changed
     */
    public VersionDiff diff(String id, int from, int to) {
        return api.get(STATEMENTS + "/" + segment(id) + "/versions/" + from + "/diff/" + to, Map.of(),
                VersionDiff.class);
    }

    /**
     * @param id a statement
     * @return its master text and every channel's rendition, with the hash approvals bind
     */
    public StatementRenditions renditions(String id) {
        return api.get(STATEMENTS + "/" + segment(id) + "/renditions", Map.of(), StatementRenditions.class);
    }

    /**
     * @return one drafting template per kind, in the service's order
     */
    public List<StatementTemplate> templates() {
        return api.getList("/api/publishing/templates", StatementTemplate.class);
    }

    /**
     * Drafts a statement; the API answers 201 with it.
     *
     * @param caseId the case
     * @param kind   kind code
     * @param title  title
     * @param body   master text
     * @return the new statement's id
     */
    public Optional<String> draft(String caseId, String kind, String title, String body) {
        return Optional.ofNullable(api.postFor(STATEMENTS, new NewStatement(caseId, kind, title, body),
                StatementSummary.class).id());
    }

    /**
     * Saves a new text (a new version when it changed; every approval of the earlier text is void then).
     *
     * @param id    a statement
     * @param title title
     * @param body  master text
     */
    public void edit(String id, String title, String body) {
        api.put(STATEMENT, new StatementEdit(title, body), id);
    }

    /**
     * Records a leader's decision on the statement's next step.
     *
     * @param id       a statement
     * @param step     the step decided, e.g. {@code UNIT_HEAD}
     * @param decision {@code APPROVE} or {@code REJECT}
     * @param comment  the comment (required for a rejection)
     * @param shownHash the content hash of the text the leader was shown; the service refuses the decision (409)
     *                  when the text has changed since
     */
    public void decide(String id, String step, String decision, String comment, String shownHash) {
        api.post(STATEMENT + "/approvals", new ApprovalDecision(step, decision, comment, shownHash), id);
    }

    /**
     * Releases the statement on every enabled channel (409 when approvals are missing).
     *
     * @param id a statement
     */
    public void publish(String id) {
        api.post(STATEMENT + "/publish", null, id);
    }

    /**
     * Re-queues a failed delivery.
     *
     * @param id      a statement
     * @param channel the channel
     */
    public void retry(String id, String channel) {
        api.post(STATEMENT + "/releases/{channel}/retry", null, id, channel);
    }

    /**
     * Records where the statement was released by hand.
     *
     * @param id  a statement
     * @param url the proof URL
     */
    public void proveManualRelease(String id, String url) {
        api.post(STATEMENT + "/releases/manual/proof", new ManualProof(url), id);
    }

    /**
     * Schedules the release of the approved statement (定时发布); replaces an earlier schedule.
     *
     * @param id a statement
     * @param at when to release (in the future)
     */
    public void schedule(String id, java.time.Instant at) {
        api.put(STATEMENT + "/schedule", new ReleaseTime(at), id);
    }

    /**
     * Cancels the scheduled release (409 when none is scheduled).
     *
     * @param id a statement
     */
    public void cancelSchedule(String id) {
        api.delete(STATEMENT + "/schedule", id);
    }

    /**
     * Retracts the published statement (撤回); the public page shows the reason.
     *
     * @param id     a published statement
     * @param reason why
     */
    public void retract(String id, String reason) {
        api.post(STATEMENT + "/retract", new Withdrawal(reason), id);
    }

    /**
     * Drafts the correction notice (更正说明) of a published statement; the API answers 201 with the notice.
     *
     * @param statement a published statement
     * @param title     the notice's title
     * @param body      its text
     * @param reason    what was wrong
     * @return the notice's id
     */
    public Optional<String> correct(Statement statement, String title, String body, String reason) {
        return Optional.ofNullable(api.postFor(STATEMENT + "/corrections", new Correction(title, body, reason),
                StatementSummary.class, statement.id()).id());
    }

    /**
     * Whether a text can be a statement id (a UUID): the views check route parameters with it before calling.
     *
     * @param id a text
     * @return {@code true} when it is a UUID
     */
    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    private static String segment(String id) {
        // ids are UUIDs; anything else must not turn into another path
        if (!isId(id)) {
            throw new IllegalArgumentException("not a statement id: " + id);
        }
        return id;
    }

    /** Body of {@code POST /api/publishing/statements}. */
    record NewStatement(String caseId, String kind, String title, String body) {
    }

    /** Body of {@code PUT /api/publishing/statements/{id}}. */
    record StatementEdit(String title, String body) {
    }

    /** Body of {@code POST …/statements/{id}/approvals}. */
    record ApprovalDecision(String step, String decision, String comment, String contentHash) {
    }

    /** Body of {@code PUT …/statements/{id}/schedule}. */
    record ReleaseTime(java.time.Instant at) {
    }

    /** Body of {@code POST …/statements/{id}/retract}. */
    record Withdrawal(String reason) {
    }

    /** Body of {@code POST …/statements/{id}/corrections}. */
    record Correction(String title, String body, String reason) {
    }

    /** Body of {@code POST …/statements/{id}/releases/manual/proof}. */
    record ManualProof(String url) {
    }
}
