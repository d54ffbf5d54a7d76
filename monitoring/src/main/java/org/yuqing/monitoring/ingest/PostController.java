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

/** HTTP API of posts under {@code /api/monitoring/posts} (search is in the search package). */
@RestController
@RequestMapping("/api/monitoring/posts")
class PostController {

    private final PostIngest ingest;
    private final PostIndex index;

    PostController(PostIngest ingest, PostIndex index) {
        this.ingest = ingest;
        this.index = index;
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
