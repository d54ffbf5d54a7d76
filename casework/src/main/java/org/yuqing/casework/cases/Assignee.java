package org.yuqing.casework.cases;

import java.util.Objects;

/**
 * A person who works a case (经办人): their login and the unit they act for on it.
 *
 * @param login  the person's login
 * @param unitId the unit they act for; within the scope of whoever assigned them
 */
public record Assignee(String login, String unitId) {

    public Assignee {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(unitId, "unitId");
    }
}
