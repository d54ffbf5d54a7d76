package org.yuqing.monitoring.incidents;

import org.jooq.DSLContext;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yuqing.monitoring.matching.TextNormalizer;
import org.yuqing.monitoring.web.InvalidRequestException;
import org.yuqing.security.AuditTrail;
import org.yuqing.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.yuqing.monitoring.db.Tables.NEGATIVE_LEXICON;

/**
 * The negative lexicon (负面词库) behind each incident's negative share: a post is negative when its title or text
 * contains one of its words (compared normalised: full/half width, traditional/simplified, case). The configured
 * words ({@code yuqing.monitoring.negative.words}) apply until an administrator replaces them through the API; the
 * replacement is stored in PostgreSQL, audited, and picked up by the other replicas within
 * {@code yuqing.monitoring.topic-refresh}. A changed lexicon applies to posts recorded from then on (a post submitted
 * again, or a topic's backfill run again, is judged anew).
 */
@Component
public class NegativeLexicon {

    /** The longest word the lexicon takes. */
    static final int MAX_WORD_LENGTH = 20;
    /** The most words the lexicon takes. */
    static final int MAX_WORDS = 2_000;

    /**
     * The lexicon in force.
     *
     * @param words     its words, as entered
     * @param source    {@code CONFIG} (the configured words) or {@code API} (set by an administrator)
     * @param updatedBy who set it through the API, else absent
     * @param updatedAt when, else absent
     */
    public record Lexicon(List<String> words, String source, String updatedBy, Instant updatedAt) {
    }

    /** A lexicon word with its normalised form. */
    private record Word(String word, String normalised) {
    }

    private final DSLContext db;
    private final NegativeLexiconProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private volatile Lexicon lexicon;
    private volatile List<Word> words;

    NegativeLexicon(DSLContext db, NegativeLexiconProperties properties, AuditTrail audit, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        use(new Lexicon(properties.words(), "CONFIG", null, null));
    }

    /** The lexicon in force. */
    public Lexicon lexicon() {
        return lexicon;
    }

    /**
     * The lexicon words the post contains, in lexicon order; empty when it is not negative.
     *
     * @param title its title, may be blank
     * @param text  its text
     */
    public List<String> hits(String title, String text) {
        String normalised = TextNormalizer.normalize((title == null ? "" : title) + "\n" + (text == null ? "" : text));
        List<String> hits = new ArrayList<>();
        for (Word w : words) {
            if (normalised.contains(w.normalised())) {
                hits.add(w.word());
            }
        }
        return hits;
    }

    /**
     * Replaces the lexicon (administrators; audited as a configuration change).
     *
     * @param newWords the words, at least one; blanks trimmed, duplicates dropped
     * @throws InvalidRequestException when there is no word, too many, or one is too long
     */
    @Transactional
    public Lexicon replace(List<String> newWords, Caller caller) {
        Set<String> cleaned = new LinkedHashSet<>();
        if (newWords != null) {
            for (String w : newWords) {
                if (w != null && !w.isBlank()) {
                    cleaned.add(w.strip());
                }
            }
        }
        if (cleaned.isEmpty()) {
            throw new InvalidRequestException(Map.of("words", "must hold at least one word"));
        }
        if (cleaned.size() > MAX_WORDS) {
            throw new InvalidRequestException(Map.of("words", "holds at most " + MAX_WORDS + " words"));
        }
        cleaned.stream().filter(w -> w.length() > MAX_WORD_LENGTH).findFirst().ifPresent(w -> {
            throw new InvalidRequestException(Map.of("words", "'" + w + "' is longer than " + MAX_WORD_LENGTH + " characters"));
        });
        Instant now = clock.instant();
        String[] array = cleaned.toArray(String[]::new);
        db.insertInto(NEGATIVE_LEXICON)
                .set(NEGATIVE_LEXICON.ID, (short) 1)
                .set(NEGATIVE_LEXICON.WORDS, array)
                .set(NEGATIVE_LEXICON.UPDATED_BY, caller.login())
                .set(NEGATIVE_LEXICON.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .onConflict(NEGATIVE_LEXICON.ID).doUpdate()
                .set(NEGATIVE_LEXICON.WORDS, array)
                .set(NEGATIVE_LEXICON.UPDATED_BY, caller.login())
                .set(NEGATIVE_LEXICON.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .execute();
        audit.done(AuditTrail.CONFIG_CHANGE, "negative lexicon", "replaced by " + cleaned.size() + " words");
        Lexicon replaced = new Lexicon(List.copyOf(cleaned), "API", caller.login(), now);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // in force once stored: a refresh reading the table meanwhile must not undo it
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    use(replaced);
                }
            });
        } else {
            use(replaced);
        }
        return replaced;
    }

    /** Picks up a lexicon another replica stored (and the stored one at startup). */
    @Scheduled(fixedDelayString = "${yuqing.monitoring.topic-refresh:PT30S}", initialDelay = 0)
    void refresh() {
        db.selectFrom(NEGATIVE_LEXICON).where(NEGATIVE_LEXICON.ID.eq((short) 1)).fetchOptional().ifPresentOrElse(
                r -> use(new Lexicon(List.of(r.getWords()), "API", r.getUpdatedBy(), r.getUpdatedAt().toInstant())),
                () -> use(new Lexicon(properties.words(), "CONFIG", null, null)));
    }

    private void use(Lexicon l) {
        List<Word> compiled = new ArrayList<>();
        for (String w : l.words()) {
            String n = TextNormalizer.normalize(w).strip();
            if (!n.isEmpty()) {
                compiled.add(new Word(w, n));
            }
        }
        this.words = List.copyOf(compiled);
        this.lexicon = l;
    }
}
