package org.yuqing.monitoring.ingest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yuqing.monitoring.incidents.Incidents;
import org.yuqing.monitoring.search.PostDocument;
import org.yuqing.monitoring.search.PostIndex;
import org.yuqing.monitoring.topics.Topics;
import org.yuqing.monitoring.web.InvalidRequestException;
import org.yuqing.monitoring.web.NotFoundException;
import org.yuqing.security.Caller;
import org.yuqing.security.OutOfScopeException;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * HTTP API of posts under {@code /api/monitoring/posts} (search is in the search package). Submitting is open to
 * any unit's crawler, but the answer names only the topics and incidents the submitter may see; reading a post
 * needs a unit in the caller's scope among the post's units (属地管理), else it answers like an unknown id.
 */
@RestController
@RequestMapping("/api/monitoring/posts")
class PostController {

    /** Media type of newline-delimited JSON. */
    static final String NDJSON = "application/x-ndjson";

    private final PostIngest ingest;
    private final BulkIngest bulk;
    private final PostIndex index;
    private final Topics topics;
    private final Incidents incidents;

    PostController(PostIngest ingest, BulkIngest bulk, PostIndex index, Topics topics, Incidents incidents) {
        this.ingest = ingest;
        this.bulk = bulk;
        this.index = index;
        this.topics = topics;
        this.incidents = incidents;
    }

    /**
     * Many posts, one JSON per line; 200 with a result per line, whether accepted or not. The answer comes once
     * Elasticsearch has the posts; they are searchable at its next refresh (within a second), or already when the
     * request says {@code ?refresh=wait_for} (slower: it waits for that refresh).
     */
    @PostMapping(path = "/bulk", consumes = NDJSON)
    BulkReceipt submitAll(InputStream body, @RequestParam(name = "refresh", defaultValue = "false") String refresh) {
        boolean waitForSearch = switch (refresh) {
            case "wait_for" -> true;
            case "false" -> false;
            default -> throw new InvalidRequestException(Map.of("refresh", "must be wait_for or false"));
        };
        return bulk.submit(body, waitForSearch);
    }

    /** The post's metric history, oldest first; 404 for a post never stored or not of the caller's units. */
    @GetMapping("/{id}/snapshots")
    List<MetricSnapshot> snapshots(@PathVariable String id, Caller caller) {
        visible(id, caller);
        return ingest.snapshots(UUID.fromString(id));
    }

    /**
     * One post: 201 when it is searchable now, 202 when Elasticsearch is unavailable and the post waits in the durable
     * queue (it becomes searchable once Elasticsearch is back; there is no need to send it again).
     */
    @PostMapping
    ResponseEntity<PostReceipt> submit(@RequestBody PostSubmission submission, Caller caller) {
        PostReceipt receipt = ingest.submit(submission, caller::sees);
        return ResponseEntity.status(receipt.searchable() ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
                .location(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(receipt.id()).toUri()).body(receipt);
    }

    @GetMapping("/{id}")
    PostDocument one(@PathVariable String id, Caller caller) {
        PostDocument post = visible(id, caller);
        return post.narrowedTo(topics.visibleIds(post.topicIds(), caller),
                incidents.visibleIds(post.incidentIds(), caller), caller.unitScope());
    }

    /** The stored post if one of its units is in the caller's scope; otherwise 404 (audited when it exists). */
    private PostDocument visible(String id, Caller caller) {
        UUID postId = NotFoundException.parseId("post", id);
        PostDocument post = index.find(postId).orElseThrow(() -> new NotFoundException("post", id));
        if (post.unitIds().stream().noneMatch(caller::sees)) {
            throw new OutOfScopeException("post " + id);
        }
        return post;
    }
}
