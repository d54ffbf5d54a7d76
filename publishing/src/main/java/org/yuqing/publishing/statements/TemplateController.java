package org.yuqing.publishing.statements;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The drafting templates, one per statement kind: {@code GET /api/publishing/templates}. They belong to no unit.
 */
@RestController
class TemplateController {

    @GetMapping("/api/publishing/templates")
    List<StatementTemplate> templates() {
        return StatementTemplate.all();
    }
}
