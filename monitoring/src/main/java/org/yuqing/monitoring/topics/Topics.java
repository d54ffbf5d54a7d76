package org.yuqing.monitoring.topics;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.yuqing.monitoring.web.NotFoundException;
import org.yuqing.security.AuditTrail;
import org.yuqing.security.Caller;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The topics of every unit: create, change, delete and read them. A caller sees and changes only the topics of
 * the units in their scope (属地管理); a topic of another unit answers like an unknown id. Every change publishes
 * {@link TopicsChanged} and writes a {@link AuditTrail#CONFIG_CHANGE} audit line in its transaction.
 */
@Service
public class Topics {

    /** Problem type of deleting a topic that has incidents. */
    public static final URI IN_USE = URI.create("urn:yuqing:problem:topic-in-use");

    private final TopicRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;

    Topics(TopicRepository repository, ApplicationEventPublisher events, Clock clock, AuditTrail audit) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Creates a topic.
     *
     * @param draft  what the user submitted
     * @param caller who creates it; the topic's unit must be in their scope
     * @throws org.yuqing.monitoring.web.InvalidRequestException when the draft is invalid
     * @throws InvalidExpressionException                       when its expression is invalid (422)
     * @throws org.yuqing.security.ForbiddenUnitException       when the unit is outside the caller's scope (403)
     */
    @Transactional
    public Topic create(TopicDraft draft, Caller caller) {
        TopicDraft d = draft.validated();
        caller.requireMayActFor(d.unitId(), "topic for unit " + d.unitId());
        Instant now = now();
        Topic topic = d.toTopic(UUID.randomUUID(), caller.login(), now, caller.login(), now);
        repository.insert(topic);
        events.publishEvent(new TopicsChanged(topic.id()));
        audit.done(AuditTrail.CONFIG_CHANGE, "topic " + topic.id(), "created " + topic.name() + " for unit " + topic.unitId());
        return topic;
    }

    /**
     * Replaces a topic's name, unit, words or expression, filters and enabled flag. Incidents it opened keep their
     * unit.
     *
     * @throws NotFoundException when there is no such topic in the caller's scope
     * @throws org.yuqing.monitoring.web.InvalidRequestException when the draft is invalid
     * @throws org.yuqing.security.ForbiddenUnitException when it would move to a unit outside the caller's scope
     */
    @Transactional
    public Topic update(UUID id, TopicDraft draft, Caller caller) {
        Topic old = repository.lock(id).orElseThrow(() -> new NotFoundException("topic", id.toString()));
        caller.requireSees(old.unitId(), "topic " + id);
        TopicDraft d = draft.validated();
        caller.requireMayActFor(d.unitId(), "topic " + id + " moved to unit " + d.unitId());
        Topic topic = d.toTopic(id, old.createdBy(), old.createdAt(), caller.login(), now());
        repository.update(topic);
        events.publishEvent(new TopicsChanged(id));
        audit.done(AuditTrail.CONFIG_CHANGE, "topic " + id, "updated " + topic.name()
                + (old.unitId().equals(topic.unitId()) ? "" : ", moved from unit " + old.unitId() + " to " + topic.unitId()));
        return topic;
    }

    /**
     * Deletes a topic that opened no incident (a topic with incidents keeps them explainable: change its words
     * instead).
     *
     * @throws NotFoundException      when there is no such topic in the caller's scope
     * @throws ErrorResponseException 409 when incidents refer to it
     */
    @Transactional
    public void delete(UUID id, Caller caller) {
        Topic old = repository.lock(id).orElseThrow(() -> new NotFoundException("topic", id.toString()));
        caller.requireSees(old.unitId(), "topic " + id);
        if (repository.hasIncidents(id)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "Topic " + id + " has incidents and cannot be deleted; change its words instead");
            problem.setType(IN_USE);
            problem.setTitle("Topic in use");
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
        repository.delete(id);
        events.publishEvent(new TopicsChanged(id));
        audit.done(AuditTrail.CONFIG_CHANGE, "topic " + id, "deleted " + old.name() + " of unit " + old.unitId());
    }

    /**
     * The topic a draft describes, not saved: for trying a draft over the stored posts (试查) before saving it. The
     * draft is validated as for {@link #create}, except that a blank name is allowed and a blank unit counts as the
     * caller's first unit; the topic is enabled whatever the draft says, since trying a disabled topic would show
     * nothing.
     *
     * @throws org.yuqing.monitoring.web.InvalidRequestException when the draft is invalid (400)
     * @throws InvalidExpressionException when its expression is invalid (422)
     * @throws org.yuqing.security.ForbiddenUnitException when its unit is outside the caller's scope (403)
     */
    public Topic unsaved(TopicDraft draft, Caller caller) {
        String unit = draft.unitId() == null || draft.unitId().isBlank()
                ? caller.units().stream().findFirst().orElse("-") : draft.unitId();
        String name = draft.name() == null || draft.name().isBlank() ? "试查" : draft.name();
        TopicDraft d = new TopicDraft(name, unit, draft.regionWords(), draft.subjectWords(), draft.eventWords(),
                draft.excludeWords(), draft.expression(), draft.sites(), draft.mediaTypes(), true).validated();
        caller.requireMayActFor(d.unitId(), "topic draft for unit " + d.unitId());
        Instant now = now();
        return d.toTopic(UUID.randomUUID(), caller.login(), now, caller.login(), now);
    }

    /**
     * The topic as the caller may see it.
     *
     * @throws NotFoundException when there is no such topic
     * @throws org.yuqing.security.OutOfScopeException when it belongs to a unit outside the caller's scope (404)
     */
    @Transactional(readOnly = true)
    public Topic get(UUID id, Caller caller) {
        Topic topic = repository.find(id).orElseThrow(() -> new NotFoundException("topic", id.toString()));
        caller.requireSees(topic.unitId(), "topic " + id);
        return topic;
    }

    /** Every topic, oldest first, whatever its unit (for the matcher). */
    @Transactional(readOnly = true)
    public List<Topic> all() {
        return repository.all();
    }

    /** The topics of the caller's unit scope, oldest first. */
    @Transactional(readOnly = true)
    public List<Topic> visibleTo(Caller caller) {
        return caller.unitScope().isEmpty() ? List.of() : repository.ofUnits(caller.unitScope());
    }

    /**
     * @param ids    topic ids
     * @param caller who asks
     * @return those of {@code ids} that are topics in the caller's unit scope
     */
    @Transactional(readOnly = true)
    public Set<UUID> visibleIds(Collection<UUID> ids, Caller caller) {
        return repository.idsOfUnits(ids, caller.unitScope());
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
