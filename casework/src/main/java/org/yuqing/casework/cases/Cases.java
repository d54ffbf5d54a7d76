package org.yuqing.casework.cases;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.Level;
import org.yuqing.domain.ResponseTerms;
import org.yuqing.domain.events.CaseEscalated;
import org.yuqing.domain.events.CaseOpened;
import org.yuqing.domain.events.IncidentGraded;
import org.yuqing.domain.events.StatementApproved;
import org.yuqing.domain.events.StatementPublished;
import org.yuqing.domain.events.StatementWithdrawn;
import org.yuqing.casework.clocks.SameDayDeadline;
import org.yuqing.casework.ledger.Ledger;
import org.yuqing.casework.ledger.LedgerKind;
import org.yuqing.events.Outbox;
import org.yuqing.security.AuditTrail;
import org.yuqing.security.Caller;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What happens to cases: opening and escalation from grades, releases from publishing, reports by
 * users. Every change, its timeline entry, its accountability-ledger entry (and outgoing event) commit
 * together, so an upstream event that is redelivered adds to neither.
 */
@Service
class Cases {

    static final String SYSTEM = "system";

    private static final System.Logger LOG = System.getLogger(Cases.class.getName());
    // Deadlines in summaries are named as the offices read a clock (Beijing time).
    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("M月d日HH:mm:ss")
            .withZone(SameDayDeadline.BEIJING);

    private final CaseRepository repository;
    private final Outbox outbox;
    private final Clock clock;
    private final CaseworkProperties properties;
    private final Ledger ledger;
    private final AuditTrail audit;
    private final List<CaseSection> sections;

    Cases(CaseRepository repository, Outbox outbox, Clock clock, CaseworkProperties properties, Ledger ledger,
          AuditTrail audit, List<CaseSection> sections) {
        this.sections = List.copyOf(sections);
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
        this.ledger = ledger;
        this.audit = audit;
    }

    /**
     * Applies a grade: opens a case when the terms say so and none exists, escalates an existing one
     * when the level rose, and notes any other change of grade. A redelivered grade changes nothing.
     */
    @Transactional
    void applyGrade(IncidentGraded grade) {
        if (repository.hasApplied(grade.eventId())) {
            return;
        }
        Optional<CaseFile> existing = repository.lockByIncident(grade.incidentId());
        if (existing.isEmpty()) {
            if (grade.terms().opensCase()) {
                open(grade);
            }
            return;
        }
        CaseFile current = existing.get();
        if (grade.level().isAbove(current.level())) {
            escalate(current, grade);
        } else {
            CaseFile regraded = current.regradedAs(grade.category(), clock.instant());
            if (!regraded.followups().equals(current.followups())) {
                repository.update(regraded);
            }
            String summary = "研判结果更新：" + grade.level().chineseName() + "舆情，分类：" + grade.category().chineseName()
                    + inquiryNote(current, regraded);
            Map<String, Object> detail = gradeDetail(grade);
            detail.put("inquiryReplyDueAt", regraded.followups().inquiryReplyDueAt());
            repository.append(current.id(), grade.occurredAt(), TimelineKind.REGRADED, summary, SYSTEM, detail,
                    grade.eventId());
            ledger.append(current.id(), LedgerKind.REGRADED, SYSTEM, summary, caused(detail, grade.eventId(),
                    grade.occurredAt()));
        }
    }

