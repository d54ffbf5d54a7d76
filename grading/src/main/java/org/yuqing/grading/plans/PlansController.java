package org.yuqing.grading.plans;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Read access to the stored plans: {@code GET /api/grading/plans}, {@code GET /api/grading/plans/{id}}
 * (latest version) and {@code GET /api/grading/plans/{id}/versions/{version}}, in the stored JSON form. Plans are
 * shared presets, readable by every person whatever their unit.
 */
@RestController
@RequestMapping("/api/grading/plans")
class PlansController {

    private final PlanRepository plans;

    PlansController(PlanRepository plans) {
        this.plans = plans;
    }

    @GetMapping
    List<PlanSummary> list() {
        return plans.latestOfEach();
    }

    @GetMapping("/{id}")
    ResponseEntity<String> latest(@PathVariable String id) {
        Plan plan = plans.latest(id).orElseThrow(() -> new UnknownPlanException(id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(PlanJson.write(plan));
    }

    @GetMapping("/{id}/versions/{version}")
    ResponseEntity<String> version(@PathVariable String id, @PathVariable int version) {
        Plan plan = plans.version(id, version).orElseThrow(() -> new UnknownPlanException(id, version));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(PlanJson.write(plan));
    }
}
