package org.yuqing.monitoring.sources;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yuqing.monitoring.web.NotFoundException;
import org.yuqing.security.Caller;

import java.util.List;

/** HTTP API of sources under {@code /api/monitoring/sources}, scoped to the caller's units. */
@RestController
@RequestMapping("/api/monitoring/sources")
class SourceController {

    private final Sources sources;
    private final FeedPoller poller;

    SourceController(Sources sources, FeedPoller poller) {
        this.sources = sources;
        this.poller = poller;
    }

    /**
     * Polls the source now, in the background (立即采集): 202 with the source as it is now; read it again to see the
     * poll's outcome ({@code lastPolledAt}, {@code status}, {@code lastError}).
     */
    @PostMapping("/{id}/poll")
    ResponseEntity<Source> poll(@PathVariable String id, Caller caller) {
        java.util.UUID sourceId = NotFoundException.parseId("source", id);
        poller.pollNow(sourceId, caller);
        return ResponseEntity.accepted().body(sources.get(sourceId, caller));
    }

    @PostMapping
    ResponseEntity<Source> create(@RequestBody SourceDraft draft, Caller caller) {
        Source source = sources.create(draft, caller);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(source.id()).toUri()).body(source);
    }

    @GetMapping
    List<Source> all(Caller caller) {
        return sources.visibleTo(caller);
    }

    @GetMapping("/{id}")
    Source one(@PathVariable String id, Caller caller) {
        return sources.get(NotFoundException.parseId("source", id), caller);
    }

    @PutMapping("/{id}")
    Source update(@PathVariable String id, @RequestBody SourceDraft draft, Caller caller) {
        return sources.update(NotFoundException.parseId("source", id), draft, caller);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, Caller caller) {
        sources.delete(NotFoundException.parseId("source", id), caller);
        return ResponseEntity.noContent().build();
    }
}
