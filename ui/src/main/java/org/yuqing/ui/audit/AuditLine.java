package org.yuqing.ui.audit;

import java.util.Locale;

/**
 * An audit line together with the source it came from, as the audit view lists it.
 *
 * @param source where it was recorded
 * @param record the line
 */
record AuditLine(AuditSource source, AuditRecord record) {

    /**
     * Whether the line passes the view's filters.
     *
     * @param action the action to show, {@code null} or blank for every action
     * @param actor  part of the actor's login to look for (any case), {@code null} or blank for every actor
     * @return {@code true} when both filters let it through
     */
    boolean matches(String action, String actor) {
        boolean actionMatches = action == null || action.isBlank() || action.equals(record.action());
        boolean actorMatches = actor == null || actor.isBlank() || (record.actor() != null
                && record.actor().toLowerCase(Locale.ROOT).contains(actor.strip().toLowerCase(Locale.ROOT)));
        return actionMatches && actorMatches;
    }
}
