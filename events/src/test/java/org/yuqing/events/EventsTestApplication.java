package org.yuqing.events;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yuqing.domain.events.IncidentDetected;

/** A service that publishes events and consumes its own feed, recording what it applied. */
@SpringBootApplication
class EventsTestApplication {

    static final String SCHEMA = "events_test";

    @Bean
    IntegrationEventListener recordingListener(JdbcTemplate jdbc) {
        return (feed, event) -> {
            if (event instanceof IncidentDetected detected) {
                // Unique on event_id: a second application of the same event would fail the test.
                jdbc.update("insert into " + SCHEMA + ".applied (event_id, title) values (?, ?)",
                        detected.eventId(), detected.title());
            }
        };
    }
}
