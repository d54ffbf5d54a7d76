package org.yuqing.monitoring.bench;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.yuqing.monitoring.matching.MatchedTopic;
import org.yuqing.monitoring.matching.TextNormalizer;
import org.yuqing.monitoring.topics.Topic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.ToIntFunction;

/**
 * The real-time matcher ({@code CompiledTopics}: one keyword dictionary for all topics) on one thread: 10,000 topics
 * with about 100,000 keywords, generated Chinese posts of 200–2,000 characters. Baselines from the same run: a naive loop of
 * {@code String.contains} over every keyword of every topic, and Lucene's {@link MemoryIndex} per post with every
 * topic's query run against it — the core of Elasticsearch's percolator (without its candidate pre-selection). All
 * three work on the same normalised text ({@link TextNormalizer#matchText}), whose cost is part of each figure; the
 * run also checks that the three agree on which topics match.
 *
 * <p>{@code CompiledTopics} is package-private in the matching package; the benchmark reaches it through a method
 * handle rather than changing main code for a benchmark.
 *
 * <p>System properties: {@code bench.topics} (10000), {@code bench.posts} (3000 generated posts, reused in turn),
 * {@code bench.warmupSeconds} (3), {@code bench.seconds} (3 per round), {@code bench.rounds} (3),
 * {@code bench.baselineSeconds} (5).
 */
final class MatcherBenchmark {

    private static final double TARGET = 50_000;
    private static final String FIELD = "matchText";

    private MatcherBenchmark() {
    }

