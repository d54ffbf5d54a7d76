package org.yuqing.monitoring.incidents;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.security.Caller;

import java.util.List;

/**
 * HTTP API of the negative lexicon (负面词库): {@code GET /api/monitoring/negative-words} (every person) and
 * {@code PUT /api/monitoring/negative-words {"words":[…]}} (administrators). It is one lexicon for every unit.
 */
@RestController
class NegativeLexiconController {

    /** The body of a replacement. */
    record Words(List<String> words) {
    }

    private final NegativeLexicon lexicon;

    NegativeLexiconController(NegativeLexicon lexicon) {
        this.lexicon = lexicon;
    }

    @GetMapping("/api/monitoring/negative-words")
    NegativeLexicon.Lexicon get() {
        return lexicon.lexicon();
    }

    @PutMapping("/api/monitoring/negative-words")
    NegativeLexicon.Lexicon replace(@RequestBody Words body, Caller caller) {
        return lexicon.replace(body.words(), caller);
    }
}
