package org.yuqing.monitoring.incidents;

import java.util.UUID;

/**
 * A post's membership in an incident, with the incident's owning unit (who may see it).
 *
 * @param incidentId the incident holding the post
 * @param unitId     the incident's owning unit (属地)
 */
public record Membership(UUID incidentId, String unitId) {
}
