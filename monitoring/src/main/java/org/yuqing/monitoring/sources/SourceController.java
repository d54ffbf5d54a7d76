package org.yuqing.monitoring.sources;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yuqing.monitoring.web.Actors;
import org.yuqing.monitoring.web.NotFoundException;

import java.util.List;

/** HTTP API of sources under {@code /api/monitoring/sources}. */
@RestController
@RequestMapping("/api/monitoring/sources")
class SourceController {

    private final Sources sources;

    SourceController(Sources sources) {
        this.sources = sources;
    }

    @PostMapping
    ResponseEntity<Source> create(@RequestBody SourceDraft draft,
                                  @RequestHeader(name = Actors.USER_HEADER, defaultValue = Actors.SYSTEM) String actor) {
        Source source = sources.create(draft, actor);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(source.id()).toUri()).body(source);
    }

    @GetMapping
    List<Source> all() {
        return sources.all();
    }

    @GetMapping("/{id}")
    Source one(@PathVariable String id) {
        return sources.find(NotFoundException.parseId("source", id)).orElseThrow(() -> new NotFoundException("source", id));
    }
}
