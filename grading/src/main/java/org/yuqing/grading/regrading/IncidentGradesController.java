package org.yuqing.grading.regrading;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** {@code GET /api/grading/incidents/{incidentId}}: an incident's grade, reasons and history. */
@RestController
class IncidentGradesController {

    private final IncidentGrades grades;

    IncidentGradesController(IncidentGrades grades) {
        this.grades = grades;
    }

    @GetMapping("/api/grading/incidents/{incidentId}")
    IncidentGradeView incident(@PathVariable UUID incidentId) {
        return grades.view(incidentId).orElseThrow(() -> new UnknownIncidentException(incidentId));
    }
}
