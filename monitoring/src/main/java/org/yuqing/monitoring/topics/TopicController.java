package org.yuqing.monitoring.topics;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yuqing.monitoring.web.Actors;
import org.yuqing.monitoring.web.NotFoundException;

import java.util.List;
import java.util.UUID;

/** HTTP API of topics under {@code /api/monitoring/topics}. */
@RestController
@RequestMapping("/api/monitoring/topics")
class TopicController {

    private final Topics topics;

    TopicController(Topics topics) {
        this.topics = topics;
    }

    @PostMapping
    ResponseEntity<Topic> create(@RequestBody TopicDraft draft,
                                 @RequestHeader(name = Actors.USER_HEADER, defaultValue = Actors.SYSTEM) String actor) {
        Topic topic = topics.create(draft, actor);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(topic.id()).toUri()).body(topic);
    }

    @GetMapping
    List<Topic> all() {
        return topics.all();
    }

    @GetMapping("/{id}")
    Topic one(@PathVariable String id) {
        UUID topicId = NotFoundException.parseId("topic", id);
        return topics.find(topicId).orElseThrow(() -> new NotFoundException("topic", id));
    }

    @PutMapping("/{id}")
    Topic update(@PathVariable String id, @RequestBody TopicDraft draft,
                 @RequestHeader(name = Actors.USER_HEADER, defaultValue = Actors.SYSTEM) String actor) {
        return topics.update(NotFoundException.parseId("topic", id), draft, actor);
    }
}
