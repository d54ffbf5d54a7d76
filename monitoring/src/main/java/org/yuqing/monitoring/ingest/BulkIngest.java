package org.yuqing.monitoring.ingest;

import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.yuqing.monitoring.web.InvalidRequestException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
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

    /** Problem type of a bulk body of more bytes than allowed. */
    static final URI BODY_TOO_LARGE = URI.create("urn:yuqing:problem:body-too-large");

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
    private final int maxBytes;
    /** Threads storing recorded chunks in Elasticsearch while the requests' threads record the next ones. */
    private final ExecutorService storers =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("bulk-store-", 0).factory());

    BulkIngest(PostIngest ingest, PostIndexer indexer, JsonMapper json,
               @Value("${yuqing.monitoring.bulk.max-lines:10000}") int maxLines,
               @Value("${yuqing.monitoring.bulk.max-size:64MB}") DataSize maxSize) {
        if (maxLines < 1) {
            throw new IllegalArgumentException("yuqing.monitoring.bulk.max-lines must be at least 1, was " + maxLines);
        }
        if (maxSize.toBytes() < 1 || maxSize.toBytes() >= Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("yuqing.monitoring.bulk.max-size must be between 1 byte and 2 GB, was "
                    + maxSize);
        }
        this.maxBytes = (int) maxSize.toBytes();
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
        return ingest(read(body), waitForSearch);
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
        try {
            return line(number, json.readValue(text, PostSubmission.class));
        } catch (JacksonException e) {
            return Line.failed(number, unreadable(e));
        }
    }

    /** Reads one line of NDJSON from a body's UTF-8 bytes, without decoding it to a string first. */
    private Line json(int number, byte[] body, int from, int length) {
        try {
            return line(number, json.readValue(body, from, length, PostSubmission.class));
        } catch (JacksonException e) {
            return Line.failed(number, unreadable(e));
        }
    }

    private static Line line(int number, PostSubmission submission) {
        return submission == null ? Line.failed(number, "a line must be a JSON object of a post")
                : new Line(number, submission, null);
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

    /**
     * The body's lines, each read as a post: split on line feeds in the UTF-8 bytes (a line feed byte never occurs
     * inside a multi-byte UTF-8 character), a carriage return before one dropped, blank lines skipped.
     */
    private List<Line> read(InputStream body) {
        byte[] bytes;
        try {
            bytes = body.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(BODY_TOO_LARGE, "Body too large",
                    "A bulk submission holds at most " + maxBytes + " bytes; split the body", "maxBytes", maxBytes);
        }
        List<Line> lines = new ArrayList<>();
        int number = 0;
        for (int start = 0; start < bytes.length; ) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            number++;
            int last = end;
            if (last > start && bytes[last - 1] == '\r') {
                last--;
            }
            if (!blank(bytes, start, last)) {
                if (lines.size() == maxLines) {
                    throw tooLarge(TOO_MANY_LINES, "Too many lines",
                            "A bulk submission holds at most " + maxLines + " posts; split the body", "maxLines", maxLines);
                }
                lines.add(json(number, bytes, start, last - start));
            }
            start = end + 1;
        }
        if (lines.isEmpty()) {
            throw new InvalidRequestException(Map.of("body", "holds no post; send one post JSON per line"));
        }
        return lines;
    }

    private static boolean blank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static ErrorResponseException tooLarge(URI type, String title, String detail, String limit, int value) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
        problem.setType(type);
        problem.setTitle(title);
        problem.setProperty(limit, value);
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
        if (e.getOriginalMessage() != null && e.getOriginalMessage().contains("Invalid UTF-8")) {
            return "the line is not UTF-8 text; send the body in UTF-8";
        }
        return "the line is not well-formed JSON";
    }
}
