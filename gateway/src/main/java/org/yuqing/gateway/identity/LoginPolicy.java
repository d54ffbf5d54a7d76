package org.yuqing.gateway.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login throttling, lockout and session lifetime, {@code yuqing.gateway.login.*}.
 *
 * @param maxFailures          failed logins of one login name within {@code failureWindow} that lock it (default 5)
 * @param failureWindow        the window failures are counted in (default 15 min)
 * @param lockDuration         how long a locked login is refused, right password or not (default 15 min)
 * @param maxFailuresPerClient failed logins from one client address within {@code failureWindow} after which that
 *                             address gets 429 for any login (default 20)
 * @param sessionLifetime      the absolute lifetime of a console session from its login, however active (default
 *                             12 h); the idle timeout is {@code server.servlet.session.timeout}
 */
@ConfigurationProperties("yuqing.gateway.login")
record LoginPolicy(Integer maxFailures, Duration failureWindow, Duration lockDuration, Integer maxFailuresPerClient,
                   Duration sessionLifetime) {

    LoginPolicy {
        maxFailures = maxFailures == null ? 5 : maxFailures;
        failureWindow = failureWindow == null ? Duration.ofMinutes(15) : failureWindow;
        lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
        maxFailuresPerClient = maxFailuresPerClient == null ? 20 : maxFailuresPerClient;
        sessionLifetime = sessionLifetime == null ? Duration.ofHours(12) : sessionLifetime;
        if (maxFailures < 1 || maxFailuresPerClient < 1) {
            throw new IllegalArgumentException("yuqing.gateway.login: max-failures and max-failures-per-client >= 1");
        }
    }
}
