package org.yuqing.monitoring.ingest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;
import org.yuqing.monitoring.search.PostDocument;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Takes in many posts at once from NDJSON (one post JSON per line, UTF-8, the shape of the single-post
 * API): each line is read and validated on its own, so a bad line never costs the good ones; the valid
 * lines are recorded and queued for Elasticsearch in PostgreSQL (snapshots, incidents and their events, the durable
 * {@link PostIndexer} queue) in transactions of up to {@value #CHUNK} posts, whether they match topics or not, then go
 * to Elasticsearch in bulk requests. Each transaction takes a few statements for all its posts (one lock statement for
 * the posts and one for all the topics they match, in id order, so concurrent bulks cannot deadlock; one history
 * lookup, one batch of snapshots, one multi-row queue upsert; each incident's event once per transaction, see
 * {@link org.yuqing.monitoring.incidents.Incidents#recordAll}) plus a few per matching post, and the posts
 * are searchable at Elasticsearch's next refresh rather than when the answer comes (unless the request waits for it):
 * a bulk's cost is then close to that of Elasticsearch's own {@code _bulk}. Blank lines are skipped. When Elasticsearch is
 * unavailable the accepted posts stay queued and are stored once it is back ({@link BulkReceipt#searchable()} false);
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

    private static final System.Logger LOG = System.getLogger(BulkIngest.class.getName());

    private final PostIngest ingest;
    private final PostIndexer indexer;
    private final JsonMapper json;
    private final int maxLines;

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
        long started = System.nanoTime();
        List<BulkLineResult> results = new ArrayList<>(lines.size());
        List<Integer> preparedLines = new ArrayList<>();
        List<PostIngest.Prepared> prepared = new ArrayList<>();
        for (Line line : lines) {
            int number = line.number();
            if (line.error() != null) {
                results.add(new BulkLineResult(number, null, line.error()));
                continue;
            }
            try {
                prepared.add(ingest.prepare(line.submission()));
                preparedLines.add(number);
            } catch (InvalidRequestException e) {
                results.add(new BulkLineResult(number, null, e.getBody().getDetail()));
            }
        }
        // a post sent twice in one body is stored as its last line has it
        Map<UUID, PostDocument> documents = new LinkedHashMap<>();
        Set<UUID> submittedBefore = new HashSet<>();
        List<PostIngest.Recorded> recorded = new ArrayList<>(prepared.size());
        // matching posts or not: a chunk locks all its topics up front in id order, so chunks of concurrent bulks
        // cannot deadlock however their posts' topics cross
        for (int from = 0; from < prepared.size(); from += CHUNK) {
            recorded.addAll(ingest.recordAll(prepared.subList(from, Math.min(from + CHUNK, prepared.size()))));
        }
        for (int i = 0; i < recorded.size(); i++) {
            PostDocument document = recorded.get(i).document();
            if (recorded.get(i).submittedBefore()) {
                submittedBefore.add(document.id());
            }
            documents.remove(document.id());
            documents.put(document.id(), document);
            results.add(new BulkLineResult(preparedLines.get(i), document.id(), null));
        }
        results.sort(Comparator.comparingInt(BulkLineResult::line));
        int accepted = prepared.size();
        long stored = System.nanoTime();
        boolean searchable = indexer.flush(documents.keySet(), submittedBefore, waitForSearch);
        LOG.log(System.Logger.Level.INFO, "bulk of {0} lines: {1} accepted, recorded in {2} ms, stored for search in {3} ms",
                String.valueOf(lines.size()), String.valueOf(accepted), String.valueOf((stored - started) / 1_000_000),
                String.valueOf((System.nanoTime() - stored) / 1_000_000));
        return new BulkReceipt(accepted, results.size() - accepted, results, searchable);
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
