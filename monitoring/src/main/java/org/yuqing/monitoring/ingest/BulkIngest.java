package org.yuqing.monitoring.ingest;

import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.ErrorResponseException;
import org.yuqing.monitoring.web.InvalidRequestException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Takes in many posts at once from NDJSON (one post JSON per line, UTF-8, the shape of the single-post
 * API): each line is read and validated on its own, so a bad line never costs the good ones; the valid
 * lines are recorded in PostgreSQL (snapshots, incidents and their events, each post's revision) in transactions of up
 * to {@value #CHUNK} posts, whether they match topics or not, and each chunk goes to Elasticsearch from memory in a
 * bulk request of its own while the next chunk is validated and recorded (pipelined:
 * Elasticsearch indexes the request's posts all along instead of waiting for the whole body to be recorded). Each
 * transaction takes a few statements for all its posts (one lock statement for
 * the posts and one for all the topics they match, in id order, so concurrent bulks cannot deadlock; one history
 * lookup, one batch of snapshots, one taking the revisions; each incident's event once per transaction, see
 * {@link org.yuqing.monitoring.incidents.Incidents#recordAll}) plus a few per matching post, and the posts
 * are searchable at Elasticsearch's next refresh rather than when the answer comes (unless the request waits for it):
 * a bulk's cost is then close to that of Elasticsearch's own {@code _bulk}. Blank lines are skipped. When Elasticsearch
 * is unavailable the accepted posts are queued in PostgreSQL and stored once it is back
 * ({@link BulkReceipt#searchable()} false);
 * when PostgreSQL fails midway the request fails (5xx) with the earlier chunks kept. Sending the same body again is
 * harmless, posts being identified by URL or source and external id.
 */
@Service
class BulkIngest {

    /** Problem type of a bulk body with more lines than allowed. */
    static final URI TOO_MANY_LINES = URI.create("urn:yuqing:problem:too-many-lines");

    /**
     * Valid lines recorded per transaction, matching topics or not: fewer commits and fewer events (one per incident and
     * chunk), while a transaction and its locks stay short.
     */
    static final int CHUNK = 200;

    /**
     * Chunks of one request being stored in Elasticsearch at once while the next is recorded: Elasticsearch always has
     * a chunk of the request to index, and a request holds at most this many chunks' documents beyond its own.
     */
    static final int IN_FLIGHT = 2;

    private static final System.Logger LOG = System.getLogger(BulkIngest.class.getName());

    private final PostIngest ingest;
    private final PostIndexer indexer;
    private final JsonMapper json;
    private final int maxLines;
    /** Threads storing recorded chunks in Elasticsearch while the requests' threads record the next ones. */
    private final ExecutorService storers =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("bulk-store-", 0).factory());

    BulkIngest(PostIngest ingest, PostIndexer indexer, JsonMapper json,
               @Value("${yuqing.monitoring.bulk.max-lines:10000}") int maxLines) {
        if (maxLines < 1) {
            throw new IllegalArgumentException("yuqing.monitoring.bulk.max-lines must be at least 1, was " + maxLines);
        }
        this.ingest = ingest;
        this.indexer = indexer;
        this.json = json;
        this.maxLines = maxLines;
    }

    /**
     * Takes in every good line of the body.
     *
     * @throws InvalidRequestException when the body holds no line (400)
     * @throws ErrorResponseException  413 when it holds more than the configured number of lines
     */
    BulkReceipt submit(InputStream body) {
        return submit(body, false);
    }

    /**
     * Takes in every good line of the body.
     *
     * @param waitForSearch whether to answer only once the posts are searchable; without it they are stored when
     *                      this returns and searchable at Elasticsearch's next refresh (within a second)
     * @throws InvalidRequestException when the body holds no line (400)
     * @throws ErrorResponseException  413 when it holds more than the configured number of lines
     */
    BulkReceipt submit(InputStream body, boolean waitForSearch) {
        Map<Integer, String> lines = read(body);
        List<Line> parsed = new ArrayList<>(lines.size());
        lines.forEach((number, text) -> parsed.add(json(number, text)));
        return ingest(parsed, waitForSearch);
    }

    /**
     * One line of a bulk body or an import file: the post read from it, or why it could not be read.
     *
     * @param number     the line's number in the body or file, 1-based
     * @param submission the post as read, or null when the line could not be read
     * @param error      why the line could not be read, or null
     */
    record Line(int number, PostSubmission submission, String error) {

        static Line failed(int number, String error) {
            return new Line(number, null, error);
        }
    }

    /** Reads one line of NDJSON (a post's JSON): the post, or what is wrong with the line. */
    Line json(int number, String text) {
        PostSubmission submission;
        try {
            submission = json.readValue(text, PostSubmission.class);
        } catch (JacksonException e) {
            return Line.failed(number, unreadable(e));
        }
        if (submission == null) {
            return Line.failed(number, "a line must be a JSON object of a post");
        }
        return new Line(number, submission, null);
    }

    /**
     * Takes in every good line, like a bulk body: validated one by one (a bad line never costs the others), recorded
     * in chunks, stored for search in bulk requests (or left queued for the {@link PostIndexer} when Elasticsearch is
     * unavailable).
     *
     * @param lines the lines read, in order
     * @return a result per line, in line order; searchable when this returns
     */
    BulkReceipt ingest(List<Line> lines) {
        return ingest(lines, true);
    }

    /**
     * Takes in every good line like {@link #ingest(List)}.
     *
     * @param lines         the lines read, in order
     * @param waitForSearch whether to return only once the posts are searchable, or once Elasticsearch has them
     * @return a result per line, in line order
     */
    BulkReceipt ingest(List<Line> lines, boolean waitForSearch) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // each chunk commits on its own, and its store (another thread) must see it committed
            throw new IllegalStateException("a bulk is recorded in transactions of its own, not in the caller's");
        }
        long started = System.nanoTime();
        List<BulkLineResult> results = new ArrayList<>(lines.size());
        Storing storing = new Storing(waitForSearch);
        int accepted = 0;
        long recordNanos = 0;
        try {
            // chunk by chunk: each chunk's posts go to Elasticsearch while the next chunk is validated and recorded
            List<Integer> chunkLines = new ArrayList<>(CHUNK);
            List<PostIngest.Prepared> chunk = new ArrayList<>(CHUNK);
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                if (line.error() != null) {
                    results.add(new BulkLineResult(line.number(), null, line.error()));
                } else {
                    try {
                        chunk.add(ingest.prepare(line.submission()));
                        chunkLines.add(line.number());
                    } catch (InvalidRequestException e) {
                        results.add(new BulkLineResult(line.number(), null, e.getBody().getDetail()));
                    }
                }
                if (chunk.size() == CHUNK || (i == lines.size() - 1 && !chunk.isEmpty())) {
                    long recording = System.nanoTime();
                    // matching posts or not: a chunk locks all its topics up front in id order, so chunks of
                    // concurrent bulks cannot deadlock however their posts' topics cross
                    List<PostIngest.Recorded> recorded = ingest.recordAll(chunk);
                    recordNanos += System.nanoTime() - recording;
                    for (int k = 0; k < recorded.size(); k++) {
                        results.add(new BulkLineResult(chunkLines.get(k), recorded.get(k).document().id(), null));
                    }
                    accepted += recorded.size();
                    storing.store(recorded);
                    chunk = new ArrayList<>(CHUNK);
                    chunkLines = new ArrayList<>(CHUNK);
                }
            }
        } finally {
            // also when recording failed midway: nothing of this request goes on after the answer
            storing.awaitAll();
        }
        results.sort(Comparator.comparingInt(BulkLineResult::line));
        LOG.log(System.Logger.Level.INFO, "bulk of {0} lines: {1} accepted, recorded in {2} ms, stored for search in {3} ms, "
                        + "answered in {4} ms", String.valueOf(lines.size()), String.valueOf(accepted),
                String.valueOf(recordNanos / 1_000_000), String.valueOf(storing.nanos / 1_000_000),
                String.valueOf((System.nanoTime() - started) / 1_000_000));
        return new BulkReceipt(accepted, results.size() - accepted, results, storing.searchable);
    }

    /**
     * The Elasticsearch side of one bulk request: each recorded chunk is stored on a storing thread while the request's
     * thread records the next, at most {@value #IN_FLIGHT} chunks at a time ({@link PostIndexer#store}, each post
     * under its revision, so a post sent twice in one body ends as its last line has it whichever chunk's store runs
     * last). After the first failure the later chunks are not tried: they are queued for the indexer's catch-up.
     */
    private final class Storing {

        private final boolean waitForSearch;
        private final ArrayDeque<Future<Boolean>> inFlight = new ArrayDeque<>();
        private volatile boolean failed;
        private boolean searchable = true;
        private long nanos;

        Storing(boolean waitForSearch) {
            this.waitForSearch = waitForSearch;
        }

        void store(List<PostIngest.Recorded> recorded) {
            List<IndexQueue.Row> rows = new ArrayList<>(recorded.size());
            Set<UUID> mayHaveCopies = new HashSet<>();
            for (PostIngest.Recorded r : recorded) {
                UUID id = r.document().id();
                // of a post given twice, the later line's document has the higher revision and is the one stored
                rows.add(r.row());
                // recorded before (by an earlier request or an earlier chunk of this one, committed by now), so possibly
                // stored under another month
                if (r.submittedBefore()) {
                    mayHaveCopies.add(id);
                }
            }
            while (inFlight.size() >= IN_FLIGHT) {
                awaitOldest();
            }
            inFlight.add(storers.submit(() -> {
                if (failed) {
                    indexer.queueUnstored(rows, "not tried: Elasticsearch was unavailable for an earlier part of the "
                            + "same submission");
                    return false;
                }
                long start = System.nanoTime();
                boolean stored = indexer.store(rows, mayHaveCopies, waitForSearch);
                synchronized (this) {
                    nanos += System.nanoTime() - start;
                }
                if (!stored) {
                    failed = true;
                }
                return stored;
            }));
        }

        void awaitAll() {
            RuntimeException first = null;
            while (!inFlight.isEmpty()) {
                try {
                    awaitOldest();
                } catch (RuntimeException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        }

        private void awaitOldest() {
            Future<Boolean> oldest = inFlight.removeFirst();
            try {
                searchable &= oldest.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while storing posts for search", e);
            } catch (ExecutionException e) {
                searchable = false;
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("storing posts for search failed", e.getCause());
            }
        }
    }

    @PreDestroy
    void close() {
        storers.close();
    }

    private Map<Integer, String> read(InputStream body) {
        Map<Integer, String> lines = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (lines.size() == maxLines) {
                    throw tooManyLines();
                }
                lines.put(number, line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.isEmpty()) {
            throw new InvalidRequestException(Map.of("body", "holds no post; send one post JSON per line"));
        }
        return lines;
    }

    private ErrorResponseException tooManyLines() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "A bulk submission holds at most " + maxLines + " posts; split the body");
        problem.setType(TOO_MANY_LINES);
        problem.setTitle("Too many lines");
        problem.setProperty("maxLines", maxLines);
        return new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, problem, null);
    }

    private static String unreadable(JacksonException e) {
        if (e instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            return "the value of '" + field + "' cannot be read; check its type and format";
        }
        if (e instanceof DatabindException) {
            return "a line must be a JSON object of a post";
        }
        return "the line is not well-formed JSON";
    }
}
