package org.yuqing.grading.regrading;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.domain.Category;
import org.yuqing.domain.Level;
import org.yuqing.security.Caller;

import java.util.List;
import java.util.UUID;

/**
 * An incident's grade over HTTP: {@code GET /api/grading/incidents/{incidentId}} (grade in force,
 * computed grade, override, history), {@code POST …/override} with {@code {level?, category?, reason}}
 * and {@code DELETE …/override} with {@code {reason}} (or {@code ?reason=}, for clients that send no body with a
 * DELETE); the analyst is the caller of the token. An incident of a unit outside the caller's scope answers 404, like
 * an unknown one (属地管理). {@code GET /api/grading/incidents?limit=} lists the incidents of the caller's unit scope
 * by their latest grade change, newest first ({@link RecentGrade}; default {@value #DEFAULT_LIMIT}, at most
 * {@value #MAX_LIMIT}).
 */
@RestController
class IncidentGradesController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final IncidentGrades grades;
    private final GradeOverrides overrides;

    IncidentGradesController(IncidentGrades grades, GradeOverrides overrides) {
        this.grades = grades;
        this.overrides = overrides;
    }

    @GetMapping("/api/grading/incidents")
    List<RecentGrade> recent(@RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit,
                             Caller caller) {
        return grades.recent(caller.unitScope(), limit);
    }

    @GetMapping("/api/grading/incidents/{incidentId}")
    IncidentGradeView incident(@PathVariable UUID incidentId, Caller caller) {
        IncidentGradeView view = grades.view(incidentId).orElseThrow(() -> new UnknownIncidentException(incidentId));
        caller.requireSees(view.unitId(), "incident " + incidentId);
        return view;
    }

    @PostMapping("/api/grading/incidents/{incidentId}/override")
    IncidentGradeView override(@PathVariable UUID incidentId, @RequestBody OverrideRequest body, Caller caller) {
        overrides.override(incidentId, body.level(), body.category(), body.reason(), caller);
        return incident(incidentId, caller);
    }

    @DeleteMapping("/api/grading/incidents/{incidentId}/override")
    IncidentGradeView clear(@PathVariable UUID incidentId, @RequestBody(required = false) ClearRequest body,
                            @RequestParam(name = "reason", required = false) String reasonParameter, Caller caller) {
        String reason = body != null && body.reason() != null ? body.reason() : reasonParameter;
        overrides.clear(incidentId, reason, caller);
        return incident(incidentId, caller);
    }

    /**
     * The analyst's decision.
     *
     * @param level    the level to put in force, or {@code null} to leave it
     * @param category the category to put in force (confirming the classifier's, or another), or {@code null}
     * @param reason   why; required, not blank
     */
    record OverrideRequest(Level level, Category category, String reason) {
    }

    /** Why the override ends; required, not blank. */
    record ClearRequest(String reason) {
    }
}
