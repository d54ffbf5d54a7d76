package org.yuqing.publishing.statements;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.events.StatementApproved;
import org.yuqing.domain.events.StatementPublished;
import org.yuqing.domain.events.StatementWithdrawn;
import org.yuqing.events.Outbox;
import org.yuqing.publishing.PublishingProperties;
import org.yuqing.publishing.cases.CaseRef;
import org.yuqing.publishing.cases.CaseRequirementsChanged;
import org.yuqing.publishing.cases.Cases;
import org.yuqing.publishing.channels.Channel;
import org.yuqing.publishing.channels.Delivery;
import org.yuqing.publishing.channels.DeliveryProgress;
import org.yuqing.publishing.channels.Publication;
import org.yuqing.publishing.renditions.Master;
import org.yuqing.publishing.renditions.Rendition;
import org.yuqing.publishing.renditions.Renditions;
import org.yuqing.security.AuditTrail;
import org.yuqing.security.Caller;
import org.yuqing.security.Role;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Drafting, editing, approving and releasing statements. Every command locks the statement row,
 * so concurrent decisions on one statement are serialised. A caller reaches only the statements of
 * cases whose unit is in their scope (属地管理); others answer 404 like unknown ids. Approvals and
 * releases, refused releases included, are written to the audit in the transaction that records them.
 *
 * <p>The content hash a statement carries, and its approvals bind, covers the master text and every channel's
 * rendition of it ({@link Renditions}): what an approver signs is exactly what each channel sends. Every change of
 * the text is kept as a version.
 */
@Service
class Statements {

    private static final int LIST_LIMIT = 200;
    private static final int MAX_URL = 2000;
    /** The channel released by hand (see {@code ManualChannel}). */
    static final String MANUAL = "manual";
    private static final Logger log = LoggerFactory.getLogger(Statements.class);

    private final StatementStore store;
    private final Cases cases;
    private final List<Channel> channels;
    private final Outbox outbox;
    private final Clock clock;
    private final PublishingProperties properties;
    private final DeliveryProperties delivery;
    private final AuditTrail audit;
    private final Renditions renditions;
    private final ApplicationEventPublisher events;

    Statements(StatementStore store, Cases cases, List<Channel> channels, Outbox outbox, Clock clock,
               PublishingProperties properties, DeliveryProperties delivery, AuditTrail audit,
               Renditions renditions, ApplicationEventPublisher events) {
        this.store = store;
        this.cases = cases;
        this.channels = List.copyOf(channels);
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
        this.delivery = delivery;
        this.audit = audit;
        this.renditions = renditions;
        this.events = events;
    }

    /**
     * Drafts a statement of the case. A case of a unit outside the caller's scope answers 404 like an
     * unknown case: its id reveals nothing (the same as for reads, rather than a 403 that confirms it).
     */
    @Transactional
    StatementView draft(UUID caseId, StatementKind kind, String title, String body, Caller caller) {
        CaseRef c = cases.find(caseId).orElseThrow(() -> StatementProblem.caseNotKnown(caseId));
        caller.requireSees(c.unitId(), "case " + caseId);
        if (kind == StatementKind.CORRECTION_NOTICE) {
            throw StatementProblem.unprocessable("a correction notice corrects a published statement: draft it with "
                    + "POST /api/publishing/statements/{id}/corrections");
        }
        return view(insertDraft(c, kind, StatementText.of(title, body), caller.login(), null, null));
    }

    private UUID insertDraft(CaseRef c, StatementKind kind, StatementText text, String author, UUID corrects,
                             String correctionReason) {
        Instant now = now();
        UUID id = UUID.randomUUID();
        // A level that requires no approval (plan data) leaves nothing to wait for.
        StatementState state = c.statementApprovals().isEmpty() ? StatementState.APPROVED : StatementState.DRAFT;
        String hash = renditions.contentHash(master(id, kind, text, null));
        store.insert(StatementRow.draft(id, c.caseId(), kind, text, state, hash, author, now, corrects,
                correctionReason));
        store.insertVersion(id, text, hash, author, now);
        return id;
    }

