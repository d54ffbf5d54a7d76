package org.yuqing.casework.cases;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The case workflow (处置流程) as a state machine: which moves a user may make from each {@link CaseState} and
 * the guard each move must pass, in one place.
 *
 * <pre>
 * DETECTED → ASSESSING → REPORTED → CONSULTING → RESPONDING → TRACKING → SUBSIDED → REVIEWED
 * also: REPORTED → RESPONDING, TRACKING → RESPONDING, SUBSIDED → TRACKING
 * </pre>
 * A report skips straight to RESPONDING when no consultation is needed; a tracked case that flares up goes
 * back to RESPONDING; a subsided one back to TRACKING. Guards: REPORTED needs a report recorded (the
 * report API records it and moves the case itself); REVIEWED needs the post-incident review recorded.
 * Moves outside this table (besides a report and a re-escalation, which move cases themselves) are refused.
 */
final class CaseWorkflow {

    private static final Map<CaseState, Set<CaseState>> MOVES = new EnumMap<>(CaseState.class);

    static {
        MOVES.put(CaseState.DETECTED, EnumSet.of(CaseState.ASSESSING));
        MOVES.put(CaseState.ASSESSING, EnumSet.of(CaseState.REPORTED));
        MOVES.put(CaseState.REPORTED, EnumSet.of(CaseState.CONSULTING, CaseState.RESPONDING));
        MOVES.put(CaseState.CONSULTING, EnumSet.of(CaseState.RESPONDING));
        MOVES.put(CaseState.RESPONDING, EnumSet.of(CaseState.TRACKING));
        MOVES.put(CaseState.TRACKING, EnumSet.of(CaseState.SUBSIDED, CaseState.RESPONDING));
        MOVES.put(CaseState.SUBSIDED, EnumSet.of(CaseState.REVIEWED, CaseState.TRACKING));
        MOVES.put(CaseState.REVIEWED, EnumSet.noneOf(CaseState.class));
    }

    private CaseWorkflow() {
    }

    /** The states the table lets a case move to from {@code from}, in workflow order, guards aside. */
    static List<CaseState> targets(CaseState from) {
        return List.copyOf(MOVES.get(from));
    }

    /** The moves {@code c} may make now: in the table and passing their guards, in workflow order. */
    static List<CaseState> allowed(CaseFile c) {
        return MOVES.get(c.state()).stream().filter(to -> guard(c, to).isEmpty()).toList();
    }

    /**
     * Why {@code c} may not move to {@code to} now, or empty when it may.
     */
    static Optional<String> refusal(CaseFile c, CaseState to) {
        if (!MOVES.get(c.state()).contains(to)) {
            return Optional.of("a case in state " + c.state() + " (" + c.state().chineseName() + ") cannot move to "
                    + to + " (" + to.chineseName() + ")");
        }
        return guard(c, to);
    }

    private static Optional<String> guard(CaseFile c, CaseState to) {
        return switch (to) {
            case REPORTED -> c.reportedAt() == null
                    ? Optional.of("REPORTED needs a report recorded first (POST /api/casework/cases/{id}/reports)")
                    : Optional.empty();
            case REVIEWED -> c.reviewedAt() == null
                    ? Optional.of("REVIEWED needs the post-incident review recorded first (POST /api/casework/cases/{id}/review)")
                    : Optional.empty();
            default -> Optional.empty();
        };
    }
}
