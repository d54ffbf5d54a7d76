package org.yuqing.casework.cases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The casework service on the shared test PostgreSQL, with a settable clock and its feed consumers
 * off: the tests hand the upstream events to the listener themselves and run the deadline watcher and the delivery
 * dispatcher themselves.
 * Requests carry a real token of {@link TestCaller} (the test class registers {@code TestTokens} as issuer).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"yuqing.events.consume=false", "yuqing.casework.escalation.schedule=false",
        "yuqing.casework.notifications.schedule=false"})
@AutoConfigureMockMvc
@Import({TestClock.Config.class, TestCaller.Config.class})
public @interface CaseworkIntegrationTest {
}
