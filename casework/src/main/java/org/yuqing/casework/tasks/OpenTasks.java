package org.yuqing.casework.tasks;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The open tasks of cases, as other casework features read them (my deadlines). Read only and unscoped. */
@Service
public class OpenTasks {

    private final TaskRepository repository;

    OpenTasks(TaskRepository repository) {
        this.repository = repository;
    }

    /** The open tasks of the given cases, soonest due first. */
    @Transactional(readOnly = true)
    public List<OpenTask> of(Collection<UUID> caseIds) {
        return repository.openOfCases(caseIds).stream()
                .map(t -> new OpenTask(t.id(), t.caseId(), t.unitId(), t.title(), t.dueAt())).toList();
    }

    /**
     * A task still to be done.
     *
     * @param unitId the unit that is to do it
     * @param dueAt  when it is to be done (UTC)
     */
    public record OpenTask(UUID id, UUID caseId, String unitId, String title, Instant dueAt) {
    }
}
