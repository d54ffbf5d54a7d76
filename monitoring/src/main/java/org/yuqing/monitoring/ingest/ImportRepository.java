package org.yuqing.monitoring.ingest;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Repository;
import org.yuqing.monitoring.db.tables.records.PostImportRecord;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.yuqing.monitoring.db.Tables.POST_IMPORT;

/** File imports and their progress, in {@code monitoring.post_import}. */
@Repository
class ImportRepository {

    private static final TypeReference<List<ImportStatus.LineError>> ERRORS = new TypeReference<>() {
    };

    private final DSLContext db;
    private final JsonMapper json;

    ImportRepository(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    void insert(UUID id, String owner, String fileName, ImportFile file, Instant now) {
        db.insertInto(POST_IMPORT)
                .set(POST_IMPORT.ID, id)
                .set(POST_IMPORT.OWNER, owner)
                .set(POST_IMPORT.FILE_NAME, fileName)
                .set(POST_IMPORT.FORMAT, file.format().name())
                .set(POST_IMPORT.CHARSET, file.charset().name())
                .set(POST_IMPORT.STATE, "QUEUED")
                .set(POST_IMPORT.TOTAL_LINES, file.records().size())
                .set(POST_IMPORT.CREATED_AT, utc(now))
                .set(POST_IMPORT.UPDATED_AT, utc(now))
                .execute();
    }

    void progress(UUID id, String state, int processed, int ingested, int failed, List<ImportStatus.LineError> errors,
                  String message, Instant now, boolean finished) {
        db.update(POST_IMPORT)
                .set(POST_IMPORT.STATE, state)
                .set(POST_IMPORT.PROCESSED, processed)
                .set(POST_IMPORT.INGESTED, ingested)
                .set(POST_IMPORT.FAILED, failed)
                .set(POST_IMPORT.ERRORS, JSONB.valueOf(json.writeValueAsString(errors)))
                .set(POST_IMPORT.MESSAGE, message)
                .set(POST_IMPORT.UPDATED_AT, utc(now))
                .set(POST_IMPORT.FINISHED_AT, finished ? utc(now) : null)
                .where(POST_IMPORT.ID.eq(id))
                .execute();
    }

    Optional<ImportStatus> find(UUID id) {
        return db.selectFrom(POST_IMPORT).where(POST_IMPORT.ID.eq(id)).fetchOptional().map(this::status);
    }

    /** The import's owner, if it exists. */
    Optional<String> owner(UUID id) {
        return db.select(POST_IMPORT.OWNER).from(POST_IMPORT).where(POST_IMPORT.ID.eq(id)).fetchOptional(POST_IMPORT.OWNER);
    }

    private ImportStatus status(PostImportRecord r) {
        return new ImportStatus(r.getId(), r.getFileName(), r.getFormat(), r.getCharset(), r.getState(), r.getTotalLines(),
                r.getProcessed(), r.getIngested(), r.getFailed(), json.readValue(r.getErrors().data(), ERRORS),
                r.getMessage(), r.getCreatedAt().toInstant(),
                r.getFinishedAt() == null ? null : r.getFinishedAt().toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
