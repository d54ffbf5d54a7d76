package org.yuqing.monitoring.topics;

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

/** HTTP API of topics under {@code /api/monitoring/topics}, scoped to the caller's units. */
@RestController
@RequestMapping("/api/monitoring/topics")
class TopicController {

    private final Topics topics;

    TopicController(Topics topics) {
        this.topics = topics;
    }

    @PostMapping
    ResponseEntity<Topic> create(@RequestBody TopicDraft draft, Caller caller) {
        Topic topic = topics.create(draft, caller);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(topic.id()).toUri()).body(topic);
    }

    @GetMapping
    List<Topic> all(Caller caller) {
        return topics.visibleTo(caller);
    }

    @GetMapping("/{id}")
    Topic one(@PathVariable String id, Caller caller) {
        return topics.get(NotFoundException.parseId("topic", id), caller);
    }

    @PutMapping("/{id}")
    Topic update(@PathVariable String id, @RequestBody TopicDraft draft, Caller caller) {
        return topics.update(NotFoundException.parseId("topic", id), draft, caller);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, Caller caller) {
        topics.delete(NotFoundException.parseId("topic", id), caller);
        return ResponseEntity.noContent().build();
    }
}
