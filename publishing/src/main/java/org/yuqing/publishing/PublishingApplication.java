package org.yuqing.publishing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Drafts official statements, collects the approvals the level requires and publishes one text to every channel.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PublishingApplication {

    /** Starts the publishing service. */
    public static void main(String[] args) {
        SpringApplication.run(PublishingApplication.class, args);
    }

    /** The clock every recorded time of this service comes from (UTC). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
