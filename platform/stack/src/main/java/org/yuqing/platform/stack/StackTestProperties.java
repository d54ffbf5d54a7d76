package org.yuqing.platform.stack;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring test at the shared local stack of this JVM. Use from a
 * {@code @DynamicPropertySource} method.
 */
public final class StackTestProperties {

    private StackTestProperties() {
    }

    /** Registers the data source of the shared PostgreSQL server. */
    public static void postgres(DynamicPropertyRegistry registry) {
        PostgresServer server = PostgresServer.shared();
        registry.add("spring.datasource.url", server::jdbcUrl);
        registry.add("spring.datasource.username", () -> PostgresServer.USER);
        registry.add("spring.datasource.password", () -> PostgresServer.PASSWORD);
    }
}
