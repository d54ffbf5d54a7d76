package org.yuqing.gateway.audit;

import java.util.Set;

/**
 * The units of an actor named in an audit event, so that an administrator reads the gateway's audit of their own
 * units only. Empty for names the directory does not know (failed logins of unknown names, clients).
 */
@FunctionalInterface
public interface ActorUnits {

    /**
     * @param login the actor's login
     * @return their units, empty when unknown
     */
    Set<String> of(String login);
}
