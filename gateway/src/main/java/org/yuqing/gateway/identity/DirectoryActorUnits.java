package org.yuqing.gateway.identity;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.yuqing.gateway.audit.ActorUnits;

/** Audit lines carry the actor's units as the directory has them now. */
@Component
class DirectoryActorUnits implements ActorUnits {

    private final UserDirectory directory;

    DirectoryActorUnits(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Set<String> of(String login) {
        if (login == null || login.isBlank()) {
            return Set.of();
        }
        return directory.find(login).map(account -> Set.copyOf(account.units())).orElse(Set.of());
    }
}
