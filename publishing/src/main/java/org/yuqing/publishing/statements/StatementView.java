package org.yuqing.publishing.statements;

import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.Level;
import org.yuqing.publishing.cases.CaseRef;
import org.yuqing.publishing.channels.Delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A statement as the API shows it: its text and state, the approvals its case requires, every
 * decision on it (whether it still counts for the current text) and every release; its scheduled release
 * ({@code scheduledAt} / {@code scheduledBy}, {@code scheduleRefusal} when the last one was refused); for a
 * correction notice the statement it corrects ({@code corrects}, {@code correctionReason}); once published and
 * taken back, the {@code withdrawal}.
 */
record StatementView(UUID id, UUID caseId, String unitId, Level level, StatementKind kind, String kindName,
                     String title, String body, StatementState state, String contentHash, String createdBy,
                     Instant createdAt, Instant updatedAt, Instant publishedAt, String publicUrl,
                     List<ApprovalStep> requiredApprovals, ApprovalStep nextStep, List<ApprovalView> approvals,
                     List<ReleaseView> releases, Instant scheduledAt, String scheduledBy, String scheduleRefusal,
                     UUID corrects, String correctionReason, WithdrawalView withdrawal) {

    /**
     * The view of a statement.
     *
     * @param copyTexts for channels released by hand: the copy-ready text, by channel name
     */
    static StatementView of(StatementRow s, CaseRef c, ApprovalChain chain, List<ReleaseRow> releases,
                            Map<String, String> copyTexts) {
        ApprovalStep next = s.state() == StatementState.PUBLISHED ? null : chain.nextStep().orElse(null);
        return new StatementView(s.id(), s.caseId(), c.unitId(), c.level(), s.kind(), s.kind().chineseName(),
                s.title(), s.body(), s.state(), s.contentHash(), s.createdBy(), s.createdAt(), s.updatedAt(),
                s.publishedAt(), s.publicUrl(), chain.required(), next,
                chain.approvals().stream().map(a -> ApprovalView.of(a, chain.counts(a))).toList(),
                releases.stream().map(r -> ReleaseView.of(r, copyTexts.get(r.channel()))).toList(),
                s.scheduledAt(), s.scheduledAt() == null ? null : s.scheduledBy(), s.scheduleRefusal(),
                s.corrects(), s.correctionReason(), WithdrawalView.of(s));
    }

    /**
     * How a published statement was taken back: {@code RETRACTION} (撤回) or {@code CORRECTION} (更正, with the
     * published notice's id).
     */
    record WithdrawalView(String kind, String kindName, String reason, String by, Instant at, UUID noticeId) {

        static WithdrawalView of(StatementRow s) {
            if (!s.withdrawn()) {
                return null;
            }
            return new WithdrawalView(s.withdrawnKind(), "CORRECTION".equals(s.withdrawnKind()) ? "已更正" : "已撤回",
                    s.withdrawnReason(), s.withdrawnBy(), s.withdrawnAt(), s.withdrawnNotice());
        }
    }

    /** One decision; {@code counts} is false once the text it was made on has changed. */
    record ApprovalView(ApprovalStep step, String stepName, Decision decision, String approver, String comment,
                        Instant at, boolean counts) {

        static ApprovalView of(ApprovalRow a, boolean counts) {
            return new ApprovalView(a.step(), a.step().chineseName(), a.decision(), a.approver(), a.comment(),
                    a.at(), counts);
        }
    }

    /**
     * What went out on one channel; {@code error} says why the last attempt failed, {@code nextAttemptAt}
     * when the delivery worker tries it (again), {@code null} once delivered or out of automatic attempts;
     * {@code copyText} is, for a channel released by hand, the approved text to post there ({@code null} otherwise);
     * its {@code url} is the proof URL once a publisher recorded it.
     */
    record ReleaseView(String channel, Instant at, String url, Delivery.Status status, String error, int attempts,
                       Instant nextAttemptAt, String copyText) {

        static ReleaseView of(ReleaseRow r, String copyText) {
            return new ReleaseView(r.channel(), r.at(), r.url(), r.status(), r.error(), r.attempts(),
                    r.nextAttemptAt(), copyText);
        }
    }
}
