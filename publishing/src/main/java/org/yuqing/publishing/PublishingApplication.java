package org.yuqing.publishing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Drafts official statements, collects the approvals the level requires and publishes one text to every channel.
 */
@SpringBootApplication
public class PublishingApplication {

    public static void main(String[] args) {
        SpringApplication.run(PublishingApplication.class, args);
    }
}
