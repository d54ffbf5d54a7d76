package org.yuqing.domain.events;

import org.yuqing.domain.Category;
import org.yuqing.domain.Level;
import org.yuqing.domain.ResponseTerms;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Grading set or changed the level or category of an incident.
 *
 * @param incidentId    the incident
 * @param unitId        its owning unit
 * @param title         its title
 * @param level         the level now
 * @param previousLevel the level before, or {@code null} on the first grade
 * @param category      the category now
 * @param reasons       why, one line per condition that fired, naming the plan section and numbers
 * @param planId        the plan used
 * @param planVersion   the version of that plan
 * @param escalation    whether the level rose
 * @param terms         what the plan requires at this level (deadlines, approvals)
 */
public record IncidentGraded(
        UUID eventId,
        Instant occurredAt,
        UUID incidentId,
        String unitId,
        String title,
        Level level,
        Level previousLevel,
        Category category,
        List<String> reasons,
        String planId,
        int planVersion,
        boolean escalation,
        ResponseTerms terms) implements IntegrationEvent {

    public IncidentGraded {
        reasons = List.copyOf(reasons);
    }

    @Override
    public String aggregateId() {
        return incidentId.toString();
    }
}
