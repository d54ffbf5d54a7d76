package org.yuqing.monitoring.ingest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yuqing.monitoring.search.PostDocument;
import org.yuqing.monitoring.search.PostIndex;
import org.yuqing.monitoring.web.NotFoundException;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;

/** HTTP API of posts under {@code /api/monitoring/posts} (search is in the search package). */
@RestController
@RequestMapping("/api/monitoring/posts")
class PostController {

    /** Media type of newline-delimited JSON. */
    static final String NDJSON = "application/x-ndjson";

    private final PostIngest ingest;
    private final BulkIngest bulk;
    private final PostIndex index;

    PostController(PostIngest ingest, BulkIngest bulk, PostIndex index) {
        this.ingest = ingest;
        this.bulk = bulk;
        this.index = index;
    }

    /** Many posts, one JSON per line; 200 with a result per line, whether accepted or not. */
    @PostMapping(path = "/bulk", consumes = NDJSON)
    BulkReceipt submitAll(InputStream body) {
        return bulk.submit(body);
    }

    /** The post's metric history, oldest first; 404 for a post never stored. */
    @GetMapping("/{id}/snapshots")
    List<MetricSnapshot> snapshots(@PathVariable String id) {
        UUID postId = NotFoundException.parseId("post", id);
        List<MetricSnapshot> snapshots = ingest.snapshots(postId);
        if (snapshots.isEmpty() && index.find(postId).isEmpty()) {
            throw new NotFoundException("post", id);
        }
        return snapshots;
    }

    @PostMapping
    ResponseEntity<PostReceipt> submit(@RequestBody PostSubmission submission) {
        PostReceipt receipt = ingest.submit(submission);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(receipt.id()).toUri()).body(receipt);
    }

    @GetMapping("/{id}")
    PostDocument one(@PathVariable String id) {
        return index.find(NotFoundException.parseId("post", id)).orElseThrow(() -> new NotFoundException("post", id));
    }
}
