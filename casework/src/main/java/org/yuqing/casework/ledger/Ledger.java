package org.yuqing.casework.ledger;

import org.jooq.Cursor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yuqing.casework.db.tables.records.LedgerEntryRecord;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The accountability record (问责记录): one append-only chain over all cases, where each entry's hash
 * covers its contents and its predecessor's hash. The database refuses updates, deletes and truncation;
 * {@link #verify()} shows any change made around that.
 */
@Service
public class Ledger {

    private final LedgerRepository repository;
    private final Clock clock;
    private final JsonMapper json;
    private final ObjectReader exactReader;

    Ledger(LedgerRepository repository, Clock clock, JsonMapper json) {
        this.repository = repository;
        this.clock = clock;
        this.json = json;
        // Decimals read exactly, so the canonical text of a stored number never depends on double rounding.
        this.exactReader = json.readerFor(JsonNode.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /**
     * Appends an entry, recorded now, inside the caller's transaction: it commits or rolls back with the
     * change it records. Concurrent appends wait for each other until commit, so the chain stays linear.
     *
     * @param detail the facts behind the summary; serialised to JSON (instants as ISO-8601 UTC)
     * @throws org.springframework.transaction.IllegalTransactionStateException when called outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public LedgerEntry append(UUID caseId, LedgerKind kind, String actor, String summary, Map<String, ?> detail) {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(summary, "summary");
        // Hash exactly what verification will read back: jsonb's normal form, canonicalised.
        String detailJson = canonical(repository.asStoredJsonb(json.writeValueAsString(detail == null ? Map.of() : detail)));
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        repository.lockChain();
        byte[] prev = repository.headHash().orElse(LedgerHash.GENESIS);
        long seq = repository.nextSeq();
        byte[] hash = LedgerHash.of(seq, caseId, at, kind.name(), actor, summary, detailJson, prev);
        repository.insert(seq, caseId, at, kind.name(), actor, summary, detailJson, prev, hash);
        return new LedgerEntry(seq, caseId, at, kind.name(), actor, summary, hash);
    }

    /** A case's entries, oldest first; empty for a case without any. */
    @Transactional(readOnly = true)
    public List<LedgerEntry> entriesOf(UUID caseId) {
        return repository.ofCase(caseId).stream().map(Ledger::entry).toList();
    }

    /** The owning unit of a case; empty when no case has this id. */
    @Transactional(readOnly = true)
    public Optional<String> unitOf(UUID caseId) {
        return repository.unitOf(caseId);
    }

    /**
     * Walks the whole chain in seq order, recomputing every hash and checking every link, and names the
     * first broken entry. Reads one consistent snapshot; appends may go on meanwhile.
     */
    @Transactional(readOnly = true)
    public LedgerVerification verify() {
        byte[] expectedPrev = LedgerHash.GENESIS;
        long count = 0;
        Long previousSeq = null;
        Long firstBroken = null;
        String reason = null;
        try (Cursor<LedgerEntryRecord> cursor = repository.all()) {
            for (LedgerEntryRecord r : cursor) {
                count++;
                String problem = null;
                if (!Arrays.equals(r.getPrevHash(), expectedPrev)) {
                    problem = previousSeq == null
                            ? "the first entry does not start the chain (its prev_hash is not 32 zero bytes)"
                            : "prev_hash does not match the hash of entry " + previousSeq
                            + " (an entry between them was removed, or that entry's hash was rewritten)";
                } else if (!Arrays.equals(r.getHash(), LedgerHash.of(r.getSeq(), r.getCaseId(), r.getAt().toInstant(),
                        r.getKind(), r.getActor(), r.getSummary(), canonical(r.getDetail().data()), r.getPrevHash()))) {
                    problem = "the stored hash does not match the entry's contents (the entry was altered)";
                }
                if (problem != null && firstBroken == null) {
                    firstBroken = r.getSeq();
                    reason = "entry " + r.getSeq() + ": " + problem;
                }
                expectedPrev = r.getHash();
                previousSeq = r.getSeq();
            }
        }
        String head = previousSeq == null ? null : HexFormat.of().formatHex(expectedPrev);
        return new LedgerVerification(firstBroken == null, count, firstBroken, reason, head);
    }

    private String canonical(String storedJson) {
        return LedgerHash.canonicalJson(exactReader.readValue(storedJson), json);
    }

    private static LedgerEntry entry(LedgerEntryRecord r) {
        return new LedgerEntry(r.getSeq(), r.getCaseId(), r.getAt().toInstant(), r.getKind(), r.getActor(),
                r.getSummary(), r.getHash());
    }
}
