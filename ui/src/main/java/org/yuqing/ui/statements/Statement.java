package org.yuqing.ui.statements;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One statement as {@code GET /api/publishing/statements/{id}} shows it: text, state, the approvals its case requires,
 * every decision (and whether it still binds the current text) and every channel's release.
 *
 * @param id                statement id
 * @param caseId            its case
 * @param unitId            the case's unit
 * @param level             the case's level code
 * @param kind              kind code
 * @param kindName          kind name from the service
 * @param title             title
 * @param body              master text
 * @param state             {@code DRAFT}, {@code APPROVED} or {@code PUBLISHED}
 * @param contentHash       hash of master and renditions that approvals bind
 * @param createdBy         drafter
 * @param createdAt         drafted at
 * @param updatedAt         last change
 * @param publishedAt       published at, {@code null} before
 * @param publicUrl         public page once published
 * @param requiredApprovals the steps the case requires, in order
 * @param nextStep          the step that decides next, {@code null} when none is missing or it is published
 * @param approvals         every decision, oldest first
 * @param releases          every channel's release
 * @param scheduledAt       when its release is scheduled (定时发布), {@code null} when none
 * @param scheduledBy       who scheduled it
 * @param scheduleRefusal   why the last scheduled release was refused, {@code null} when it was not
 * @param corrects          for a correction notice (更正说明): the statement it corrects
 * @param correctionReason  for a correction notice: what was wrong
 * @param withdrawal        how it was taken back once published (撤回 / 更正), {@code null} while it stands
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Statement(String id, String caseId, String unitId, String level, String kind, String kindName,
                        String title, String body, String state, String contentHash, String createdBy,
                        Instant createdAt, Instant updatedAt, Instant publishedAt, String publicUrl,
                        List<String> requiredApprovals, String nextStep, List<Approval> approvals,
                        List<Release> releases, Instant scheduledAt, String scheduledBy,
                        String scheduleRefusal, String corrects, String correctionReason, Withdrawal withdrawal) {

    /** Normalises missing lists to empty ones. */
    public Statement {
        requiredApprovals = requiredApprovals == null ? List.of() : List.copyOf(requiredApprovals);
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
        releases = releases == null ? List.of() : List.copyOf(releases);
    }

    /** @return whether it is published (its text frozen) */
    public boolean published() {
        return "PUBLISHED".equals(state);
    }

    /** @return the approvals that bind the current text */
    public List<Approval> counted() {
        return approvals.stream().filter(a -> a.counts() && "APPROVE".equals(a.decision())).toList();
    }

    /** @return whether a leader's decision is awaited: not published and a required step still missing */
    public boolean awaitsApproval() {
        return !published() && nextStep != null;
    }

    /**
     * Whether a leader sent the current text back: the latest decision is a rejection and the text has not changed
     * since (the service stamps {@code updatedAt} with the decision, and again on every change of the text).
     *
     * @return {@code true} while the drafter has to revise it
     */
    public boolean returned() {
        if (approvals.isEmpty() || published()) {
            return false;
        }
        Approval last = approvals.getLast();
        return "REJECT".equals(last.decision()) && last.at() != null
                && (updatedAt == null || !updatedAt.isAfter(last.at()));
    }

    /**
     * How a published statement was taken back.
     *
     * @param kind     {@code RETRACTION} (撤回) or {@code CORRECTION} (更正)
     * @param kindName its Chinese name from the service
     * @param reason   why (the public page shows it)
     * @param by       who
     * @param at       when
     * @param noticeId for a correction: the published notice
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Withdrawal(String kind, String kindName, String reason, String by, Instant at, String noticeId) {
    }

    /**
     * One decision.
     *
     * @param step     the step code, e.g. {@code UNIT_HEAD}
     * @param stepName its Chinese name
     * @param decision {@code APPROVE} or {@code REJECT}
     * @param approver login of the leader
     * @param comment  the comment, {@code null} when none
     * @param at       when
     * @param counts   whether it binds the current text (false once the text changed)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Approval(String step, String stepName, String decision, String approver, String comment,
                           Instant at, boolean counts) {
    }

    /**
     * What went out, or is to go out, on one channel.
     *
     * @param channel       channel name, e.g. {@code website}, {@code email}, {@code manual}
     * @param at            when released
     * @param url           where it can be seen (the proof URL of a manual release)
     * @param status        {@code PENDING}, {@code DELIVERED} or {@code FAILED}
     * @param error         why the last attempt failed
     * @param attempts      attempts so far
     * @param nextAttemptAt when the worker tries (again), {@code null} when it will not by itself
     * @param copyText      for a channel released by hand: the approved text to post
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Release(String channel, Instant at, String url, String status, String error, int attempts,
                          Instant nextAttemptAt, String copyText) {

        /** @return whether a person releases it (copy-ready text, proof URL) */
        public boolean byHand() {
            return copyText != null || "manual".equals(channel);
        }
    }

    /**
     * @param channel a channel name
     * @return its release, if any
     */
    public java.util.Optional<Release> release(String channel) {
        return releases.stream().filter(r -> Objects.equals(r.channel(), channel)).findFirst();
    }
}
