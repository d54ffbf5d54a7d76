package org.yuqing.casework.cases;

import java.util.UUID;

/**
 * A case as other casework features see it when they work on it.
 *
 * @param id     the case
 * @param unitId its owning unit (属地)
 * @param title  its title
 * @param state  where it stands in the workflow
 */
public record CaseRef(UUID id, String unitId, String title, CaseState state) {

    static CaseRef of(CaseFile c) {
        return new CaseRef(c.id(), c.unitId(), c.title(), c.state());
    }
}
