package org.yuqing.grading.plans;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.grading.plans.PlanDocuments.Format;
import org.yuqing.security.AuditTrail;

import java.net.URI;
import java.util.List;

/**
 * The stored plans over HTTP. Reads, for every person whatever their unit (plans are shared): {@code GET
 * /api/grading/plans}, {@code GET …/{id}} (latest version), {@code GET …/{id}/versions/{version}}, in the stored
 * JSON form, {@code GET …/{id}/versions} (the version history, newest first) and
 * {@code GET …/{id}/versions/{version}/export?format=json|yaml} (a download, audited as EXPORT).
 * Changes, for administrators (access rules), audited as PLAN_CHANGE: {@code POST /api/grading/plans} (a new plan
 * from a document, 201), {@code PUT …/{id}} (the document as the next version), {@code DELETE …/{id}} (only a plan
 * never used, else 409) and {@code POST …/import} (a JSON or YAML document by its Content-Type: creates, or stores
 * the next version, or nothing when it equals the latest). {@code POST …/validate?planId=} checks a document (JSON
 * or YAML by its Content-Type) exactly as saving would, and stores nothing: 200 with what saving would do, or the 422
 * a save would answer; with {@code planId} the document must name that plan. Documents are checked whole: 422 lists every error with
 * its JSON-pointer path; documents over {@value #MAX_DOCUMENT_CHARS} characters answer 413.
 */
@RestController
@RequestMapping("/api/grading/plans")
class PlansController {

    /** The largest plan document accepted; the five presets are 3–8 KB. */
    static final int MAX_DOCUMENT_CHARS = 256 * 1024;

    private final PlanRepository plans;
    private final PlanEditor editor;
    private final AuditTrail audit;

    PlansController(PlanRepository plans, PlanEditor editor, AuditTrail audit) {
        this.plans = plans;
        this.editor = editor;
        this.audit = audit;
    }

    @GetMapping
    List<PlanSummary> list() {
        return plans.latestOfEach();
    }

    @GetMapping("/{id}")
    ResponseEntity<String> latest(@PathVariable String id) {
        Plan plan = plans.latest(id).orElseThrow(() -> new UnknownPlanException(id));
        return json(HttpStatus.OK, plan);
    }

    @GetMapping("/{id}/versions")
    List<PlanVersionSummary> versions(@PathVariable String id) {
        List<PlanVersionSummary> versions = plans.versions(id);
        if (versions.isEmpty()) {
            throw new UnknownPlanException(id);
        }
        return versions;
    }

    @GetMapping("/{id}/versions/{version}")
    ResponseEntity<String> version(@PathVariable String id, @PathVariable int version) {
        return json(HttpStatus.OK, stored(id, version));
    }

    @GetMapping("/{id}/versions/{version}/export")
    ResponseEntity<String> export(@PathVariable String id, @PathVariable int version,
                                  @RequestParam(defaultValue = "json") String format) {
        Format chosen = Format.named(format);
        Plan plan = stored(id, version);
        String document = PlanDocuments.write(plan, chosen);
        audit.done(AuditTrail.EXPORT, "plan " + id, "version " + version + " as " + chosen.extension());
        String file = id + "-v" + version + "." + chosen.extension();
        return ResponseEntity.ok()
                .contentType(new MediaType(chosen.mediaType(), java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build()
                        .toString())
                .body(document);
    }

    @PostMapping
    ResponseEntity<String> create(HttpEntity<String> request) {
        Plan stored = editor.create(document(request, null));
        return ResponseEntity.created(URI.create("/api/grading/plans/" + stored.id()))
                .contentType(MediaType.APPLICATION_JSON).body(PlanJson.write(stored));
    }

    @PutMapping("/{id}")
    ResponseEntity<String> update(@PathVariable String id, HttpEntity<String> request) {
        return json(HttpStatus.OK, editor.update(id, document(request, id)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        editor.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/validate")
    Validation validate(HttpEntity<String> request, @RequestParam(required = false) String planId) {
        Plan plan = document(request, planId);
        if (planId != null && !plan.id().equals(planId)) {
            throw InvalidPlanException.ofDocument(plan.id(), List.of(new PlanError("/id", "ID_MISMATCH",
                    "文档中的预案编号 " + plan.id() + " 与所编辑的 " + planId + " 不一致")));
        }
        int latest = plans.latest(plan.id()).map(Plan::version).orElse(0);
        return new Validation(true, plan.id(), plan.name(), plan.levels().size(), latest > 0, latest + 1);
    }

    /**
     * A document that passed every check ({@code POST …/validate}).
     *
     * @param valid       always {@code true} (an invalid document answers 422)
     * @param planId      the plan the document names
     * @param name        its name
     * @param levels      how many levels it has
     * @param exists      whether a plan of that id is stored (saving makes a new version of it)
     * @param nextVersion the version number saving would store it as now
     */
    record Validation(boolean valid, String planId, String name, int levels, boolean exists, int nextVersion) {
    }

    @PostMapping("/import")
    ResponseEntity<String> importPlan(HttpEntity<String> request) {
        Format format = Format.of(request.getHeaders().getContentType());
        PlanEditor.Imported imported = editor.importPlan(document(request, null), format.extension());
        if (imported.outcome() == PlanEditor.ImportOutcome.CREATED) {
            return ResponseEntity.created(URI.create("/api/grading/plans/" + imported.plan().id()))
                    .header("Yuqing-Import-Outcome", imported.outcome().name())
                    .contentType(MediaType.APPLICATION_JSON).body(PlanJson.write(imported.plan()));
        }
        return ResponseEntity.ok().header("Yuqing-Import-Outcome", imported.outcome().name())
                .contentType(MediaType.APPLICATION_JSON).body(PlanJson.write(imported.plan()));
    }

    private Plan stored(String id, int version) {
        return plans.version(id, version).orElseThrow(() -> new UnknownPlanException(id, version));
    }

    private static Plan document(HttpEntity<String> request, String idWhenMissing) {
        String body = request.getBody();
        if (body == null || body.isBlank()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "请求体须为预案文档");
            problem.setTitle("缺少预案文档");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        if (body.length() > MAX_DOCUMENT_CHARS) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "预案文档超过 " + MAX_DOCUMENT_CHARS + " 个字符");
            problem.setTitle("文档过大");
            throw new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, problem, null);
        }
        return PlanDocuments.read(body, Format.of(request.getHeaders().getContentType()), idWhenMissing);
    }

    private static ResponseEntity<String> json(HttpStatus status, Plan plan) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(PlanJson.write(plan));
    }
}
