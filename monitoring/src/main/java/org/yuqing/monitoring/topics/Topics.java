package org.yuqing.monitoring.topics;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuqing.monitoring.web.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The topics of every unit: create, change and read them. Every change publishes
 * {@link TopicsChanged} in its transaction.
 */
@Service
public class Topics {

    private final TopicRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Topics(TopicRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a topic.
     *
     * @param draft what the user submitted
     * @param actor login of the user creating it
     * @throws org.yuqing.monitoring.web.InvalidRequestException when the draft is invalid
     */
    @Transactional
    public Topic create(TopicDraft draft, String actor) {
        TopicDraft d = draft.validated();
        Instant now = now();
        Topic topic = new Topic(UUID.randomUUID(), d.name(), d.unitId(), d.regionWords(), d.subjectWords(),
                d.eventWords(), d.excludeWords(), actor, now, actor, now);
        repository.insert(topic);
        events.publishEvent(new TopicsChanged(topic.id()));
        return topic;
    }

    /**
     * Replaces a topic's name, unit and words. Incidents it opened keep their unit.
     *
     * @throws NotFoundException when there is no such topic
     * @throws org.yuqing.monitoring.web.InvalidRequestException when the draft is invalid
     */
    @Transactional
    public Topic update(UUID id, TopicDraft draft, String actor) {
        TopicDraft d = draft.validated();
        Topic old = repository.lock(id).orElseThrow(() -> new NotFoundException("topic", id.toString()));
        Topic topic = new Topic(id, d.name(), d.unitId(), d.regionWords(), d.subjectWords(), d.eventWords(),
                d.excludeWords(), old.createdBy(), old.createdAt(), actor, now());
        repository.update(topic);
        events.publishEvent(new TopicsChanged(id));
        return topic;
    }

    /** The topic, if it exists. */
    @Transactional(readOnly = true)
    public Optional<Topic> find(UUID id) {
        return repository.find(id);
    }

    /** Every topic, oldest first. */
    @Transactional(readOnly = true)
    public List<Topic> all() {
        return repository.all();
    }

    /**
     * A token that differs whenever a topic was added or changed since it was taken; lets another
     * replica notice changes it did not make.
     */
    @Transactional(readOnly = true)
    public String version() {
        return repository.version();
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: truncating keeps what is returned equal to what is stored
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