    /**
     * Changes the text. A change (of the master, or of a rendition since the last save) stores a new version and
     * voids every approval of the earlier text; saving the same text changes nothing.
     */
    @Transactional
    StatementView edit(UUID id, String title, String body, Caller caller) {
        StatementRow s = store.lock(id).orElseThrow(() -> StatementProblem.notFound(id));
        CaseRef c = visibleCase(s, caller);
        if (s.state() == StatementState.PUBLISHED) {
            throw StatementProblem.conflict("statement-published", "Statement already published",
                    "a published statement cannot be edited; draft a new one (e.g. a progress update)");
        }
        StatementText text = StatementText.of(title, body);
        String hash = renditions.contentHash(master(id, s.kind(), text, null));
        if (!hash.equals(s.contentHash())) {
            Instant now = now();
            ApprovalChain chain = new ApprovalChain(c.statementApprovals(), store.approvals(id), hash);
            store.updateText(id, text, hash, chain.complete() ? StatementState.APPROVED : StatementState.DRAFT, now);
            store.insertVersion(id, text, hash, caller.login(), now);
        }
        return view(id);
    }

    /**
     * Records the caller's decision at the next step of the approval chain the case's level requires.
     * The role rule lets only leaders here; the statement must belong to a unit the leader sees.
     */
    @Transactional
    StatementView decide(UUID id, ApprovalStep step, Decision decision, String comment, String expectedHash,
                         Caller caller) {
        StatementRow s = store.lock(id).orElseThrow(() -> StatementProblem.notFound(id));
        CaseRef c = visibleCase(s, caller);
        if (expectedHash != null && !expectedHash.isBlank() && !expectedHash.strip().equals(s.contentHash())) {
            // The approver decided on a text that has changed since they read it: they must read it again.
            throw StatementProblem.conflict("content-changed", "Text changed",
                    "the text changed after it was shown for approval (shown " + expectedHash.strip() + ", now "
                            + s.contentHash() + "); read it again before deciding")
                    .with("contentHash", s.contentHash());
        }
        if (s.state() == StatementState.PUBLISHED) {
            throw StatementProblem.conflict("statement-published", "Statement already published",
                    "statement " + id + " is published; its approvals are closed");
        }
        ApprovalChain chain = new ApprovalChain(c.statementApprovals(), store.approvals(id), s.contentHash());
        Optional<ApprovalStep> next = chain.nextStep();
        if (next.isEmpty()) {
            throw StatementProblem.conflict("approval-not-expected", "No approval expected",
                    "every approval the case requires already binds the current text")
                    .with("requiredApprovals", chain.required());
        }
        if (next.get() != step) {
            throw StatementProblem.conflict("approval-out-of-order", "Approval out of order",
                    "the next approval must be " + next.get() + " (" + next.get().chineseName() + "), not " + step)
                    .with("expectedStep", next.get())
                    .with("requiredApprovals", chain.required());
        }
        String why = comment == null || comment.isBlank() ? null : comment.strip();
        if (decision == Decision.REJECT && why == null) {
            throw StatementProblem.invalid("a rejection needs a comment saying what to change");
        }
        Instant now = now();
        ApprovalRow recorded = store.insertApproval(id, step, decision, caller.login(), why, s.contentHash(), now);
        boolean complete = decision == Decision.APPROVE && chain.with(recorded).complete();
        store.updateState(id, complete ? StatementState.APPROVED : StatementState.DRAFT, now);
        // the accountability record (casework) learns of every decision, rejections included
        outbox.publish(new StatementApproved(UUID.randomUUID(), now, id, s.caseId(), c.unitId(),
                store.latestVersion(id), step.name(), decision == Decision.APPROVE, caller.login(), why,
                s.contentHash(), complete, now));
        audit.done(AuditTrail.APPROVAL, target(id), decision + " at " + step + " (" + step.chineseName() + ") of "
                + c.level() + " case " + c.caseId() + " of unit " + c.unitId() + ", text " + s.contentHash()
                + (why == null ? "" : ": " + why));
        return view(id);
    }

