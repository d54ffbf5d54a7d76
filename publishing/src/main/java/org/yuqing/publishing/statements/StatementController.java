package org.yuqing.publishing.statements;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.domain.ApprovalStep;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The statements API: {@code /api/publishing/statements}. Who acts is read from the
 * {@code X-Yuqing-User} header the gateway sets ({@code system} when absent).
 */
@RestController
@RequestMapping("/api/publishing/statements")
class StatementController {

    static final String USER_HEADER = "X-Yuqing-User";

    private final Statements statements;

    StatementController(Statements statements) {
        this.statements = statements;
    }

    @PostMapping
    ResponseEntity<StatementView> draft(@Valid @RequestBody NewStatement request,
                                        @RequestHeader(name = USER_HEADER, required = false) String user) {
        StatementView view = statements.draft(request.caseId(), request.kind(), request.title(), request.body(),
                actor(user));
        return ResponseEntity.created(URI.create("/api/publishing/statements/" + view.id())).body(view);
    }

    @PutMapping("/{id}")
    StatementView edit(@PathVariable UUID id, @Valid @RequestBody StatementEdit request) {
        return statements.edit(id, request.title(), request.body());
    }

    @PostMapping("/{id}/approvals")
    StatementView decide(@PathVariable UUID id, @Valid @RequestBody ApprovalDecision request,
                         @RequestHeader(name = USER_HEADER, required = false) String user) {
        return statements.decide(id, request.step(), request.decision(), request.comment(), actor(user));
    }

    @PostMapping("/{id}/publish")
    StatementView publish(@PathVariable UUID id, @RequestHeader(name = USER_HEADER, required = false) String user) {
        return statements.publish(id, actor(user));
    }

    /** Re-attempts a FAILED delivery on one channel with the same idempotency key. */
    @PostMapping("/{id}/releases/{channel}/retry")
    StatementView retry(@PathVariable UUID id, @PathVariable String channel,
                        @RequestHeader(name = USER_HEADER, required = false) String user) {
        return statements.retry(id, channel, actor(user));
    }

    @GetMapping("/{id}")
    StatementView get(@PathVariable UUID id) {
        return statements.view(id);
    }

    @GetMapping
    List<StatementSummary> list(@RequestParam(required = false) UUID caseId) {
        return statements.list(caseId);
    }

    private static String actor(String header) {
        return header == null || header.isBlank() ? "system" : header.strip();
    }

    /** Body of {@code POST /api/publishing/statements}; title and body are checked by {@link StatementText}. */
    record NewStatement(@NotNull UUID caseId, @NotNull StatementKind kind, String title, String body) {
    }

    /** Body of {@code PUT /api/publishing/statements/{id}}. */
    record StatementEdit(String title, String body) {
    }

    /** Body of {@code POST /api/publishing/statements/{id}/approvals}; a REJECT needs a comment. */
    record ApprovalDecision(@NotNull ApprovalStep step, @NotNull Decision decision, String comment) {
    }
}
