package org.yuqing.casework;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Runs the response workflow of a case: the plan's deadline clocks, escalation and the accountability record.
 */
@SpringBootApplication
public class CaseworkApplication {

    public static void main(String[] args) {
        SpringApplication.run(CaseworkApplication.class, args);
    }
}
