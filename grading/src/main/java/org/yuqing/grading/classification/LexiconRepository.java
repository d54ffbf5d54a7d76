package org.yuqing.grading.classification;

import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.yuqing.domain.Category;
import org.yuqing.security.AuditTrail;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.yuqing.grading.db.Tables.CLASSIFICATION_LEXICON;

/**
 * The classification lexicon as data ({@code classification_lexicon}), seeded from the classpath file
 * {@code classification/lexicon.json} the first time it is read empty, and the classifier built from it.
 */
@Repository
public class LexiconRepository {

    /** The classpath file the lexicon is seeded from: {@code {"CATEGORY": {"word": weight, …}, …}}. */
    public static final String SEED = "classification/lexicon.json";

    private final DSLContext db;
    private final JsonMapper json;
    private final double threshold;
    private final AuditTrail audit;

    LexiconRepository(DSLContext db, JsonMapper json,
                      @Value("${yuqing.grading.classification.threshold:0.5}") double threshold, AuditTrail audit) {
        this.db = db;
        this.json = json;
        this.threshold = threshold;
        this.audit = audit;
    }

    /** The classifier over the lexicon as stored now, with the configured threshold. */
    @Transactional
    public Classifier classifier() {
        return new Classifier(lexicon(), threshold);
    }

    /** The lexicon as stored now; seeds it first when the table is empty. */
    @Transactional
    public Lexicon lexicon() {
        Lexicon stored = read();
        if (!stored.words().isEmpty()) {
            return stored;
        }
        Lexicon seed = seed(json);
        seed.words().forEach(this::insert);
        return read();
    }

    /**
     * Replaces the words of {@code category} (validated first); returns the whole lexicon after it. The change is
     * audited ({@link AuditTrail#CONFIG_CHANGE}) in the same transaction, as the current caller's.
     */
    @Transactional
    public Lexicon replace(Category category, Map<String, Double> words) {
        new Lexicon(Map.of(category, words));
        Map<String, Double> before = lexicon().of(category);
        db.deleteFrom(CLASSIFICATION_LEXICON).where(CLASSIFICATION_LEXICON.CATEGORY.eq(category.name())).execute();
        insert(category, words);
        audit.done(AuditTrail.CONFIG_CHANGE, "classification lexicon " + category.name(),
                "words replaced: " + before.size() + " before, " + words.size() + " now");
        return read();
    }

    /** The seed lexicon shipped on the classpath. */
    static Lexicon seed(JsonMapper json) {
        try (InputStream in = new ClassPathResource(SEED).getInputStream()) {
            Map<Category, Map<String, Double>> words = json.readValue(in,
                    new TypeReference<Map<Category, Map<String, Double>>>() {
                    });
            return new Lexicon(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void insert(Category category, Map<String, Double> words) {
        words.forEach((word, weight) -> db.insertInto(CLASSIFICATION_LEXICON)
                .set(CLASSIFICATION_LEXICON.CATEGORY, category.name())
                .set(CLASSIFICATION_LEXICON.WORD, word)
                .set(CLASSIFICATION_LEXICON.WEIGHT, weight)
                .onConflictDoNothing()
                .execute());
    }

    private Lexicon read() {
        Map<Category, Map<String, Double>> words = new EnumMap<>(Category.class);
        db.selectFrom(CLASSIFICATION_LEXICON).orderBy(CLASSIFICATION_LEXICON.CATEGORY, CLASSIFICATION_LEXICON.WORD)
                .forEach(r -> words.computeIfAbsent(Category.valueOf(r.getCategory()), c -> new LinkedHashMap<>())
                        .put(r.getWord(), r.getWeight()));
        return new Lexicon(words);
    }
}
