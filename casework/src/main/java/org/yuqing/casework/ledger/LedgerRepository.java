package org.yuqing.casework.ledger;

import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Repository;
import org.yuqing.casework.db.tables.records.LedgerEntryRecord;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.yuqing.casework.db.Tables.CASE_FILE;
import static org.yuqing.casework.db.Tables.LEDGER_ENTRY;

/** Reads and appends ledger rows in schema {@code casework}; it never updates or deletes one. */
@Repository
class LedgerRepository {

    // One key for the one chain: every append holds it until its transaction ends.
    private static final long CHAIN_LOCK = "yuqing.casework.ledger".hashCode();

    private final DSLContext db;

    LedgerRepository(DSLContext db) {
        this.db = db;
    }

    /** Serialises appends until the end of the current transaction. */
    void lockChain() {
        db.fetch("select 1 from pg_advisory_xact_lock(?)", CHAIN_LOCK);
    }

    /** The hash of the newest entry, if any; call with the chain locked. */
    Optional<byte[]> headHash() {
        return db.select(LEDGER_ENTRY.HASH).from(LEDGER_ENTRY).orderBy(LEDGER_ENTRY.SEQ.desc()).limit(1)
                .fetchOptional(LEDGER_ENTRY.HASH);
    }

    long nextSeq() {
        String table = LEDGER_ENTRY.getSchema().getName() + "." + LEDGER_ENTRY.getName();
        return db.fetchValue("select nextval(pg_get_serial_sequence(?, 'seq'))", table) instanceof Number n
                ? n.longValue() : failNoSequence(table);
    }

    /** The text PostgreSQL gives back for {@code json} stored as jsonb (its normal form). */
    String asStoredJsonb(String json) {
        return db.fetchValue("select cast(? as jsonb)::text", json).toString();
    }

    void insert(long seq, UUID caseId, Instant at, String kind, String actor, String summary, String detail,
                byte[] prevHash, byte[] hash) {
        db.insertInto(LEDGER_ENTRY)
                .set(LEDGER_ENTRY.SEQ, seq)
                .set(LEDGER_ENTRY.CASE_ID, caseId)
                .set(LEDGER_ENTRY.AT, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .set(LEDGER_ENTRY.KIND, kind)
                .set(LEDGER_ENTRY.ACTOR, actor)
                .set(LEDGER_ENTRY.SUMMARY, summary)
                .set(LEDGER_ENTRY.DETAIL, JSONB.valueOf(detail))
                .set(LEDGER_ENTRY.PREV_HASH, prevHash)
                .set(LEDGER_ENTRY.HASH, hash)
                .execute();
    }

    /** A case's entries, oldest first. */
    List<LedgerEntryRecord> ofCase(UUID caseId) {
        return db.selectFrom(LEDGER_ENTRY).where(LEDGER_ENTRY.CASE_ID.eq(caseId)).orderBy(LEDGER_ENTRY.SEQ).fetch();
    }

    /** The owning unit of a case, empty when there is no such case. */
    Optional<String> unitOf(UUID caseId) {
        return db.select(CASE_FILE.UNIT_ID).from(CASE_FILE).where(CASE_FILE.ID.eq(caseId)).fetchOptional(CASE_FILE.UNIT_ID);
    }

    /** Every entry in chain order, streamed; needs a transaction so PostgreSQL can use a cursor. */
    Cursor<LedgerEntryRecord> all() {
        return db.selectFrom(LEDGER_ENTRY).orderBy(LEDGER_ENTRY.SEQ).fetchSize(1_000).fetchLazy();
    }

    private static long failNoSequence(String table) {
        throw new IllegalStateException("no serial sequence for " + table + ".seq");
    }
}
