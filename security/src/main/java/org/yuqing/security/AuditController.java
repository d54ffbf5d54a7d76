package org.yuqing.security;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/<service>/audit?after=&limit=}: this service's audit, oldest first, for administrators: the lines of
 * actors in their unit scope and of callers without a valid token.
 */
@RestController
class AuditController {

    private static final int MAX_LIMIT = 1000;

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/api/${yuqing.security.service}/audit")
    List<AuditEntry> audit(@RequestParam(defaultValue = "0") long after,
                           @RequestParam(defaultValue = "100") int limit, Caller caller) {
        return audit.after(Math.max(0, after), Math.clamp(limit, 1, MAX_LIMIT), caller.unitScope());
    }
}
