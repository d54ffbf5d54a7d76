package org.yuqing.ui.cases;

/**
 * A person who works a case (经办人), as casework lists them: their login and the unit they act for.
 *
 * @param login  the person's login
 * @param unitId the unit they act for
 */
public record Assignee(String login, String unitId) {
}