    /**
     * Publishes the statement ("三同步": only when every approval the case requires binds the current
     * text): marks it PUBLISHED, delivers the local website channel in this transaction, queues one
     * PENDING release per other enabled channel for the {@link ReleaseWorker} (which sends it after
     * the commit, so no external system holds this request), and announces StatementPublished listing
     * every channel the statement was released or queued to. A refusal is recorded (release attempt
     * and audit, outcome DENIED) and its record commits.
     */
    @Transactional(noRollbackFor = ReleaseRefused.class)
    StatementView publish(UUID id, Caller caller) {
        StatementRow s = store.lock(id).orElseThrow(() -> StatementProblem.notFound(id));
        CaseRef c = visibleCase(s, caller);
        release(s, c, caller, now(), "published");
        return view(id);
    }

    /**
     * Releases a locked statement as {@code actor} at {@code now}, or records the refusal and throws it. See
     * {@link #publish}; {@code how} opens the audit line ("published", "published as scheduled …").
     */
    private void release(StatementRow s, CaseRef c, Caller actor, Instant now, String how) {
        UUID id = s.id();
        if (s.state() == StatementState.PUBLISHED) {
            throw refuse(s, actor, now, new ReleaseRefused("statement-published",
                    "statement " + id + " was already published at " + s.publishedAt()));
        }
        ApprovalChain chain = new ApprovalChain(c.statementApprovals(), store.approvals(id), s.contentHash());
        if (!chain.complete()) {
            String missing = chain.missing().stream().map(step -> step + " (" + step.chineseName() + ")")
                    .collect(Collectors.joining(", "));
            throw refuse(s, actor, now, new ReleaseRefused("approvals-missing",
                    "the current text lacks the approvals its " + c.level() + " case requires: " + missing))
                    .with("missingApprovals", chain.missing());
        }
        if (!renditions.contentHash(master(s)).equals(s.contentHash())) {
            // the renditions (e.g. the public address, the office's name) changed since the text was approved
            throw refuse(s, actor, now, new ReleaseRefused("renditions-changed",
                    "the channel renditions of statement " + id + " differ from those approved; save the text "
                            + "again and have it approved"));
        }
        List<Channel> enabled = channels.stream().filter(Channel::enabled).toList();
        if (enabled.isEmpty()) {
            throw refuse(s, actor, now, new ReleaseRefused("no-channel", "no channel is enabled"));
        }
        String publicUrl = properties.statementUrl(id);
        Publication publication = new Publication(id, s.caseId(), c.unitId(), s.kind().name(),
                s.kind().chineseName(), s.title(), s.body(), s.contentHash(), publicUrl, now);
        List<String> released = new ArrayList<>();
        boolean queued = false;
        for (Channel channel : enabled) {
            if (channel.manualRendition().isPresent()) {
                // a person posts it: queued with nothing scheduled, so the delivery worker never takes it
                store.insertRelease(id, new Delivery(channel.name(), null, Delivery.Status.PENDING), now, 0, null);
                released.add(channel.name());
            } else if (channel.deliveredAfterCommit()) {
                store.insertRelease(id, new Delivery(channel.name(), null, Delivery.Status.PENDING), now, 0, now);
                released.add(channel.name());
                queued = true;
            } else {
                // one channel failing neither undoes the publication nor the other channels
                Delivery d = attempt(channel, publication);
                boolean failed = d.status() == Delivery.Status.FAILED;
                store.insertRelease(id, d, now, 1, failed ? now.plus(delivery.retryAfter(1)) : null);
                if (!failed) {
                    released.add(channel.name());
                }
            }
        }
        store.markPublished(id, now, publicUrl);
        store.insertAttempt(id, actor.login(), now, StatementStore.AttemptOutcome.PUBLISHED, null);
        List<String> approvedBy = chain.counted().stream().map(ApprovalRow::approver).toList();
        outbox.publish(new StatementPublished(UUID.randomUUID(), now, id, s.caseId(), c.unitId(), s.title(),
                publicUrl, released, approvedBy, now));
        audit.record(actor, AuditTrail.RELEASE, target(id), "DONE", how + " " + s.kind() + " of case " + c.caseId()
                + " of unit " + c.unitId() + " on " + released + ", text " + s.contentHash() + ", approved by "
                + approvedBy);
        if (s.corrects() != null) {
            correctionReleased(s, c, actor, now);
        }
        if (queued) {
            // wakes the delivery worker once this commits, instead of waiting for its next poll
            events.publishEvent(new ReleasesQueued(id));
        }
    }

