package org.yuqing.casework.ledger;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One entry of the accountability record as stored.
 *
 * @param seq     position in the single global chain; grows in commit order, may have gaps (rolled-back appends)
 * @param at      when the entry was recorded, UTC, microsecond precision
 * @param kind    stored name of a {@link LedgerKind}
 * @param hash    SHA-256 of the entry's canonical encoding (32 bytes)
 */
public record LedgerEntry(long seq, UUID caseId, Instant at, String kind, String actor, String summary,
                          byte[] hash) {

    /** The hash as lower-case hex. */
    public String hashHex() {
        return HexFormat.of().formatHex(hash);
    }
}
