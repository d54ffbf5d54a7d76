package org.yuqing.publishing.statements;

import org.yuqing.domain.ApprovalStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The approvals a statement needs (the case's steps, in order) against those it has. Only an
 * APPROVE bound to the current text counts: editing the text voids every earlier approval.
 *
 * @param required    the steps the case requires, in order
 * @param approvals   every decision recorded on the statement, oldest first
 * @param contentHash the hash of the statement's current text
 */
record ApprovalChain(List<ApprovalStep> required, List<ApprovalRow> approvals, String contentHash) {

    ApprovalChain {
        required = List.copyOf(required);
        approvals = List.copyOf(approvals);
    }

    /** The approvals that count, one per required step that has one, in the required order. */
    List<ApprovalRow> counted() {
        List<ApprovalRow> counted = new ArrayList<>();
        for (ApprovalStep step : required) {
            approvals.stream()
                    .filter(a -> a.step() == step && a.decision() == Decision.APPROVE
                            && a.contentHash().equals(contentHash))
                    .findFirst()
                    .ifPresent(counted::add);
        }
        return counted;
    }

    /** Whether the decision counts for the current text. */
    boolean counts(ApprovalRow approval) {
        return counted().stream().anyMatch(a -> a.id() == approval.id());
    }

    /** The required steps still without an approval of the current text, in order. */
    List<ApprovalStep> missing() {
        List<ApprovalStep> approved = counted().stream().map(ApprovalRow::step).toList();
        return required.stream().filter(s -> !approved.contains(s)).toList();
    }

    /** The only step that may decide next: the first missing one; empty when none is missing. */
    Optional<ApprovalStep> nextStep() {
        return missing().stream().findFirst();
    }

    /** Whether every required step approved the current text (trivially so when none is required). */
    boolean complete() {
        return missing().isEmpty();
    }

    /** This chain with one more decision recorded. */
    ApprovalChain with(ApprovalRow approval) {
        List<ApprovalRow> more = new ArrayList<>(approvals);
        more.add(approval);
        return new ApprovalChain(required, more, contentHash);
    }
}