    /** A released correction notice marks the statement it corrects as corrected and tells the record so. */
    private void correctionReleased(StatementRow notice, CaseRef c, Caller actor, Instant now) {
        StatementRow corrected = store.lock(notice.corrects()).orElseThrow();
        if (corrected.withdrawn()) {
            // retracted meanwhile: the notice still links to it, the retraction stays what the record says
            return;
        }
        store.markWithdrawn(corrected.id(), StatementWithdrawn.CORRECTION, notice.correctionReason(), actor.login(),
                now, notice.id());
        outbox.publish(new StatementWithdrawn(UUID.randomUUID(), now, corrected.id(), corrected.caseId(), c.unitId(),
                StatementWithdrawn.CORRECTION, notice.id(), notice.correctionReason(), actor.login(), now));
        audit.record(actor, AuditTrail.RELEASE, target(corrected.id()), "DONE", "corrected by notice " + notice.id()
                + ": " + notice.correctionReason());
    }

    /**
     * Schedules the release of an approved statement (定时发布) at {@code at}, replacing an earlier schedule. The
     * scheduler releases it then as the publisher who scheduled it, only if every approval still binds its text.
     *
     * @throws StatementProblem 409 when it is published or lacks approvals of its current text, 422 when
     *                          {@code at} is not in the future
     */
    @Transactional
    StatementView schedule(UUID id, Instant at, Caller caller) {
        StatementRow s = store.lock(id).orElseThrow(() -> StatementProblem.notFound(id));
        CaseRef c = visibleCase(s, caller);
        Instant now = now();
        if (s.state() == StatementState.PUBLISHED) {
            throw StatementProblem.conflict("statement-published", "Statement already published",
                    "statement " + id + " was published at " + s.publishedAt());
        }
        ApprovalChain chain = new ApprovalChain(c.statementApprovals(), store.approvals(id), s.contentHash());
        if (!chain.complete()) {
            throw StatementProblem.conflict("approvals-missing", "Approvals missing",
                    "only an approved statement is scheduled; its current text lacks " + chain.missing())
                    .with("missingApprovals", chain.missing());
        }
        if (at == null || !at.isAfter(now)) {
            throw StatementProblem.unprocessable("at must be a time in the future");
        }
        Instant when = at.truncatedTo(ChronoUnit.MICROS);
        store.schedule(id, when, caller.login(), now);
        audit.done(AuditTrail.RELEASE, target(id), "scheduled the release for " + when + ", text " + s.contentHash());
        return view(id);
    }

    /**
     * Cancels the scheduled release.
     *
     * @throws StatementProblem 409 when none is scheduled
     */
    @Transactional
    StatementView cancelSchedule(UUID id, Caller caller) {
        StatementRow s = store.lock(id).orElseThrow(() -> StatementProblem.notFound(id));
        visibleCase(s, caller);
        if (s.scheduledAt() == null) {
            throw StatementProblem.conflict("not-scheduled", "Not scheduled",
                    "statement " + id + " has no scheduled release");
        }
        store.unschedule(id, null, now());
        audit.done(AuditTrail.RELEASE, target(id), "cancelled the release scheduled for " + s.scheduledAt());
        return view(id);
    }