    static void run() throws Throwable {
        int topicCount = Integer.getInteger("bench.topics", 10_000);
        int postCount = Integer.getInteger("bench.posts", 3_000);
        double warmup = Double.parseDouble(System.getProperty("bench.warmupSeconds", "3"));
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "3"));
        int rounds = Integer.getInteger("bench.rounds", 3);
        double baselineSeconds = Double.parseDouble(System.getProperty("bench.baselineSeconds", "5"));
        Report report = new Report("matcher", "matcher benchmark: all topics compiled into one keyword dictionary, one thread");

        ChineseCorpus corpus = new ChineseCorpus(30_000, 42);
        List<ChineseCorpus.TopicWords> words = corpus.topics(topicCount, 7);
        int keywords = words.stream().mapToInt(ChineseCorpus.TopicWords::keywords).sum();
        List<Topic> topics = new ArrayList<>(topicCount);
        Instant now = Instant.now();
        for (ChineseCorpus.TopicWords w : words) {
            topics.add(new Topic(UUID.randomUUID(), "bench", "district", w.region(), w.subject(), w.event(), w.exclude(),
                    "bench", now, "bench", now));
        }
        SplittableRandom r = new SplittableRandom(11);
        List<ChineseCorpus.Post> posts = new ArrayList<>(postCount);
        long chars = 0;
        for (int i = 0; i < postCount; i++) {
            ChineseCorpus.Post p = corpus.post(r, 200, 2_000, words, 0.3);
            posts.add(p);
            chars += p.title().length() + p.text().length();
        }
        TextNormalizer.warmUp();

        Matcher matcher = new Matcher();
        long compileStart = System.nanoTime();
        Object compiled = matcher.compile(topics);
        double compileMillis = (System.nanoTime() - compileStart) / 1e6;
        report.note("%,d topics, %,d keywords (%,d distinct after normalising); %,d generated posts of 200–2,000 "
                        + "characters (mean %,d), reused in turn; topics compiled in %,.0f ms",
                topicCount, keywords, words.stream().flatMap(w -> java.util.stream.Stream.of(w.region(), w.subject(),
                        w.event(), w.exclude())).flatMap(List::stream).map(TextNormalizer::matchText).distinct().count(),
                postCount, chars / postCount, compileMillis);

        NaiveLoop naive = new NaiveLoop(words);
        LuceneMemoryIndex lucene = new LuceneMemoryIndex(words);

        // the three must find the same topics, or the comparison is meaningless
        int checked = Math.min(200, postCount);
        int agree = 0;
        long matches = 0;
        for (int i = 0; i < checked; i++) {
            ChineseCorpus.Post p = posts.get(i);
            BitSet a = matcher.topics(compiled, topics, p);
            BitSet n = naive.topics(p);
            BitSet l = lucene.topics(p);
            matches += a.cardinality();
            if (a.equals(n) && a.equals(l)) {
                agree++;
            }
        }
        report.note("agreement: matcher, contains-loop and MemoryIndex find the same topics in %d of %d posts "
                + "(%.2f matched topics per post)", agree, checked, (double) matches / checked);

        ToIntFunction<ChineseCorpus.Post> matcherWork = p -> matcher.count(compiled, p);
        measure(matcherWork, posts, warmup);
        double[] figures = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            figures[i] = measure(matcherWork, posts, seconds);
            report.note("matcher round %d: %,.0f posts/s (%.1f µs/post)", i + 1, figures[i], 1e6 / figures[i]);
        }
        double mean = java.util.Arrays.stream(figures).average().orElseThrow();
        double min = java.util.Arrays.stream(figures).min().orElseThrow();
        double max = java.util.Arrays.stream(figures).max().orElseThrow();

        double normaliseOnly = measure(p -> TextNormalizer.matchText(p.title()).length()
                + TextNormalizer.matchText(p.text()).length(), posts, seconds);
        report.note("normalising alone (matchText of title and text): %,.0f posts/s", normaliseOnly);
        double nfkcOnly = measure(p -> java.text.Normalizer.normalize(p.title(), java.text.Normalizer.Form.NFKC).length()
                + java.text.Normalizer.normalize(p.text(), java.text.Normalizer.Form.NFKC).length(), posts, seconds);
        double normalizeOnly = measure(p -> TextNormalizer.normalize(p.title()).length()
                + TextNormalizer.normalize(p.text()).length(), posts, seconds);
        report.note("of which: java.text.Normalizer NFKC alone %,.0f posts/s; TextNormalizer.normalize (NFKC + 繁→简 + "
                + "lower case) %,.0f posts/s; so the token-class pass of matchText costs %.1f µs/post, normalize %.1f µs/post",
                nfkcOnly, normalizeOnly, 1e6 / normaliseOnly - 1e6 / normalizeOnly, 1e6 / normalizeOnly);
        report.note("so matching proper (dictionary scan and topic rules) costs %.1f µs of the matcher's %.1f µs/post",
                1e6 / mean - 1e6 / normaliseOnly, 1e6 / mean);

        double naiveRate = measure(naive::count, posts, baselineSeconds);
        report.note("contains-loop: %,.1f posts/s", naiveRate);
        double luceneRate = measure(lucene::count, posts, baselineSeconds);
        report.note("MemoryIndex: %,.1f posts/s", luceneRate);

        report.row("matcher, " + String.format(Locale.ROOT, "%,d topics / %,d keywords", topicCount, keywords)
                        + ", posts of 200–2,000 chars, 1 thread",
                "≥ 50,000 posts/s",
                String.format(Locale.ROOT, "%s (mean of %d rounds; %,.0f–%,.0f)", Report.perSecond(mean), rounds, min, max),
                String.format(Locale.ROOT, "contains-loop %s (%.0f× slower); Lucene MemoryIndex per post %s (%.0f× slower)",
                        String.format(Locale.ROOT, "%,.1f posts/s", naiveRate), mean / naiveRate,
                        String.format(Locale.ROOT, "%,.1f posts/s", luceneRate), mean / luceneRate),
                Report.yesNo(mean >= TARGET));
        report.finish();
    }

    /** Posts per second of {@code work} over the posts in turn, for about {@code seconds}. */
    private static double measure(ToIntFunction<ChineseCorpus.Post> work, List<ChineseCorpus.Post> posts, double seconds) {
        long deadline = (long) (seconds * 1e9);
        long start = System.nanoTime();
        long done = 0;
        long sink = 0;
        long elapsed;
        int i = 0;
        do {
            for (int k = 0; k < 16; k++) {
                sink += work.applyAsInt(posts.get(i));
                i = (i + 1) % posts.size();
            }
            done += 16;
            elapsed = System.nanoTime() - start;
        } while (elapsed < deadline);
        if (sink == Long.MIN_VALUE) {
            System.out.println(sink); // keeps the JIT from dropping the work
        }
        return done * 1e9 / elapsed;
    }

    /** The product's matcher, through method handles on the package-private {@code CompiledTopics}. */
    private static final class Matcher {

        private final MethodHandle compile;
        private final MethodHandle match;

        Matcher() throws ReflectiveOperationException {
            Class<?> type = Class.forName("org.yuqing.monitoring.matching.CompiledTopics");
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            compile = lookup.findStatic(type, "compile", MethodType.methodType(type, List.class))
                    .asType(MethodType.methodType(Object.class, List.class));
            match = lookup.findVirtual(type, "match", MethodType.methodType(List.class, String[].class))
                    .asType(MethodType.methodType(List.class, Object.class, String[].class));
        }

        Object compile(List<Topic> topics) throws Throwable {
            return compile.invokeExact(topics);
        }

        @SuppressWarnings("unchecked")
        List<MatchedTopic> match(Object compiled, ChineseCorpus.Post post) {
            try {
                return (List<MatchedTopic>) match.invokeExact(compiled, new String[]{post.title(), post.text()});
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        int count(Object compiled, ChineseCorpus.Post post) {
            return match(compiled, post).size();
        }

        BitSet topics(Object compiled, List<Topic> topics, ChineseCorpus.Post post) {
            java.util.Map<UUID, Integer> index = new java.util.HashMap<>();
            for (int i = 0; i < topics.size(); i++) {
                index.put(topics.get(i).id(), i);
            }
            BitSet found = new BitSet();
            match(compiled, post).forEach(m -> found.set(index.get(m.topicId())));
            return found;
        }
    }

    /** Baseline: every keyword of every topic looked up with {@code String.contains} in the normalised texts. */
    private static final class NaiveLoop {

        private final String[][][] groups;
        private final String[][] excludes;

        NaiveLoop(List<ChineseCorpus.TopicWords> topics) {
            groups = new String[topics.size()][][];
            excludes = new String[topics.size()][];
            for (int i = 0; i < topics.size(); i++) {
                ChineseCorpus.TopicWords t = topics.get(i);
                groups[i] = java.util.stream.Stream.of(t.region(), t.subject(), t.event())
                        .map(NaiveLoop::normalised).filter(g -> g.length > 0).toArray(String[][]::new);
                excludes[i] = normalised(t.exclude());
            }
        }

        private static String[] normalised(List<String> words) {
            return words.stream().map(TextNormalizer::matchText).filter(w -> !w.isEmpty()).toArray(String[]::new);
        }

        BitSet topics(ChineseCorpus.Post post) {
            String title = TextNormalizer.matchText(post.title());
            String text = TextNormalizer.matchText(post.text());
            BitSet found = new BitSet();
            for (int i = 0; i < groups.length; i++) {
                if (matches(i, title, text)) {
                    found.set(i);
                }
            }
            return found;
        }

        int count(ChineseCorpus.Post post) {
            return topics(post).cardinality();
        }

        private boolean matches(int topic, String title, String text) {
            if (groups[topic].length == 0) {
                return false;
            }
            for (String[] group : groups[topic]) {
                if (!anyIn(group, title, text)) {
                    return false;
                }
            }
            return !anyIn(excludes[topic], title, text);
        }

        private static boolean anyIn(String[] words, String title, String text) {
            for (String w : words) {
                if (title.contains(w) || text.contains(w)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Baseline: the percolator's core. Per post, a {@link MemoryIndex} of its normalised title and text (one field,
     * two values with a position gap, like the {@code matchText} field in Elasticsearch, standard tokenizer and lower
     * case) and every topic's query — a conjunction of its groups, each a disjunction of phrase queries, minus its
     * exclusions, as {@code TopicQuery} builds it — run against it.
     */
    private static final class LuceneMemoryIndex {

        private final Analyzer analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return 100;
            }
        };
        private final Query[] queries;
        private final MemoryIndex index = new MemoryIndex();

        LuceneMemoryIndex(List<ChineseCorpus.TopicWords> topics) {
            queries = new Query[topics.size()];
            for (int i = 0; i < topics.size(); i++) {
                ChineseCorpus.TopicWords t = topics.get(i);
                BooleanQuery.Builder all = new BooleanQuery.Builder();
                boolean any = false;
                for (List<String> group : List.of(t.region(), t.subject(), t.event())) {
                    Query q = anyOf(group);
                    if (q != null) {
                        all.add(q, BooleanClause.Occur.MUST);
                        any = true;
                    }
                }
                Query exclude = anyOf(t.exclude());
                if (exclude != null) {
                    all.add(exclude, BooleanClause.Occur.MUST_NOT);
                }
                queries[i] = any ? all.build() : new BooleanQuery.Builder().add(new MatchAllDocsQuery(),
                        BooleanClause.Occur.MUST_NOT).build();
            }
        }

        private Query anyOf(List<String> words) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            int clauses = 0;
            for (String w : words) {
                List<String> tokens = tokens(TextNormalizer.matchText(w));
                if (tokens.isEmpty()) {
                    continue;
                }
                Query phrase = tokens.size() == 1 ? new TermQuery(new Term(FIELD, tokens.getFirst()))
                        : new PhraseQuery(FIELD, tokens.toArray(String[]::new));
                any.add(phrase, BooleanClause.Occur.SHOULD);
                clauses++;
            }
            return clauses == 0 ? null : any.setMinimumNumberShouldMatch(1).build();
        }

        private List<String> tokens(String text) {
            List<String> tokens = new ArrayList<>();
            try (TokenStream ts = analyzer.tokenStream(FIELD, text)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    tokens.add(term.toString());
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return tokens;
        }

        BitSet topics(ChineseCorpus.Post post) {
            index.reset();
            index.addField(FIELD, TextNormalizer.matchText(post.title()), analyzer);
            index.addField(FIELD, TextNormalizer.matchText(post.text()), analyzer);
            BitSet found = new BitSet();
            for (int i = 0; i < queries.length; i++) {
                if (index.search(queries[i]) > 0) {
                    found.set(i);
                }
            }
            return found;
        }

        int count(ChineseCorpus.Post post) {
            return topics(post).cardinality();
        }
    }
}
