package org.yuqing.monitoring.ingest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.yuqing.monitoring.web.NotFoundException;
import org.yuqing.security.Caller;
import org.yuqing.security.OutOfScopeException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * File imports (文件导入): an uploaded JSONL or CSV file ({@link ImportFile}) is read at upload, then taken in in
 * the background in batches of {@value #BATCH} lines through the path of bulk ingest ({@link BulkIngest#ingest}), so a
 * malformed line is rejected on its own and never costs the others. Progress (processed, ingested, failed, the first
 * {@value #MAX_ERRORS} errors) is written to PostgreSQL after every batch, so any replica answers it.
 *
 * <p>An import belongs to the login that uploaded it; to anyone else it is an unknown id. At most
 * {@code yuqing.monitoring.imports.concurrency} imports (2 by default) run at once per replica; the others wait
 * {@code QUEUED}. While Elasticsearch is unavailable the posts are taken in all the same and wait in the durable queue
 * of the {@link PostIndexer}. When PostgreSQL fails, the import stops {@code FAILED} with the lines before taken in; uploading
 * the file again is harmless (posts are identified by URL or source and external id). An import running when its
 * replica stops is left {@code RUNNING}: upload it again.
 */
@Service
class PostImports implements AutoCloseable {

    /** Lines taken in per batch: the bulk path's chunking and one Elasticsearch bulk request per batch. */
    static final int BATCH = 500;
    /** Rejected lines kept with their reason. */
    static final int MAX_ERRORS = 1_000;

    private static final System.Logger LOG = System.getLogger(PostImports.class.getName());

    private final BulkIngest bulk;
    private final ImportRepository repository;
    private final Clock clock;
    private final ExecutorService workers;

    PostImports(BulkIngest bulk, ImportRepository repository, Clock clock,
                @Value("${yuqing.monitoring.imports.concurrency:2}") int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("yuqing.monitoring.imports.concurrency must be at least 1, was " + concurrency);
        }
        this.bulk = bulk;
        this.repository = repository;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(concurrency, Thread.ofVirtual().name("post-import-", 0).factory());
    }

    /**
     * Starts importing the file for the caller.
     *
     * @return the import, queued
     */
    ImportStatus start(ImportFile file, String fileName, Caller caller) {
        UUID id = UUID.randomUUID();
        repository.insert(id, caller.login(), fileName, file, clock.instant());
        try {
            workers.execute(() -> run(id, file));
        } catch (RejectedExecutionException e) {
            repository.progress(id, "FAILED", 0, 0, 0, List.of(), "the service is shutting down; upload again",
                    clock.instant(), true);
        }
        return repository.find(id).orElseThrow();
    }

    /**
     * The import's progress.
     *
     * @throws NotFoundException   when there is no such import
     * @throws OutOfScopeException when it is another caller's (answered like an unknown id, audited)
     */
    ImportStatus status(UUID id, Caller caller) {
        String owner = repository.owner(id).orElseThrow(() -> new NotFoundException("import", id.toString()));
        if (!owner.equals(caller.login())) {
            throw new OutOfScopeException("import " + id);
        }
        return repository.find(id).orElseThrow();
    }

    private void run(UUID id, ImportFile file) {
        int processed = 0;
        int ingested = 0;
        int failed = 0;
        List<ImportStatus.LineError> errors = new ArrayList<>();
        repository.progress(id, "RUNNING", 0, 0, 0, errors, null, clock.instant(), false);
        List<ImportFile.Record> records = file.records();
        try {
            for (int from = 0; from < records.size(); from += BATCH) {
                List<BulkIngest.Line> lines = records.subList(from, Math.min(records.size(), from + BATCH)).stream()
                        .map(this::line).toList();
                BulkReceipt receipt = bulk.ingest(lines);
                processed += lines.size();
                ingested += receipt.accepted();
                failed += receipt.rejected();
                for (BulkLineResult result : receipt.lines()) {
                    if (result.error() != null && errors.size() < MAX_ERRORS) {
                        errors.add(new ImportStatus.LineError(result.line(), result.error()));
                    }
                }
                repository.progress(id, "RUNNING", processed, ingested, failed, errors, null, clock.instant(), false);
            }
            repository.progress(id, "DONE", processed, ingested, failed, errors, null, clock.instant(), true);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "import " + id + " stopped after " + processed + " lines", e);
            repository.progress(id, "FAILED", processed, ingested, failed, errors,
                    "stopped after " + processed + " lines: " + e.getMessage(), clock.instant(), true);
        }
    }

    private BulkIngest.Line line(ImportFile.Record record) {
        if (record.json() != null) {
            return bulk.json(record.line(), record.json());
        }
        return ImportFile.post(record, (submission, error) -> new BulkIngest.Line(record.line(), submission, error));
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
