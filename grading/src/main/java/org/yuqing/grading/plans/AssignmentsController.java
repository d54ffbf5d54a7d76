package org.yuqing.grading.plans;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.security.Caller;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plan assignments over HTTP (预案指派): {@code PUT /api/grading/assignments/{unitId}} with
 * {@code {planId, topicOverrides: {topicId: planId}}} replaces the unit's assignment (administrators; the unit must
 * be in the caller's scope, else 403; unknown plans 422; audited PLAN_CHANGE); {@code GET /api/grading/assignments}
 * lists the assignments of the units in the caller's scope. See {@link PlanAssignments} for how a plan is chosen.
 */
@RestController
class AssignmentsController {

    private final PlanAssignments assignments;

    AssignmentsController(PlanAssignments assignments) {
        this.assignments = assignments;
    }

    @GetMapping("/api/grading/assignments")
    List<PlanAssignment> list(Caller caller) {
        return assignments.of(caller.unitScope());
    }

    @PutMapping("/api/grading/assignments/{unitId}")
    PlanAssignment assign(@PathVariable String unitId, @RequestBody AssignmentRequest body, Caller caller) {
        caller.requireMayActFor(unitId, "plan assignment of unit " + unitId);
        return assignments.replace(unitId, body.planId(), body.topicOverrides());
    }

    /**
     * A unit's assignment.
     *
     * @param planId         the unit's plan; {@code null} for the default plan
     * @param topicOverrides plans of single topics of the unit, by topic id; may be absent
     */
    record AssignmentRequest(String planId, Map<UUID, String> topicOverrides) {
    }
}