    /** Records a release on its case's timeline; the first one stops the first-statement clock. */
    @Transactional
    void applyStatement(StatementPublished statement) {
        if (repository.hasApplied(statement.eventId())) {
            return;
        }
        Optional<CaseFile> found = repository.lock(statement.caseId());
        if (found.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "statement {0} was published for case {1}, which casework does not know",
                    statement.statementId(), statement.caseId());
            return;
        }
        CaseFile current = found.get();
        boolean first = current.firstStatementAt() == null;
        CaseFile updated = current.statementPublished(statement.publishedAt(), clock.instant());
        repository.update(updated);
        String summary = "发布声明《" + statement.title() + "》：" + statement.publicUrl()
                + "（" + String.join("、", statement.channels()) + "），审批："
                + (statement.approvedBy().isEmpty() ? "无" : String.join(" → ", statement.approvedBy()));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("statementId", statement.statementId());
        detail.put("title", statement.title());
        detail.put("publicUrl", statement.publicUrl());
        detail.put("channels", statement.channels());
        detail.put("approvedBy", statement.approvedBy());
        detail.put("publishedAt", statement.publishedAt());
        repository.append(current.id(), statement.publishedAt(), TimelineKind.STATEMENT_PUBLISHED, summary, SYSTEM,
                detail, statement.eventId());
        Map<String, Object> accountable = caused(detail, statement.eventId(), statement.publishedAt());
        accountable.put("firstStatement", first);
        String note = "";
        if (first) {
            accountable.put("firstStatementDueAt", current.firstStatementDueAt());
            accountable.put("onTime", !statement.publishedAt().isAfter(current.firstStatementDueAt()));
            note = "；首次发声" + timeliness(statement.publishedAt(), current.firstStatementDueAt(), "按时", "超时");
        }
        Instant replyDue = current.followups().inquiryReplyDueAt();
        if (current.followups().inquiryRepliedAt() == null && updated.followups().inquiryRepliedAt() != null) {
            accountable.put("inquiryReplyDueAt", replyDue);
            accountable.put("inquiryReplyOnTime", !statement.publishedAt().isAfter(replyDue));
            note += "；答复询问质疑" + timeliness(statement.publishedAt(), replyDue, "按时", "超时");
        }
        ledger.append(current.id(), LedgerKind.STATEMENT_PUBLISHED, SYSTEM, summary + note, accountable);
    }

    /**
     * Records a decision on a statement of a case (审批): an approval or a rejection by one step of the chain, with
     * the hash of the exact text decided on, on the timeline and in the ledger. A redelivered decision adds nothing;
     * one for a case casework does not know is logged and dropped.
     */
    @Transactional
    void applyApproval(StatementApproved decision) {
        if (repository.hasApplied(decision.eventId())) {
            return;
        }
        Optional<CaseFile> found = repository.lock(decision.caseId());
        if (found.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "statement {0} was decided on for case {1}, which casework does not know",
                    decision.statementId(), decision.caseId());
            return;
        }
        UUID caseId = found.get().id();
        String title = repository.statementTitle(caseId, decision.statementId()).map(t -> "《" + t + "》").orElse("");
        String hash = decision.contentHash() == null ? "" : decision.contentHash();
        String summary = (decision.approved() ? "声明审批通过" : "声明审批退回") + title + "：" + stepName(decision.step())
                + " " + decision.decidedBy() + "（第" + decision.version() + "版，内容摘要 "
                + (hash.length() > 12 ? hash.substring(0, 12) + "…" : hash) + "）"
                + (decision.comment().isBlank() ? "" : "，意见：" + decision.comment())
                + (decision.approved() && decision.complete() ? "；审批链已完成，可以发布" : "");
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("statementId", decision.statementId());
        detail.put("version", decision.version());
        detail.put("step", decision.step());
        detail.put("approved", decision.approved());
        detail.put("decidedBy", decision.decidedBy());
        detail.put("comment", decision.comment());
        detail.put("contentHash", decision.contentHash());
        detail.put("complete", decision.complete());
        detail.put("decidedAt", decision.decidedAt());
        repository.append(caseId, decision.decidedAt(),
                decision.approved() ? TimelineKind.STATEMENT_APPROVED : TimelineKind.STATEMENT_REJECTED, summary,
                decision.decidedBy(), detail, decision.eventId());
        ledger.append(caseId, decision.approved() ? LedgerKind.STATEMENT_APPROVED : LedgerKind.STATEMENT_REJECTED,
                decision.decidedBy(), summary, caused(detail, decision.eventId(), decision.occurredAt()));
    }

    /**
     * Records that a published statement of a case was retracted (撤回) or corrected (更正) on the timeline and in the
     * ledger. The clocks stay as they are: the statement did go out, so a first-statement deadline it met stays met.
     * A redelivered withdrawal adds nothing; one for an unknown case is logged and dropped.
     */
    @Transactional
    void applyWithdrawal(StatementWithdrawn withdrawal) {
        if (repository.hasApplied(withdrawal.eventId())) {
            return;
        }
        Optional<CaseFile> found = repository.lock(withdrawal.caseId());
        if (found.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "statement {0} was withdrawn for case {1}, which casework does not know",
                    withdrawal.statementId(), withdrawal.caseId());
            return;
        }
        UUID caseId = found.get().id();
        boolean correction = StatementWithdrawn.CORRECTION.equals(withdrawal.kind());
        String title = repository.statementTitle(caseId, withdrawal.statementId()).map(t -> "《" + t + "》").orElse("");
        String summary = (correction ? "更正声明" : "撤回声明") + title + "：" + withdrawal.withdrawnBy()
                + (withdrawal.reason() == null || withdrawal.reason().isBlank() ? "" : "，原因：" + withdrawal.reason())
                + (correction && withdrawal.noticeId() != null ? "（更正通知另行发布）" : "");
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("statementId", withdrawal.statementId());
        detail.put("kind", withdrawal.kind());
        detail.put("noticeId", withdrawal.noticeId());
        detail.put("reason", withdrawal.reason());
        detail.put("withdrawnBy", withdrawal.withdrawnBy());
        detail.put("withdrawnAt", withdrawal.withdrawnAt());
        repository.append(caseId, withdrawal.withdrawnAt(), TimelineKind.STATEMENT_WITHDRAWN, summary,
                withdrawal.withdrawnBy(), detail, withdrawal.eventId());
        ledger.append(caseId, LedgerKind.STATEMENT_WITHDRAWN, withdrawal.withdrawnBy(), summary,
                caused(detail, withdrawal.eventId(), withdrawal.occurredAt()));
    }

    /**
     * Records a report to leadership. The first report stops the report clock and moves an assessed
     * case to {@link CaseState#REPORTED}; later ones (续报) only add to the timeline.
     *
     * @param reportedAt when it was made; {@code null} for now; never in the future
     * @param by         who made it (the actor on the record); must see the case's unit
     * @throws CaseNotFoundException when there is no such case
     * @throws org.yuqing.security.OutOfScopeException when the case belongs to a unit outside {@code by}'s scope
     */
    @Transactional
    CaseFile recordReport(UUID caseId, ReportKind kind, List<String> recipients, Instant reportedAt, Caller by) {
        return recordReport(caseId, kind, recipients, reportedAt, null, by);
    }

    /**
     * Records a report to leadership that states a level (报告所述级别). A report stating a lower level than the case
     * has when it is recorded understates the incident — counted as concealment (瞒报) per unit — and says so on the
     * record.
     *
     * @param statedLevel the level the report gives; {@code null}: the case's level
     */
    @Transactional
    CaseFile recordReport(UUID caseId, ReportKind kind, List<String> recipients, Instant reportedAt, Level statedLevel,
                          Caller by) {
        CaseFile current = lockVisible(caseId, by);
        Level stated = statedLevel == null ? current.level() : statedLevel;
        String actor = by.login();
        Instant now = clock.instant();
        Instant at = reportedAt == null ? now : reportedAt;
        if (at.isAfter(now)) {
            throw new InvalidRequestException("reportedAt " + at + " lies in the future; a report is recorded once made");
        }
        CaseFile updated = current.reported(kind, at, now);
        repository.update(updated);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("kind", kind.name());
        detail.put("to", recipients);
        detail.put("reportedAt", at);
        detail.put("level", current.level().name());
        detail.put("statedLevel", stated.name());
        String summary = kind.chineseName() + "：报送" + String.join("、", recipients);
        if (current.level().isAbove(stated)) {
            summary += "，所报级别" + stated.chineseName() + "低于案件级别" + current.level().chineseName();
        }
        Followups before = current.followups();
        Followups after = updated.followups();
        if (after.writtenReportDueAt() != null && !after.writtenReportDueAt().equals(before.writtenReportDueAt())) {
            // The summary stays as the report was made; the clock it starts shows on the case and in the detail.
            detail.put("writtenReportDueAt", after.writtenReportDueAt());
        } else if (after.writtenReportedAt() != null && before.writtenReportedAt() == null) {
            detail.put("writtenReportDueAt", after.writtenReportDueAt());
            detail.put("writtenReportOnTime", !at.isAfter(after.writtenReportDueAt()));
        }
        if (after.progressDueAt() != null) {
            detail.put("progressDueAt", after.progressDueAt());
        }
        repository.append(caseId, at, TimelineKind.REPORTED, summary, actor, detail, null);
        boolean first = current.reportedAt() == null;
        Map<String, Object> accountable = new LinkedHashMap<>(detail);
        accountable.put("first", first);
        accountable.put("reportDueAt", current.reportDueAt());
        String note;
        if (first) {
            accountable.put("onTime", !at.isAfter(current.reportDueAt()));
            note = timeliness(at, current.reportDueAt(), "按时报告", "迟报");
        } else {
            note = "续报";
        }
        ledger.append(caseId, LedgerKind.REPORTED, actor, summary + "（" + note + "）", accountable);
        return updated;
    }

    /**
     * Moves a case to {@code to} if the workflow allows it now ({@link CaseWorkflow}); the move, its
     * timeline entry and its ledger entry commit together. Moving to SUBSIDED starts the review clock.
     *
     * @param note the user's note, or {@code null}
     * @param by   who moves it (the actor on the record); must see the case's unit
     * @throws CaseNotFoundException  when there is no such case
     * @throws org.yuqing.security.OutOfScopeException when the case belongs to a unit outside {@code by}'s scope
     * @throws CaseConflictException when the move is refused; the problem names the allowed targets
     */
    @Transactional
    CaseFile transition(UUID caseId, CaseState to, String note, Caller by) {
        CaseFile current = lockVisible(caseId, by);
        String actor = by.login();
        Optional<String> refused = CaseWorkflow.refusal(current, to).or(() -> to == CaseState.REVIEWED
                ? closingRefusal(caseId) : Optional.empty());
        if (refused.isPresent()) {
            List<CaseState> allowed = allowed(current);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("state", current.state().name());
            properties.put("to", to.name());
            properties.put("allowed", allowed.stream().map(Enum::name).toList());
            throw new CaseConflictException("Transition refused", refused.get() + "; allowed now: "
                    + (allowed.isEmpty() ? "none" : allowed.stream().map(Enum::name).toList()), properties);
        }
        Instant now = clock.instant();
        CaseFile moved = current.movedTo(to, now);
        repository.update(moved);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", current.state().name());
        detail.put("to", to.name());
        detail.put("note", note);
        String summary = "流程推进：" + current.state().chineseName() + " → " + to.chineseName();
        if (to == CaseState.SUBSIDED) {
            detail.put("reviewDueAt", moved.reviewDueAt());
            summary += "，" + ChineseDurations.format(moved.terms().reviewAfterSubsidedWithin()) + "内提交总结评估";
        }
        if (note != null) {
            summary += "（" + note + "）";
        }
        repository.append(caseId, now, TimelineKind.STATE_CHANGED, summary, actor, detail, null);
        ledger.append(caseId, LedgerKind.STATE_CHANGED, actor, summary, detail);
        return moved;
    }

    /**
     * Records the post-incident review (总结评估) of a subsided case: stops the review clock and lets the case
     * move to REVIEWED. Recorded once per subsidence.
     *
     * @param lessons lessons for plan revision (预案修订), or {@code null}
     * @param by      who records it (the actor on the record); must see the case's unit
     * @throws org.yuqing.security.OutOfScopeException when the case belongs to a unit outside {@code by}'s scope
     * @throws CaseConflictException when the case is not SUBSIDED or its review is already recorded
     */
    @Transactional
    CaseFile recordReview(UUID caseId, String summary, String lessons, Caller by) {
        CaseFile current = lockVisible(caseId, by);
        String actor = by.login();
        if (current.state() != CaseState.SUBSIDED) {
            throw new CaseConflictException("Review refused", "a review is recorded once the incident has subsided "
                    + "(state SUBSIDED); this case is " + current.state(), Map.of("state", current.state().name()));
        }
        if (current.reviewedAt() != null) {
            throw new CaseConflictException("Review refused", "the review of this case was recorded at "
                    + current.reviewedAt(), Map.of("state", current.state().name(), "reviewedAt", current.reviewedAt()));
        }
        Instant now = clock.instant();
        CaseFile reviewed = current.reviewed(now);
        repository.update(reviewed);
        repository.saveReview(caseId, summary, lessons);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("summary", summary);
        detail.put("lessons", lessons);
        detail.put("subsidedAt", current.subsidedAt());
        detail.put("reviewDueAt", current.reviewDueAt());
        detail.put("onTime", !now.isAfter(current.reviewDueAt()));
        String text = "提交总结评估（" + timeliness(now, current.reviewDueAt(), "按时", "超时") + "）：" + summary;
        repository.append(caseId, now, TimelineKind.REVIEW_RECORDED, text, actor, detail, null);
        ledger.append(caseId, LedgerKind.REVIEW_RECORDED, actor, text, detail);
        return reviewed;
    }

    /**
     * Opens a case by hand (人工立案) for an incident that has none, on {@link DefaultTerms} for the level
     * (clocks count from now), and publishes {@link CaseOpened} like a case opened by a grade. A later grade of
     * the incident escalates or notes on this case as usual. A level set by a person instead of the plan's grading
     * is audited as an {@link AuditTrail#OVERRIDE}.
     *
     * @param by who opens it (the actor on the record); may only open cases for units in their scope
     * @throws org.yuqing.security.ForbiddenUnitException when {@code unitId} lies outside {@code by}'s scope
     * @throws CaseConflictException when the incident already has a case; the problem names it
     */
    @Transactional
    CaseFile openByHand(UUID incidentId, String title, String unitId, Level level, String reason, Caller by) {
        by.requireMayActFor(unitId, "case for unit " + unitId);
        String actor = by.login();
        Instant now = clock.instant();
        ResponseTerms terms = DefaultTerms.at(level);
        CaseFile opened = CaseFile.openedByHand(UUID.randomUUID(), incidentId, unitId, title, level, terms, now);
        if (!repository.insert(opened)) {
            // Name the existing case only to a caller who may see it.
            UUID existing = repository.lockByIncident(incidentId).filter(c -> by.sees(c.unitId())).map(CaseFile::id)
                    .orElse(null);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("incidentId", incidentId);
            properties.put("caseId", existing);
            throw new CaseConflictException("Case exists", "incident " + incidentId + " already has a case"
                    + (existing == null ? "" : " " + existing), properties);
        }
        String summary = "人工立案：定为" + level.chineseName() + "舆情（" + reason + "），按默认时限"
                + ChineseDurations.format(terms.reportWithin()) + "内上报，"
                + ChineseDurations.format(terms.firstStatementWithin()) + "内首次发声";
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("level", level.name());
        detail.put("reason", reason);
        detail.put("planId", DefaultTerms.PLAN_ID);
        detail.put("reportDueAt", opened.reportDueAt());
        detail.put("firstStatementDueAt", opened.firstStatementDueAt());
        detail.put("statementApprovals", opened.statementApprovals());
        repository.append(opened.id(), now, TimelineKind.CASE_OPENED, summary, actor, detail, null);
        Map<String, Object> accountable = new LinkedHashMap<>(detail);
        accountable.put("incidentId", incidentId);
        accountable.put("unitId", unitId);
        accountable.put("title", title);
        ledger.append(opened.id(), LedgerKind.CASE_OPENED, actor, summary, accountable);
        outbox.publish(new CaseOpened(UUID.randomUUID(), now, opened.id(), incidentId, unitId, title, level,
                opened.reportDueAt(), opened.firstStatementDueAt(), opened.statementApprovals()));
        audit.done(AuditTrail.OVERRIDE, "case " + opened.id(), "opened by hand at level " + level.name() + " for unit "
                + unitId + " (incident " + incidentId + ") without a grade: " + reason);
        return opened;
    }

    /**
     * Sets who works a case (指派经办人), replacing the assignees it had; recorded on the timeline and in the ledger.
     * An assignment that changes nothing records nothing.
     *
     * @param assignees the people, each with the unit they act for; empty to unassign everyone
     * @param by        who assigns; must see the case and may only name units of their scope
     * @throws org.yuqing.security.OutOfScopeException   when the case is outside {@code by}'s scope (404)
     * @throws org.yuqing.security.ForbiddenUnitException when an assignee's unit is outside {@code by}'s scope (403)
     */
    @Transactional
    List<Assignee> assign(UUID caseId, List<Assignee> assignees, Caller by) {
        CaseFile current = lockVisible(caseId, by);
        for (Assignee a : assignees) {
            by.requireMayActFor(a.unitId(), "assignee " + a.login() + " acting for unit " + a.unitId());
        }
        List<Assignee> sorted = assignees.stream().sorted(Comparator.comparing(Assignee::login)).toList();
        List<Assignee> before = repository.assignees(caseId);
        if (before.equals(sorted)) {
            return before;
        }
        Instant now = clock.instant();
        repository.replaceAssignees(caseId, sorted, by.login(), now);
        String summary = sorted.isEmpty() ? "指派：取消全部经办人"
                : "指派经办人：" + String.join("、", sorted.stream().map(a -> a.login() + "（" + a.unitId() + "）").toList());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("assignees", sorted);
        detail.put("previous", before);
        repository.append(current.id(), now, TimelineKind.ASSIGNED, summary, by.login(), detail, null);
        ledger.append(current.id(), LedgerKind.ASSIGNED, by.login(), summary, detail);
        return sorted;
    }

    /**
     * Keeps one measurement of an incident's heat from monitoring's feed, whether or not the incident has a case yet;
     * a redelivered event keeps nothing more.
     */
    @Transactional
    void applyHeat(UUID eventId, UUID incidentId, HeatPoint point) {
        repository.recordHeat(eventId, incidentId, point);
    }

    /**
     * The heat series of a case's incident, oldest first (empty when monitoring reported none).
     *
     * @throws CaseNotFoundException when there is no such case
     * @throws org.yuqing.security.OutOfScopeException when the case is outside {@code by}'s scope (404)
     */
    @Transactional(readOnly = true)
    HeatSeries heat(UUID caseId, Caller by) {
        CaseFile c = repository.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        by.requireSees(c.unitId(), "case " + caseId);
        return new HeatSeries(c.id(), c.incidentId(), repository.heat(c.incidentId()));
    }

    /**
     * Cases of the units {@code by} sees, newest first, filtered in the query.
     *
     * @param unitId only this unit's cases, or {@code null} for every unit in scope
     * @param state  only cases in this state, or {@code null}
     */
    @Transactional(readOnly = true)
    List<CaseWithAssignees> list(String unitId, CaseState state, int limit, Caller by) {
        List<CaseFile> found = repository.list(unitId, state, by.unitScope(), limit);
        Map<UUID, List<Assignee>> assignees = repository.assigneesOf(found.stream().map(CaseFile::id).toList());
        return found.stream().map(c -> new CaseWithAssignees(c, assignees.getOrDefault(c.id(), List.of()))).toList();
    }

    /**
     * The case and its timeline (oldest first), read in one transaction.
     *
     * @return empty when there is no such case
     * @throws org.yuqing.security.OutOfScopeException when the case belongs to a unit outside {@code by}'s scope
     */
    @Transactional(readOnly = true)
    Optional<CaseWithTimeline> find(UUID id, Caller by) {
        Optional<CaseFile> found = repository.find(id);
        found.ifPresent(c -> by.requireSees(c.unitId(), "case " + id));
        Instant now = clock.instant();
        return found.map(c -> {
            Map<String, Object> shown = new LinkedHashMap<>();
            sections.forEach(section -> shown.put(section.name(), section.of(id, now)));
            return new CaseWithTimeline(c, repository.timeline(id), shown, allowed(c), repository.assignees(id));
        });
    }

    /**
     * Adds a comment (批注) by {@code by} to the case's timeline; a closed case takes comments too.
     *
     * @throws org.yuqing.security.OutOfScopeException when the case belongs to a unit outside {@code by}'s scope
     */
    @Transactional
    void comment(UUID caseId, String text, Caller by) {
        CaseFile current = lockVisible(caseId, by);
        repository.append(current.id(), clock.instant(), TimelineKind.COMMENTED, "批注：" + text, by.login(),
                Map.of("text", text), null);
    }

    // The workflow's moves that pass their guards and, for closing, every section's (e.g. no open tasks).
    private List<CaseState> allowed(CaseFile c) {
        return CaseWorkflow.allowed(c).stream()
                .filter(to -> to != CaseState.REVIEWED || closingRefusal(c.id()).isEmpty()).toList();
    }

    private Optional<String> closingRefusal(UUID caseId) {
        return sections.stream().map(s -> s.closingRefusal(caseId)).flatMap(Optional::stream).findFirst();
    }

    // The case locked for a change; another unit's case is refused exactly like an unknown id (404).
    private CaseFile lockVisible(UUID caseId, Caller by) {
        CaseFile current = repository.lock(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        by.requireSees(current.unitId(), "case " + caseId);
        return current;
    }

    /** The current time of this service's clock. */
    Instant now() {
        return clock.instant();
    }

    private void open(IncidentGraded grade) {
        Instant now = clock.instant();
        CaseFile opened = CaseFile.openedBy(grade, UUID.randomUUID(), now, properties.progressUpdateEvery(grade.planId()));
        if (!repository.insert(opened)) {
            return;
        }
        ResponseTerms terms = grade.terms();
        String plan = properties.planName(grade.planId());
        String inquiry = opened.followups().inquiryReplyDueAt() == null ? ""
                : "；询问质疑类，须于" + BEIJING.format(opened.followups().inquiryReplyDueAt()) + "前答复";
        String summary = (grade.previousLevel() == null || !grade.level().isAbove(grade.previousLevel())
                ? "按" + plan + "定为" + grade.level().chineseName() + "舆情"
                : "按" + plan + "由" + grade.previousLevel().chineseName() + "升级为" + grade.level().chineseName() + "舆情")
                + "，" + ChineseDurations.format(terms.reportWithin()) + "内上报，"
                + ChineseDurations.format(terms.firstStatementWithin()) + "内首次发声" + inquiry;
        Map<String, Object> detail = gradeDetail(grade);
        detail.put("reportDueAt", opened.reportDueAt());
        detail.put("inquiryReplyDueAt", opened.followups().inquiryReplyDueAt());
        detail.put("firstStatementDueAt", opened.firstStatementDueAt());
        detail.put("statementApprovals", opened.statementApprovals());
        repository.append(opened.id(), grade.occurredAt(), TimelineKind.CASE_OPENED, summary, SYSTEM, detail,
                grade.eventId());
        Map<String, Object> accountable = caused(detail, grade.eventId(), grade.occurredAt());
        accountable.put("incidentId", opened.incidentId());
        accountable.put("unitId", opened.unitId());
        accountable.put("title", opened.title());
        accountable.put("planName", plan);
        ledger.append(opened.id(), LedgerKind.CASE_OPENED, SYSTEM, summary, accountable);
        outbox.publish(new CaseOpened(derivedId("CaseOpened", grade.eventId()), now, opened.id(), opened.incidentId(),
                opened.unitId(), opened.title(), opened.level(), opened.reportDueAt(), opened.firstStatementDueAt(),
                opened.statementApprovals()));
    }

    private void escalate(CaseFile current, IncidentGraded grade) {
        CaseFile escalated = current.escalatedBy(grade, clock.instant());
        repository.update(escalated);
        Level from = current.level();
        String summary = "按" + properties.planName(grade.planId()) + "由" + from.chineseName() + "升级为"
                + grade.level().chineseName() + "舆情，"
                + (current.reportedAt() == null
                ? "上报时限自升级时起重新计算：" + ChineseDurations.format(grade.terms().reportWithin()) + "内上报"
                : "已上报，请按新级别续报")
                + (current.state() != escalated.state() ? "；已平息的事件重新进入动态跟踪，总结评估时限停止" : "");
        Map<String, Object> detail = gradeDetail(grade);
        detail.put("from", from.name());
        if (current.state() != escalated.state()) {
            detail.put("stateFrom", current.state().name());
            detail.put("stateTo", escalated.state().name());
        }
        detail.put("reportDueAt", escalated.reportDueAt());
        detail.put("firstStatementDueAt", escalated.firstStatementDueAt());
        detail.put("statementApprovals", escalated.statementApprovals());
        repository.append(current.id(), grade.occurredAt(), TimelineKind.ESCALATED, summary, SYSTEM, detail,
                grade.eventId());
        ledger.append(current.id(), LedgerKind.ESCALATED, SYSTEM, summary,
                caused(detail, grade.eventId(), grade.occurredAt()));
        outbox.publish(new CaseEscalated(derivedId("CaseEscalated", grade.eventId()), clock.instant(), current.id(),
                current.incidentId(), current.unitId(), escalated.level(), from, escalated.reportDueAt(),
                escalated.firstStatementDueAt(), escalated.statementApprovals()));
    }

    // The step as the plans name it (单位负责人, 分管领导, 主要领导); a step this build does not know, as sent.
    private static String stepName(String step) {
        for (ApprovalStep s : ApprovalStep.values()) {
            if (s.name().equals(step)) {
                return s.chineseName();
            }
        }
        return step;
    }

    private static Map<String, Object> gradeDetail(IncidentGraded grade) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("level", grade.level().name());
        detail.put("previousLevel", grade.previousLevel() == null ? null : grade.previousLevel().name());
        detail.put("category", grade.category().name());
        detail.put("reasons", grade.reasons());
        detail.put("planId", grade.planId());
        detail.put("planVersion", grade.planVersion());
        return detail;
    }

    // The ledger records when it wrote an entry; when the fact happened and what caused it go in the detail.
    private static Map<String, Object> caused(Map<String, Object> detail, UUID eventId, Instant occurredAt) {
        Map<String, Object> copy = new LinkedHashMap<>(detail);
        copy.put("occurredAt", occurredAt);
        copy.put("causeEventId", eventId);
        return copy;
    }

    private static String inquiryNote(CaseFile before, CaseFile after) {
        Instant due = after.followups().inquiryReplyDueAt();
        if (due != null && before.followups().inquiryReplyDueAt() == null) {
            return "，须于" + BEIJING.format(due) + "前答复";
        }
        if (due == null && before.followups().inquiryReplyDueAt() != null) {
            return "，不再按询问质疑答复";
        }
        return "";
    }

    private static String timeliness(Instant at, Instant due, String onTime, String late) {
        if (!at.isAfter(due)) {
            return onTime;
        }
        // Whole minutes, rounded up, so a late report never reads as "0 minutes late".
        Duration lateBy = Duration.ofMinutes(Duration.between(due, at).plusSeconds(59).toMinutes());
        return late + ChineseDurations.format(lateBy);
    }

    // Derived from the causing event, so the event a grade causes has the same id however often it is applied.
    private static UUID derivedId(String kind, UUID cause) {
        return UUID.nameUUIDFromBytes((kind + ":" + cause).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A case with its timeline, what other features show on it (by property name) and the moves it may make now.
     */
    record CaseWithTimeline(CaseFile caseFile, List<TimelineItem> timeline, Map<String, Object> sections,
                            List<CaseState> nextStates, List<Assignee> assignees) {
    }

    /** A case in a list, with who works it. */
    record CaseWithAssignees(CaseFile caseFile, List<Assignee> assignees) {
    }

    /** The heat series of a case's incident, oldest first. */
    record HeatSeries(UUID caseId, UUID incidentId, List<HeatPoint> points) {
    }
}
