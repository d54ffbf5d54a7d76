package org.yuqing.grading;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Grades incidents by the response plan (预案) into levels and categories, always with the reasons.
 */
@SpringBootApplication
public class GradingApplication {

    public static void main(String[] args) {
        SpringApplication.run(GradingApplication.class, args);
    }
}
