package org.yuqing.casework.attachments;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.yuqing.casework.cases.CaseSection;
import org.yuqing.casework.cases.CaseTimeline;
import org.yuqing.casework.cases.TimelineKind;
import org.yuqing.casework.ledger.Ledger;
import org.yuqing.casework.ledger.LedgerKind;
import org.yuqing.security.Caller;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Attachments of a case (附件), for callers who see the case's unit (others get 404, like an unknown id). The
 * SHA-256 of the bytes is recorded with the file and in the accountability ledger when it is uploaded, and
 * recomputed on every download: bytes that no longer match are never served (409 "checksum mismatch").
 */
@Service
class Attachments implements CaseSection {

    /** The detail of every 404 of casework. */
    static final String NOT_FOUND = "未找到：对象不存在，或不属于您的单位。";

    private final AttachmentRepository repository;
    private final CaseTimeline cases;
    private final Ledger ledger;
    private final Clock clock;

    Attachments(AttachmentRepository repository, CaseTimeline cases, Ledger ledger, Clock clock) {
        this.repository = repository;
        this.cases = cases;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Attaches a file to a case; its upload goes to the timeline and, with its checksum, to the ledger.
     *
     * @throws org.yuqing.security.OutOfScopeException when the case is outside {@code by}'s scope (404)
     */
    @Transactional
    Attachment attach(UUID caseId, String fileName, String contentType, byte[] content, Caller by) {
        cases.lockForWork(caseId, by);
        Instant now = clock.instant();
        byte[] sha256 = sha256(content);
        Attachment a = new Attachment(UUID.randomUUID(), caseId, fileName, contentType, content.length, sha256,
                by.login(), now);
        repository.insert(a, content);
        String hex = HexFormat.of().formatHex(sha256);
        String summary = "上传附件《" + fileName + "》（" + content.length + " 字节，SHA-256 " + hex + "）";
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("attachmentId", a.id());
        detail.put("fileName", fileName);
        detail.put("contentType", contentType);
        detail.put("size", content.length);
        detail.put("sha256", hex);
        cases.record(caseId, now, TimelineKind.ATTACHMENT_ADDED, summary, by.login(), detail);
        ledger.append(caseId, LedgerKind.ATTACHMENT_ADDED, by.login(), summary, detail);
        return a;
    }

    /**
     * An attachment with its bytes, checked against the checksum recorded at upload.
     *
     * @throws org.yuqing.security.OutOfScopeException when the case is outside {@code by}'s scope (404)
     * @throws ErrorResponseException 404 when the case has no such attachment, 409 when the bytes do not match
     */
    @Transactional(readOnly = true)
    AttachmentRepository.Stored read(UUID caseId, UUID attachmentId, Caller by) {
        cases.visible(caseId, by);
        AttachmentRepository.Stored stored = repository.find(caseId, attachmentId).orElseThrow(() ->
                new ErrorResponseException(HttpStatus.NOT_FOUND,
                        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, NOT_FOUND), null));
        byte[] actual = sha256(stored.content());
        if (!MessageDigest.isEqual(actual, stored.attachment().sha256())) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "checksum mismatch: the "
                    + "stored bytes of attachment " + attachmentId + " no longer match the SHA-256 recorded at upload");
            problem.setTitle("Checksum mismatch");
            problem.setProperty("expectedSha256", HexFormat.of().formatHex(stored.attachment().sha256()));
            problem.setProperty("actualSha256", HexFormat.of().formatHex(actual));
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
        return stored;
    }

    @Override
    public String name() {
        return "attachments";
    }

    /** The case's attachments as the case detail lists them (without bytes). */
    @Override
    public List<AttachmentView> of(UUID caseId, Instant now) {
        return repository.ofCase(caseId).stream().map(AttachmentView::of).toList();
    }

    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * An attachment as the API shows it.
     *
     * @param sha256 lower-case hex
     * @param href   where to download it
     */
    record AttachmentView(UUID id, String fileName, String contentType, long size, String sha256, String uploadedBy,
                          Instant uploadedAt, String href) {

        static AttachmentView of(Attachment a) {
            return new AttachmentView(a.id(), a.fileName(), a.contentType(), a.size(),
                    HexFormat.of().formatHex(a.sha256()), a.uploadedBy(), a.uploadedAt(),
                    "/api/casework/cases/" + a.caseId() + "/attachments/" + a.id());
        }
    }
}