    /** The statements whose scheduled release is due at {@code now}. */
    @Transactional(readOnly = true)
    List<UUID> scheduledDue(Instant now, int limit) {
        return store.scheduledDue(now, limit);
    }

    /**
     * Releases a statement whose schedule is due at {@code now} (the scheduler's time, which becomes the release
     * time), as the publisher who scheduled it. A refusal (e.g. the text was edited since the approval) is recorded
     * like any refused release, drops the schedule and is shown as {@code scheduleRefusal}.
     *
     * @return whether it was released
     */
    @Transactional
    boolean releaseScheduled(UUID id, Instant now) {
        StatementRow s = store.lock(id).orElseThrow(() -> StatementProblem.notFound(id));
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        if (s.scheduledAt() == null || s.scheduledAt().isAfter(at) || s.state() == StatementState.PUBLISHED) {
            return false;
        }
        CaseRef c = caseOf(s);
        Caller publisher = new Caller(s.scheduledBy(), s.scheduledBy(), Set.of(Role.PUBLISHER), Set.of(c.unitId()),
                Set.of(c.unitId()));
        try {
            release(s, c, publisher, at, "published as scheduled for " + s.scheduledAt() + ",");
            log.info("statement {} released as scheduled by {}", id, s.scheduledBy());
            return true;
        } catch (ReleaseRefused refused) {
            store.unschedule(id, refused.getBody().getDetail(), at);
            log.warn("scheduled release of statement {} refused: {}", id, refused.getBody().getDetail());
            return false;
        }
    }

    /**
     * Retracts a published statement (撤回): the public page and the Atom entry say so, with the reason; the
     * accountability record gets StatementWithdrawn. The releases on external channels are not deleted.
     *
     * @throws StatementProblem 409 when it is not published or already retracted or corrected, 422 without reason
     */
    @Transactional
    StatementView retract(UUID id, String reason, Caller caller) {
        StatementRow s = store.lock(id).orElseThrow(() -> StatementProblem.notFound(id));
        CaseRef c = visibleCase(s, caller);
        String why = reason(reason);
        requireWithdrawable(s);
        Instant now = now();
        store.markWithdrawn(id, StatementWithdrawn.RETRACTION, why, caller.login(), now, null);
        outbox.publish(new StatementWithdrawn(UUID.randomUUID(), now, id, s.caseId(), c.unitId(),
                StatementWithdrawn.RETRACTION, null, why, caller.login(), now));
        audit.done(AuditTrail.RELEASE, target(id), "retracted: " + why);
        return view(id);
    }

    /**
     * Drafts the correction notice (更正说明) of a published statement: a new statement of the same case that goes
     * through the same approval chain; once it is published, the corrected statement links to it and is marked
     * corrected.
     *
     * @return the notice
     * @throws StatementProblem 409 when the statement is not published, already withdrawn, or has a notice in
     *                          progress; 422 without reason
     */
    @Transactional
    StatementView correct(UUID id, String title, String body, String reason, Caller caller) {
        StatementRow s = store.lock(id).orElseThrow(() -> StatementProblem.notFound(id));
        CaseRef c = visibleCase(s, caller);
        String why = reason(reason);
        requireWithdrawable(s);
        StatementText text = StatementText.of(title, body);
        store.corrections(id).stream().filter(n -> n.state() != StatementState.PUBLISHED).findFirst()
                .ifPresent(n -> {
                    throw StatementProblem.conflict("correction-in-progress", "Correction in progress",
                            "statement " + id + " already has the correction notice " + n.id() + " in progress")
                            .with("noticeId", n.id());
                });
        UUID notice = insertDraft(c, StatementKind.CORRECTION_NOTICE, text, caller.login(), id, why);
        audit.done(AuditTrail.RELEASE, target(id), "correction notice " + notice + " drafted: " + why);
        return view(notice);
    }

