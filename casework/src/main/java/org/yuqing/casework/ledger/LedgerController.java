package org.yuqing.casework.ledger;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.security.Caller;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The ledger API: {@code GET /api/casework/ledger/verify} checks the whole chain (it answers valid or not, the count
 * and the first broken position, never case content, so every person may call it);
 * {@code GET /api/casework/cases/{id}/ledger} lists a case's entries to callers who see the case's unit.
 */
@RestController
class LedgerController {

    private final Ledger ledger;

    LedgerController(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/api/casework/ledger/verify")
    LedgerVerification verify() {
        return ledger.verify();
    }

    @GetMapping("/api/casework/cases/{id}/ledger")
    List<EntryView> ofCase(@PathVariable UUID id, Caller caller) {
        // The same words as every other 404 of casework, so an unknown id and another unit's case look alike.
        String unit = ledger.unitOf(id).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "未找到：对象不存在，或不属于您的单位。"), null));
        caller.requireSees(unit, "case " + id);
        return ledger.entriesOf(id).stream().map(EntryView::of).toList();
    }

    /** A ledger entry as the API shows it; {@code hash} is lower-case hex. */
    record EntryView(long seq, Instant at, String kind, String actor, String summary, String hash) {

        static EntryView of(LedgerEntry e) {
            return new EntryView(e.seq(), e.at(), e.kind(), e.actor(), e.summary(), e.hashHex());
        }
    }
}
