package org.yuqing.casework.ledger;

/**
 * The outcome of walking the whole chain.
 *
 * @param valid          whether every entry links to its predecessor and its hash matches its contents
 * @param entries        how many entries were checked (all of them)
 * @param firstBrokenSeq the first entry that fails, or {@code null} when valid
 * @param reason         what is wrong with that entry, or {@code null} when valid
 * @param headHash       hex hash of the last entry as stored (null for an empty ledger): publish or store it elsewhere
 *                       to detect a removal of the newest entries, which the chain alone cannot show
 */
public record LedgerVerification(boolean valid, long entries, Long firstBrokenSeq, String reason, String headHash) {
}