    private static void requireWithdrawable(StatementRow s) {
        if (s.state() != StatementState.PUBLISHED) {
            throw StatementProblem.conflict("statement-not-published", "Statement not published",
                    "only a published statement is retracted or corrected; statement " + s.id() + " is " + s.state());
        }
        if (s.withdrawn()) {
            throw StatementProblem.conflict("statement-withdrawn", "Statement already withdrawn",
                    "statement " + s.id() + " was already " + s.withdrawnKind().toLowerCase(java.util.Locale.ROOT)
                            + " at " + s.withdrawnAt()).with("withdrawnKind", s.withdrawnKind());
        }
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw StatementProblem.unprocessable("reason must not be blank: the public page shows it");
        }
        String r = reason.strip();
        if (r.length() > 2000) {
            throw StatementProblem.unprocessable("reason must be at most 2000 characters");
        }
        return r;
    }

    /**
     * Re-queues a FAILED release for the delivery worker, due at once, whether its automatic retries
     * are used up or one is still scheduled. The worker sends it with the same publication (and so
     * the same idempotency key / Message-ID) as every earlier attempt; once the automatic attempts
     * are used up, each manual retry buys exactly one more attempt.
     *
     * @throws StatementProblem 404 for an unknown statement or no release on the channel, 409 when
     *                          the release is not FAILED or the channel is not enabled on this service
     */
    @Transactional
    StatementView retry(UUID id, String channelName, Caller caller) {
        StatementRow s = store.lock(id).orElseThrow(() -> StatementProblem.notFound(id));
        visibleCase(s, caller);
        ReleaseRow release = store.lockRelease(id, channelName).orElseThrow(() -> new StatementProblem(
                HttpStatus.NOT_FOUND, "release-not-found", "Release not found",
                "statement " + id + " has no release on channel " + channelName).with("channel", channelName));
        if (release.status() != Delivery.Status.FAILED) {
            throw StatementProblem.conflict("release-not-failed", "Release not failed",
                    "the release of statement " + id + " on " + channelName + " is " + release.status()
                            + "; only a FAILED release is retried").with("status", release.status());
        }
        channels.stream().filter(c -> c.name().equals(channelName) && c.enabled()).findFirst()
                .orElseThrow(() -> StatementProblem.conflict("channel-unavailable", "Channel unavailable",
                        "channel " + channelName + " is not configured on this service"));
        store.requeueRelease(id, channelName, now());
        audit.done(AuditTrail.RELEASE, target(id), "retry on channel " + channelName + " after: " + release.error());
        log.info("release of statement {} on {} re-queued by {}", id, channelName, caller.login());
        return view(id);
    }

    /**
     * Records that a person released the statement on the manual channel, at the proof URL (the post, the article,
     * the media page): the PENDING release becomes DELIVERED with that URL, audited as a RELEASE.
     *
     * @throws StatementProblem 404 for an unknown statement or one without a manual release, 409 when its manual
     *                          release is already proven, 422 when the URL is not an absolute http(s) URL
     */
    @Transactional
    StatementView proveManualRelease(UUID id, String url, Caller caller) {
        StatementRow s = store.lock(id).orElseThrow(() -> StatementProblem.notFound(id));
        visibleCase(s, caller);
        String channel = MANUAL;
        ReleaseRow release = store.lockRelease(id, channel).orElseThrow(() -> new StatementProblem(
                HttpStatus.NOT_FOUND, "release-not-found", "Release not found",
                "statement " + id + " has no release on channel " + channel).with("channel", channel));
        if (release.status() == Delivery.Status.DELIVERED) {
            throw StatementProblem.conflict("release-already-proven", "Release already proven",
                    "the manual release of statement " + id + " was recorded at " + release.url())
                    .with("url", release.url());
        }
        String proof = proofUrl(url);
        store.markDeliveredByHand(id, channel, proof, now());
        audit.done(AuditTrail.RELEASE, target(id), "released by hand on channel " + channel + ", proof " + proof);
        log.info("manual release of statement {} proven by {}", id, caller.login());
        return view(id);
    }

    private static String proofUrl(String url) {
        if (url == null || url.isBlank()) {
            throw StatementProblem.unprocessable("url must not be blank");
        }
        String u = url.strip();
        if (u.length() > MAX_URL) {
            throw StatementProblem.unprocessable("url must be at most " + MAX_URL + " characters");
        }
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw StatementProblem.unprocessable("url must be an absolute http or https URL");
            }
        } catch (java.net.URISyntaxException e) {
            throw StatementProblem.unprocessable("url is not a URL: " + e.getReason());
        }
        return u;
    }

    /** Every version of the statement's text, oldest first (404 for a statement the caller does not see). */
    @Transactional(readOnly = true)
    List<VersionView> versions(UUID id, Caller caller) {
        StatementRow s = store.find(id).orElseThrow(() -> StatementProblem.notFound(id));
        visibleCase(s, caller);
        List<VersionRow> versions = store.versions(id);
        int last = versions.isEmpty() ? 0 : versions.getLast().version();
        return versions.stream().map(v -> VersionView.of(v, s.contentHash(), last)).toList();
    }

    /** What changed in the master text from version {@code a} to version {@code b} (404 for unknown versions). */
    @Transactional(readOnly = true)
    VersionDiff diff(UUID id, int a, int b, Caller caller) {
        StatementRow s = store.find(id).orElseThrow(() -> StatementProblem.notFound(id));
        visibleCase(s, caller);
        List<VersionRow> versions = store.versions(id);
        return VersionDiff.between(version(versions, id, a), version(versions, id, b));
    }

    private static VersionRow version(List<VersionRow> versions, UUID id, int n) {
        return versions.stream().filter(v -> v.version() == n).findFirst()
                .orElseThrow(() -> new StatementProblem(HttpStatus.NOT_FOUND, "version-not-found",
                        "Version not found", "statement " + id + " has no version " + n).with("version", n));
    }

    /** The statement's master text and its rendition for every channel, with the hash approvals bind. */
    @Transactional(readOnly = true)
    RenditionsView renditions(UUID id, Caller caller) {
        StatementRow s = store.find(id).orElseThrow(() -> StatementProblem.notFound(id));
        visibleCase(s, caller);
        Master m = master(s);
        return new RenditionsView(id, s.kind(), s.title(), s.body(), s.contentHash(), renditions.of(m));
    }

    /** The master of a stored statement; its public address is the one it was (or will be) published at. */
    private Master master(StatementRow s) {
        return master(s.id(), s.kind(), new StatementText(s.title(), s.body()), s.publicUrl());
    }

    private Master master(UUID id, StatementKind kind, StatementText text, String publicUrl) {
        return new Master(id, kind.chineseName(), text.title(), text.body(),
                publicUrl != null ? publicUrl : properties.statementUrl(id));
    }

    /** The publication of a published statement, identical for every attempt on every channel. */
    static Publication publication(StatementRow s, CaseRef c) {
        return new Publication(s.id(), s.caseId(), c.unitId(), s.kind().name(), s.kind().chineseName(), s.title(),
                s.body(), s.contentHash(), s.publicUrl(), s.publishedAt());
    }

    /** Delivers on the channel, turning an exception or a missing outcome into a FAILED delivery. */
    static Delivery attempt(Channel channel, Publication publication) {
        return attempt(channel, publication, DeliveryProgress.inMemory());
    }

    /** Delivers on the channel with the release's progress (see {@link Channel#deliver(Publication, DeliveryProgress)}). */
    static Delivery attempt(Channel channel, Publication publication, DeliveryProgress progress) {
        try {
            Delivery d = channel.deliver(publication, progress);
            return d != null ? d : Delivery.failed(channel.name(), "channel returned no outcome");
        } catch (RuntimeException e) {
            log.warn("channel {} failed on statement {}", channel.name(), publication.statementId(), e);
            return Delivery.failed(channel.name(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * Re-derives the state of the case's unpublished statements after its required approvals
     * changed (an escalation can add a step to an approved text). Runs in the transaction that
     * applied the upstream event.
     */
    @EventListener
    @Transactional
    void onCaseRequirementsChanged(CaseRequirementsChanged changed) {
        CaseRef c = cases.find(changed.caseId()).orElseThrow();
        for (StatementRow listed : store.byCase(changed.caseId())) {
            StatementRow s = store.lock(listed.id()).orElseThrow();
            if (s.state() == StatementState.PUBLISHED) {
                continue;
            }
            ApprovalChain chain = new ApprovalChain(c.statementApprovals(), store.approvals(s.id()), s.contentHash());
            StatementState state = chain.complete() ? StatementState.APPROVED : StatementState.DRAFT;
            if (state != s.state()) {
                store.updateState(s.id(), state, now());
            }
        }
    }

    /** The statement, if the caller sees its case's unit (404 otherwise, like an unknown id). */
    @Transactional(readOnly = true)
    StatementView view(UUID id, Caller caller) {
        StatementRow s = store.find(id).orElseThrow(() -> StatementProblem.notFound(id));
        visibleCase(s, caller);
        return view(id);
    }

    /** The statement as it is now, for whoever has already been let at it. */
    private StatementView view(UUID id) {
        StatementRow s = store.find(id).orElseThrow(() -> StatementProblem.notFound(id));
        CaseRef c = caseOf(s);
        ApprovalChain chain = new ApprovalChain(c.statementApprovals(), store.approvals(id), s.contentHash());
        List<ReleaseRow> releases = store.releases(id);
        Map<String, String> copyTexts = new HashMap<>();
        for (ReleaseRow r : releases) {
            channels.stream().filter(ch -> ch.name().equals(r.channel())).findFirst()
                    .flatMap(Channel::manualRendition)
                    .flatMap(key -> renditions.of(master(s), key))
                    .map(Rendition::content)
                    .ifPresent(text -> copyTexts.put(r.channel(), text));
        }
        return StatementView.of(s, c, chain, releases, copyTexts);
    }

    /**
     * The statements of a case, newest first; without a case, the newest statements of every case
     * in the caller's unit scope. A case outside the scope answers 404 like an unknown one.
     */
    @Transactional(readOnly = true)
    List<StatementSummary> list(UUID caseId, Caller caller) {
        if (caseId == null) {
            return store.newest(LIST_LIMIT, caller.unitScope()).stream().map(StatementSummary::of).toList();
        }
        CaseRef c = cases.find(caseId).orElseThrow(() -> StatementProblem.caseNotKnown(caseId));
        caller.requireSees(c.unitId(), "case " + caseId);
        return store.byCase(caseId).stream().map(StatementSummary::of).toList();
    }

    /** Records the refused release on the statement and in the audit; both commit with the refusal. */
    private ReleaseRefused refuse(StatementRow s, Caller caller, Instant at, ReleaseRefused refusal) {
        String reason = refusal.getBody().getDetail();
        store.insertAttempt(s.id(), caller.login(), at, StatementStore.AttemptOutcome.REFUSED, reason);
        audit.record(caller, AuditTrail.RELEASE, target(s.id()), "DENIED", reason);
        return refusal;
    }

    /** The statement's case, once the caller is known to see its unit (404 otherwise, and audited). */
    private CaseRef visibleCase(StatementRow s, Caller caller) {
        CaseRef c = caseOf(s);
        caller.requireSees(c.unitId(), target(s.id()));
        return c;
    }

    private static String target(UUID statementId) {
        return "statement " + statementId;
    }

    private CaseRef caseOf(StatementRow s) {
        // case_ref rows are never deleted and statement.case_id references them
        return cases.find(s.caseId()).orElseThrow(() -> new IllegalStateException("case_ref lost for " + s.caseId()));
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: the event must carry the same instant as the row.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
