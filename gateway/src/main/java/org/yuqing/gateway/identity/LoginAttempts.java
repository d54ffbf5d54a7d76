package org.yuqing.gateway.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.yuqing.gateway.tokens.ClientAttempts;

/**
 * Failed logins per login name and per client address (登录失败计数), and the resulting locks. Unknown login names
 * are counted and locked like real ones, so the answers tell nobody which accounts exist.
 *
 * <p>The failed client authentications of the token endpoint ({@code POST /oauth2/token}) are counted the same way
 * and with the same numbers ({@link LoginPolicy}), per client id and per client address, but apart from the people's
 * logins: a service retrying with a stale secret does not lock out the people logging in from its host, nor a person
 * a client.
 *
 * <p>In memory: correct for one gateway instance (this slice); several instances would keep it in a shared store.
 */
@Component
public class LoginAttempts implements ClientAttempts {

    /** Beyond this many tracked names or addresses, entries with nothing left to remember are dropped. */
    private static final int PRUNE_ABOVE = 10_000;

    private final Clock clock;
    private final LoginPolicy policy;
    private final Map<String, Failures> byLogin = new ConcurrentHashMap<>();
    private final Map<String, Failures> byClient = new ConcurrentHashMap<>();
    private final Map<String, Failures> byClientId = new ConcurrentHashMap<>();
    private final Map<String, Failures> byClientIdAddress = new ConcurrentHashMap<>();

    LoginAttempts(Clock clock, LoginPolicy policy) {
        this.clock = clock;
        this.policy = policy;
    }

    /**
     * How long the login name stays locked.
     *
     * @param login the login name as typed
     * @return the remaining lock, empty when not locked
     */
    Optional<Duration> lockedFor(String login) {
        Failures failures = byLogin.get(login);
        return failures == null ? Optional.empty() : failures.lockedFor(clock.instant());
    }

    /**
     * How long the client address is refused logins.
     *
     * @param clientIp the address
     * @return the remaining wait, empty when not throttled
     */
    Optional<Duration> throttledFor(String clientIp) {
        Failures failures = byClient.get(clientIp);
        return failures == null ? Optional.empty()
                : failures.throttledFor(clock.instant(), policy.maxFailuresPerClient());
    }

    /**
     * Counts a failed login.
     *
     * @param login    the login name as typed
     * @param clientIp the client address
     * @return true when this failure locked the login name
     */
    boolean failed(String login, String clientIp) {
        Instant now = clock.instant();
        prune(now);
        byClient.computeIfAbsent(clientIp, k -> new Failures()).add(now, Integer.MAX_VALUE);
        return byLogin.computeIfAbsent(login, k -> new Failures()).add(now, policy.maxFailures());
    }

    /**
     * Forgets the failures of a login name after a successful login.
     *
     * @param login the login name
     */
    void succeeded(String login) {
        Failures failures = byLogin.get(login);
        if (failures != null) {
            failures.reset();
        }
    }

    /**
     * How long an OAuth2 client id is locked at the token endpoint, after {@link LoginPolicy#maxFailures()} failed
     * authentications within the failure window; unknown ids are locked like configured ones.
     *
     * @param clientId the client id as sent
     * @return the remaining lock, empty when not locked
     */
    @Override
    public Optional<Duration> clientLockedFor(String clientId) {
        Failures failures = clientId == null ? null : byClientId.get(clientId);
        return failures == null ? Optional.empty() : failures.lockedFor(clock.instant());
    }

    /**
     * How long an address is refused at the token endpoint, after {@link LoginPolicy#maxFailuresPerClient()} failed
     * client authentications from it within the failure window (whatever the client ids).
     *
     * @param clientIp the address
     * @return the remaining wait, empty when not throttled
     */
    @Override
    public Optional<Duration> clientAddressThrottledFor(String clientIp) {
        Failures failures = byClientIdAddress.get(clientIp);
        return failures == null ? Optional.empty()
                : failures.throttledFor(clock.instant(), policy.maxFailuresPerClient());
    }

    /**
     * Counts a failed client authentication at the token endpoint.
     *
     * @param clientId the client id as sent; blank or {@code null} counts against the address only
     * @param clientIp the client address
     * @return true when this failure locked the client id
     */
    @Override
    public boolean clientFailed(String clientId, String clientIp) {
        Instant now = clock.instant();
        prune(now);
        byClientIdAddress.computeIfAbsent(clientIp, k -> new Failures()).add(now, Integer.MAX_VALUE);
        if (clientId == null || clientId.isBlank()) {
            return false;
        }
        return byClientId.computeIfAbsent(clientId, k -> new Failures()).add(now, policy.maxFailures());
    }

    /**
     * Forgets the failures of a client id after it authenticated.
     *
     * @param clientId the client id
     */
    @Override
    public void clientSucceeded(String clientId) {
        Failures failures = byClientId.get(clientId);
        if (failures != null) {
            failures.reset();
        }
    }

    void clear() {
        byLogin.clear();
        byClient.clear();
        byClientId.clear();
        byClientIdAddress.clear();
    }

    private void prune(Instant now) {
        for (Map<String, Failures> counts : List.of(byLogin, byClient, byClientId, byClientIdAddress)) {
            if (counts.size() > PRUNE_ABOVE) {
                counts.values().removeIf(failures -> failures.isEmptyAt(now));
            }
        }
    }

    /** Failure times within the window, and a lock. */
    private final class Failures {

        private final Deque<Instant> times = new ArrayDeque<>();
        private Instant lockedUntil = Instant.MIN;

        synchronized boolean add(Instant now, int lockAt) {
            forgetBefore(now);
            times.addLast(now);
            if (times.size() >= lockAt) {
                lockedUntil = now.plus(policy.lockDuration());
                times.clear();
                return true;
            }
            return false;
        }

        synchronized Optional<Duration> lockedFor(Instant now) {
            return now.isBefore(lockedUntil) ? Optional.of(Duration.between(now, lockedUntil)) : Optional.empty();
        }

        synchronized Optional<Duration> throttledFor(Instant now, int limit) {
            forgetBefore(now);
            if (times.size() < limit) {
                return Optional.empty();
            }
            // Once the oldest failure leaves the window, one more attempt is allowed.
            return Optional.of(Duration.between(now, times.peekFirst().plus(policy.failureWindow())));
        }

        synchronized void reset() {
            times.clear();
        }

        synchronized boolean isEmptyAt(Instant now) {
            forgetBefore(now);
            return times.isEmpty() && !now.isBefore(lockedUntil);
        }

        private void forgetBefore(Instant now) {
            Instant windowStart = now.minus(policy.failureWindow());
            while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
                times.removeFirst();
            }
        }
    }
}
