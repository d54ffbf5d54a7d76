package org.yuqing.publishing.statements;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.security.Caller;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The statements API: {@code /api/publishing/statements}. Who acts is the {@link Caller} of the validated token;
 * which roles may call what is in {@code PublishingAccessRules}, and every statement is reachable only by callers
 * who see its case's unit.
 */
@RestController
@RequestMapping("/api/publishing/statements")
class StatementController {

    private final Statements statements;

    StatementController(Statements statements) {
        this.statements = statements;
    }

    @PostMapping
    ResponseEntity<StatementView> draft(@Valid @RequestBody NewStatement request, Caller caller) {
        StatementView view = statements.draft(request.caseId(), request.kind(), request.title(), request.body(),
                caller);
        return ResponseEntity.created(URI.create("/api/publishing/statements/" + view.id())).body(view);
    }

    @PutMapping("/{id}")
    StatementView edit(@PathVariable UUID id, @Valid @RequestBody StatementEdit request, Caller caller) {
        return statements.edit(id, request.title(), request.body(), caller);
    }

    @PostMapping("/{id}/approvals")
    StatementView decide(@PathVariable UUID id, @Valid @RequestBody ApprovalDecision request, Caller caller) {
        return statements.decide(id, request.step(), request.decision(), request.comment(), request.contentHash(),
                caller);
    }

    @PostMapping("/{id}/publish")
    StatementView publish(@PathVariable UUID id, Caller caller) {
        return statements.publish(id, caller);
    }

    /** Re-attempts a FAILED delivery on one channel with the same idempotency key. */
    @PostMapping("/{id}/releases/{channel}/retry")
    StatementView retry(@PathVariable UUID id, @PathVariable String channel, Caller caller) {
        return statements.retry(id, channel, caller);
    }

    /** Records the proof URL of a release made by hand on the manual channel: it becomes DELIVERED. */
    @PostMapping("/{id}/releases/manual/proof")
    StatementView proveManualRelease(@PathVariable UUID id, @Valid @RequestBody ManualProof request, Caller caller) {
        return statements.proveManualRelease(id, request.url(), caller);
    }

    /** Schedules the release of the approved statement (定时发布) at {@code at}; replaces an earlier schedule. */
    @PutMapping("/{id}/schedule")
    StatementView schedule(@PathVariable UUID id, @Valid @RequestBody ReleaseTime request, Caller caller) {
        return statements.schedule(id, request.at(), caller);
    }

    /** Cancels the scheduled release. */
    @DeleteMapping("/{id}/schedule")
    StatementView cancelSchedule(@PathVariable UUID id, Caller caller) {
        return statements.cancelSchedule(id, caller);
    }

    /** Retracts the published statement (撤回), with the reason the public page shows. */
    @PostMapping("/{id}/retract")
    StatementView retract(@PathVariable UUID id, @RequestBody Withdrawal request, Caller caller) {
        return statements.retract(id, request.reason(), caller);
    }

    /** Drafts the correction notice (更正说明) of the published statement; it goes through the approval chain. */
    @PostMapping("/{id}/corrections")
    ResponseEntity<StatementView> correct(@PathVariable UUID id, @RequestBody Correction request, Caller caller) {
        StatementView notice = statements.correct(id, request.title(), request.body(), request.reason(), caller);
        return ResponseEntity.created(URI.create("/api/publishing/statements/" + notice.id())).body(notice);
    }

    /** Every version of the statement's text, oldest first. */
    @GetMapping("/{id}/versions")
    List<VersionView> versions(@PathVariable UUID id, Caller caller) {
        return statements.versions(id, caller);
    }

    /** What changed in the master text from version {@code a} to version {@code b}. */
    @GetMapping("/{id}/versions/{a}/diff/{b}")
    VersionDiff diff(@PathVariable UUID id, @PathVariable int a, @PathVariable int b, Caller caller) {
        return statements.diff(id, a, b, caller);
    }

    /** The master text and each channel's rendition of it, side by side. */
    @GetMapping("/{id}/renditions")
    RenditionsView renditions(@PathVariable UUID id, Caller caller) {
        return statements.renditions(id, caller);
    }

    @GetMapping("/{id}")
    StatementView get(@PathVariable UUID id, Caller caller) {
        return statements.view(id, caller);
    }

    @GetMapping
    List<StatementSummary> list(@RequestParam(required = false) UUID caseId, Caller caller) {
        return statements.list(caseId, caller);
    }

    /** Body of {@code POST /api/publishing/statements}; title and body are checked by {@link StatementText}. */
    record NewStatement(@NotNull UUID caseId, @NotNull StatementKind kind, String title, String body) {
    }

    /** Body of {@code PUT /api/publishing/statements/{id}}. */
    record StatementEdit(String title, String body) {
    }

    /** Body of {@code POST /api/publishing/statements/{id}/releases/manual/proof}: where the release can be seen. */
    record ManualProof(String url) {
    }

    /** Body of {@code PUT …/statements/{id}/schedule}: when to release (ISO-8601 instant, in the future). */
    record ReleaseTime(@NotNull Instant at) {
    }

    /** Body of {@code POST …/statements/{id}/retract}: why (shown on the public page). */
    record Withdrawal(String reason) {
    }

    /** Body of {@code POST …/statements/{id}/corrections}: the notice's text and what was wrong. */
    record Correction(String title, String body, String reason) {
    }

    /**
     * Body of {@code POST /api/publishing/statements/{id}/approvals}; a REJECT needs a comment. {@code contentHash},
     * when given, is the hash of the text the approver read: a decision on a text that has changed since is refused
     * (409 {@code content-changed}).
     */
    record ApprovalDecision(@NotNull ApprovalStep step, @NotNull Decision decision, String comment,
                            String contentHash) {
    }
}
