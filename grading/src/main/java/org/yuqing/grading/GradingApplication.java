package org.yuqing.grading;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Grades incidents by the response plan (预案) into levels and categories, always with the reasons.
 */
@SpringBootApplication
public class GradingApplication {

    /** Starts the grading service. */
    public static void main(String[] args) {
        SpringApplication.run(GradingApplication.class, args);
    }

    /** The clock grades are stamped with (UTC). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
