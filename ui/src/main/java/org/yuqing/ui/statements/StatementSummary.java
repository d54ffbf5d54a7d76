package org.yuqing.ui.statements;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A statement as {@code GET /api/publishing/statements} lists it (no body, no approvals).
 *
 * @param id          statement id
 * @param caseId      its case
 * @param kind        kind code, e.g. {@code FACT_REPORT}
 * @param kindName    the kind's Chinese name from the service
 * @param title       title
 * @param state       {@code DRAFT}, {@code APPROVED} or {@code PUBLISHED}
 * @param createdBy   login of the drafter
 * @param createdAt   when drafted
 * @param updatedAt   last change
 * @param publishedAt when published, {@code null} before
 * @param publicUrl   its page on the public site once published
 * @param scheduledAt when its release is scheduled (定时发布), {@code null} when none
 * @param withdrawnKind {@code RETRACTION} or {@code CORRECTION} once taken back, else {@code null}
 * @param corrects    for a correction notice: the statement it corrects
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatementSummary(String id, String caseId, String kind, String kindName, String title, String state,
                               String createdBy, Instant createdAt, Instant updatedAt, Instant publishedAt,
                               String publicUrl, Instant scheduledAt, String withdrawnKind,
                               String corrects) {
}
