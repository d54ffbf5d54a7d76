package org.yuqing.gateway.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Failed logins per login name and per client address (登录失败计数), and the resulting locks. Unknown login names
 * are counted and locked like real ones, so the answers tell nobody which accounts exist.
 *
 * <p>In memory: correct for one gateway instance (this slice); several instances would keep it in a shared store.
 */
@Component
class LoginAttempts {

    /** Beyond this many tracked names or addresses, entries with nothing left to remember are dropped. */
    private static final int PRUNE_ABOVE = 10_000;

    private final Clock clock;
    private final LoginPolicy policy;
    private final Map<String, Failures> byLogin = new ConcurrentHashMap<>();
    private final Map<String, Failures> byClient = new ConcurrentHashMap<>();

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
        return failures == null ? Optional.empty() : failures.throttledFor(clock.instant());
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

    void clear() {
        byLogin.clear();
        byClient.clear();
    }

    private void prune(Instant now) {
        if (byLogin.size() > PRUNE_ABOVE) {
            byLogin.values().removeIf(failures -> failures.isEmptyAt(now));
        }
        if (byClient.size() > PRUNE_ABOVE) {
            byClient.values().removeIf(failures -> failures.isEmptyAt(now));
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

        synchronized Optional<Duration> throttledFor(Instant now) {
            forgetBefore(now);
            if (times.size() < policy.maxFailuresPerClient()) {
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
