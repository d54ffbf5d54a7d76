package org.yuqing.casework.attachments;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.yuqing.casework.db.Tables.CASE_ATTACHMENT;

/** Stores attachments, bytes included, in schema {@code casework}. */
@Repository
class AttachmentRepository {

    private final DSLContext db;

    AttachmentRepository(DSLContext db) {
        this.db = db;
    }

    void insert(Attachment a, byte[] content) {
        db.insertInto(CASE_ATTACHMENT)
                .set(CASE_ATTACHMENT.ID, a.id())
                .set(CASE_ATTACHMENT.CASE_ID, a.caseId())
                .set(CASE_ATTACHMENT.FILE_NAME, a.fileName())
                .set(CASE_ATTACHMENT.CONTENT_TYPE, a.contentType())
                .set(CASE_ATTACHMENT.SIZE, a.size())
                .set(CASE_ATTACHMENT.SHA256, a.sha256())
                .set(CASE_ATTACHMENT.CONTENT, content)
                .set(CASE_ATTACHMENT.UPLOADED_BY, a.uploadedBy())
                .set(CASE_ATTACHMENT.UPLOADED_AT, OffsetDateTime.ofInstant(a.uploadedAt(), ZoneOffset.UTC))
                .execute();
    }

    /** An attachment of a case with its bytes. */
    Optional<Stored> find(UUID caseId, UUID attachmentId) {
        return db.select(CASE_ATTACHMENT.fields()).from(CASE_ATTACHMENT)
                .where(CASE_ATTACHMENT.ID.eq(attachmentId)).and(CASE_ATTACHMENT.CASE_ID.eq(caseId))
                .fetchOptional(r -> new Stored(attachment(r), r.get(CASE_ATTACHMENT.CONTENT)));
    }

    /** The attachments of a case, oldest first, without their bytes. */
    List<Attachment> ofCase(UUID caseId) {
        return db.select(CASE_ATTACHMENT.ID, CASE_ATTACHMENT.CASE_ID, CASE_ATTACHMENT.FILE_NAME,
                        CASE_ATTACHMENT.CONTENT_TYPE, CASE_ATTACHMENT.SIZE, CASE_ATTACHMENT.SHA256,
                        CASE_ATTACHMENT.UPLOADED_BY, CASE_ATTACHMENT.UPLOADED_AT)
                .from(CASE_ATTACHMENT).where(CASE_ATTACHMENT.CASE_ID.eq(caseId))
                .orderBy(CASE_ATTACHMENT.UPLOADED_AT, CASE_ATTACHMENT.ID)
                .fetch(AttachmentRepository::attachment);
    }

    private static Attachment attachment(Record r) {
        return new Attachment(r.get(CASE_ATTACHMENT.ID), r.get(CASE_ATTACHMENT.CASE_ID),
                r.get(CASE_ATTACHMENT.FILE_NAME), r.get(CASE_ATTACHMENT.CONTENT_TYPE), r.get(CASE_ATTACHMENT.SIZE),
                r.get(CASE_ATTACHMENT.SHA256), r.get(CASE_ATTACHMENT.UPLOADED_BY),
                r.get(CASE_ATTACHMENT.UPLOADED_AT).toInstant());
    }

    /** An attachment and its bytes as stored. */
    record Stored(Attachment attachment, byte[] content) {
    }
}
