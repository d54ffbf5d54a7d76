package org.yuqing.casework.cases;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuqing.security.Caller;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What other casework features read about cases (the documents, the deadline watcher, my deadlines): a case's deadline
 * clocks exactly as the case detail shows them, its assignees, the cases someone works on, and the heat series of an
 * incident. Read only; unscoped where the caller has already been checked or runs in the background.
 */
@Service
public class CaseRecords {

    private final CaseRepository repository;

    CaseRecords(CaseRepository repository) {
        this.repository = repository;
    }

    /** The case with its clocks and assignees; empty when there is no such case. Not scoped: check the caller first. */
    @Transactional(readOnly = true)
    public Optional<CaseOverview> find(UUID caseId) {
        return repository.find(caseId).map(c -> overview(c, repository.assignees(caseId)));
    }

    /** Who works the case, by login; empty when nobody is assigned (or there is no such case). */
    @Transactional(readOnly = true)
    public List<Assignee> assignees(UUID caseId) {
        return repository.assignees(caseId);
    }

    /**
     * The open cases (not closed) {@code who} works on within their unit scope: those they are assigned to and, with
     * {@code ofTheirUnits}, those owned by one of their own units. Oldest first.
     */
    @Transactional(readOnly = true)
    public List<CaseOverview> workOf(Caller who, boolean ofTheirUnits) {
        List<CaseFile> found = repository.workOf(who.login(), ofTheirUnits ? who.units() : List.of(), who.unitScope());
        Map<UUID, List<Assignee>> assignees = repository.assigneesOf(found.stream().map(CaseFile::id).toList());
        return found.stream().map(c -> overview(c, assignees.getOrDefault(c.id(), List.of()))).toList();
    }

    /** The heat series of an incident as monitoring reported it, oldest first; empty when none came. */
    @Transactional(readOnly = true)
    public List<HeatPoint> heatOfIncident(UUID incidentId) {
        return repository.heat(incidentId);
    }

    private static CaseOverview overview(CaseFile c, List<Assignee> assignees) {
        return new CaseOverview(c.id(), c.incidentId(), c.unitId(), c.title(), c.level(), c.state(), c.clocks(),
                assignees);
    }
}
