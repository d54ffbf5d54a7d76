package org.yuqing.monitoring.incidents;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.monitoring.web.InvalidRequestException;
import org.yuqing.monitoring.web.NotFoundException;
import org.yuqing.security.Caller;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** HTTP API of incidents under {@code /api/monitoring/incidents}, scoped to the caller's units. */
@RestController
@RequestMapping("/api/monitoring/incidents")
class IncidentController {

    static final int MAX_LIMIT = 500;

    private final Incidents incidents;

    IncidentController(Incidents incidents) {
        this.incidents = incidents;
    }

    @GetMapping
    List<IncidentView> newest(Caller caller,
                              @RequestParam(required = false) String unitId,
                              @RequestParam(required = false) String topicId,
                              @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException(Map.of("limit", "must be between 1 and " + MAX_LIMIT));
        }
        UUID topic = null;
        if (topicId != null) {
            try {
                topic = UUID.fromString(topicId);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(Map.of("topicId", "is not a UUID"));
            }
        }
        return incidents.newest(caller, unitId, topic, limit);
    }

    @GetMapping("/{id}")
    IncidentView one(@PathVariable String id, Caller caller) {
        return incidents.get(NotFoundException.parseId("incident", id), caller);
    }
}
