package org.yuqing.casework.ledger;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The ledger API: {@code GET /api/casework/ledger/verify} checks the whole chain,
 * {@code GET /api/casework/cases/{id}/ledger} lists a case's entries.
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
    List<EntryView> ofCase(@PathVariable UUID id) {
        List<LedgerEntry> entries = ledger.entriesOf(id);
        if (entries.isEmpty() && !ledger.caseExists(id)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No case has id " + id);
            problem.setTitle("Case not found");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }
        return entries.stream().map(EntryView::of).toList();
    }

    /** A ledger entry as the API shows it; {@code hash} is lower-case hex. */
    record EntryView(long seq, Instant at, String kind, String actor, String summary, String hash) {

        static EntryView of(LedgerEntry e) {
            return new EntryView(e.seq(), e.at(), e.kind(), e.actor(), e.summary(), e.hashHex());
        }
    }
}
