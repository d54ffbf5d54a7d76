package org.yuqing.gateway.tokens;

import java.time.Duration;
import java.util.Optional;

/**
 * The counts behind throttling failed client authentications at the token endpoint, kept with the login counts
 * (implemented by the identity feature, so the token endpoint does not depend on it).
 */
public interface ClientAttempts {

    /**
     * @param clientId the client id as sent
     * @return the remaining lock of that id, empty when not locked
     */
    Optional<Duration> clientLockedFor(String clientId);

    /**
     * @param clientIp the client address
     * @return the remaining wait of that address, empty when not throttled
     */
    Optional<Duration> clientAddressThrottledFor(String clientIp);

    /**
     * Counts a failed client authentication.
     *
     * @param clientId the client id as sent; blank or {@code null} counts against the address only
     * @param clientIp the client address
     * @return true when this failure locked the client id
     */
    boolean clientFailed(String clientId, String clientIp);

    /** @param clientId a client id that just authenticated: its failures are forgotten */
    void clientSucceeded(String clientId);
}
