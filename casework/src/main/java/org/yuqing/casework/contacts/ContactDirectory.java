package org.yuqing.casework.contacts;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * Who a notice reaches outside the inbox: the people of a unit holding an escalation role, and the unit's group
 * robots. Read by the notifications feature when it plans deliveries; joins the caller's transaction.
 */
@Service
public class ContactDirectory {

    private final ContactRepository repository;

    ContactDirectory(ContactRepository repository) {
        this.repository = repository;
    }

    /** The people reached for notices to {@code role} of {@code unitId}, by login; empty when none is entered. */
    @Transactional(readOnly = true)
    public List<PersonContact> peopleFor(String unitId, String role) {
        return repository.reachedFor(unitId, role);
    }

    /** One person's entry by login; empty when the directory has none. */
    @Transactional(readOnly = true)
    public Optional<PersonContact> person(String login) {
        return repository.person(login).map(ContactRepository.StoredPerson::person);
    }

    /** The group robots of a unit, by name. */
    @Transactional(readOnly = true)
    public List<UnitRobot> robotsOf(String unitId) {
        return repository.robotsOf(unitId);
    }

    /** One robot of a unit, with its credentials; empty when it was removed. */
    @Transactional(readOnly = true)
    public Optional<UnitRobot> robot(String unitId, String name) {
        return repository.robot(unitId, name);
    }
}
