package org.yuqing.gateway;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The gateway of {@link GatewayIntegrationTest} on a {@link MutableClock}, for the tests of failure counts, locks,
 * audit quiet periods and sessions. Each test starts an hour after the previous one, when every count, lock and
 * quiet period of the earlier tests has run out; the audit lines ({@code yuqing.audit}) of the test are in
 * {@link #audit}.
 */
@Import(MutableClock.Config.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "yuqing.gateway.clients.test-service.secret={noop}" + GatewayIntegrationTest.SERVICE_SECRET,
    "yuqing.gateway.clients.test-service.roles=SERVICE",
    "yuqing.gateway.clients.test-crawler.secret=" + GatewayIntegrationTest.CRAWLER_SECRET_HASH,
    "yuqing.gateway.clients.test-crawler.roles=INGEST",
    "yuqing.gateway.protection.requests-per-second=1000",
    "yuqing.gateway.protection.burst=1000",
})
public abstract class ClockedGatewayTest extends GatewayIntegrationTest {

    /** The audit logger. */
    protected static final String AUDIT = "yuqing.audit";

    @Autowired
    protected MutableClock clock;

    protected CapturedLogs audit;

    @BeforeEach
    void anHourLater() {
        clock.advance(Duration.ofHours(1));
        audit = CapturedLogs.of(AUDIT);
    }

    @AfterEach
    void stopCapturingAudit() {
        audit.close();
    }

    /**
     * How many audit lines of this test contain all the given texts.
     *
     * @param texts e.g. {@code action="LOGIN_SUCCESS"}, {@code who="x"}
     * @return the count
     */
    protected long auditLines(String... texts) {
        return audit.lines(AUDIT).stream()
                .filter(line -> java.util.Arrays.stream(texts).allMatch(line::contains))
                .count();
    }
}
