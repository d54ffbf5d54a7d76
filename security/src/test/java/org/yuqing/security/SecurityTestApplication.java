package org.yuqing.security;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service with one unit-owned object family and role rules, as the real services have. */
@SpringBootApplication
class SecurityTestApplication {

    /** Reports: everybody reads (within their units), only leaders sign. */
    @Bean
    AccessRules demoRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/demo/reports/**").authenticated()
                .requestMatchers(HttpMethod.POST, "/api/demo/reports/*/sign").hasRole(Role.LEADER.name())
                .requestMatchers(HttpMethod.POST, "/api/demo/reports").authenticated();
    }

    @RestController
    static class Reports {

        private final AuditTrail audit;

        Reports(AuditTrail audit) {
            this.audit = audit;
        }

        @GetMapping("/api/demo/reports/{unit}")
        Map<String, Object> read(@PathVariable String unit, Caller caller) {
            caller.requireSees(unit, "report of " + unit);
            return Map.of("unit", unit, "reader", caller.login(), "scope", caller.unitScope());
        }

        @PostMapping("/api/demo/reports/{unit}/sign")
        Map<String, Object> sign(@PathVariable String unit, Caller caller) {
            caller.requireSees(unit, "report of " + unit);
            audit.done(AuditTrail.APPROVAL, "report of " + unit, "signed");
            return Map.of("signedBy", Caller.current().login());
        }

        @PostMapping("/api/demo/reports")
        Map<String, Object> create(@org.springframework.web.bind.annotation.RequestParam String unit, Caller caller) {
            caller.requireMayActFor(unit, "report for unit " + unit);
            return Map.of("unit", unit);
        }

        @GetMapping("/api/demo/unlisted")
        String unlisted() {
            return "nobody may see this";
        }
    }
}
