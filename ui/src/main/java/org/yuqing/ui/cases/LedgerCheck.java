package org.yuqing.ui.cases;

import java.time.Instant;

/**
 * The accountability ledger as casework reports it: {@code GET /api/casework/ledger/verify} walks the whole
 * hash chain, {@code GET /api/casework/cases/{id}/ledger} lists one case's entries.
 *
 * @param valid          whether every entry links to its predecessor and matches its hash
 * @param entries        how many entries were checked
 * @param firstBrokenSeq the first entry that fails, {@code null} when valid
 * @param reason         what is wrong with it, {@code null} when valid
 * @param headHash       hex hash of the newest entry
 */
record LedgerCheck(boolean valid, long entries, Long firstBrokenSeq, String reason, String headHash) {

    /**
     * One entry of a case's ledger.
     *
     * @param hash lower-case hex SHA-256 of the entry
     */
    record Entry(long seq, Instant at, String kind, String actor, String summary, String hash) {
    }
}
