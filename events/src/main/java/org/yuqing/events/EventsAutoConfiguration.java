package org.yuqing.events;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Wires the outbox, the feed endpoint and one {@link FeedConsumer} per configured subscription
 * for a service that sets {@code yuqing.events.schema}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@ConditionalOnProperty("yuqing.events.schema")
@EnableConfigurationProperties(EventsProperties.class)
@Import(EventFeedController.class)
public class EventsAutoConfiguration {

    @Bean
    Outbox outbox(JdbcTemplate jdbc, JsonMapper json, EventsProperties properties) {
        return new Outbox(jdbc, json, properties.schema());
    }

    /**
     * The {@code Authorization} header this service sends when reading other services' feeds. The
     * default sends none; the security configuration replaces it with a service token.
     */
    @Bean
    @ConditionalOnMissingBean
    FeedCredentials feedCredentials() {
        return () -> null;
    }

    @Bean
    FeedConsumers feedConsumers(EventsProperties properties, ObjectProvider<IntegrationEventListener> listener,
                                JdbcTemplate jdbc, PlatformTransactionManager transactions, JsonMapper json,
                                FeedCredentials credentials) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<FeedConsumer> consumers = new ArrayList<>();
        if (!properties.consume()) {
            return new FeedConsumers(consumers);
        }
        properties.subscriptions().forEach((name, subscription) -> {
            IntegrationEventListener l = listener.getIfAvailable();
            if (l == null) {
                throw new IllegalStateException("yuqing.events.subscriptions." + name
                        + " is configured but no IntegrationEventListener bean exists");
            }
            EventSource source = new HttpEventSource(subscription.uri(), json, credentials);
            consumers.add(new FeedConsumer(name, source, subscription, l, jdbc, tx, json, properties.schema()));
        });
        return new FeedConsumers(consumers);
    }

    /** Supplies the {@code Authorization} header for feed requests ({@code null} for none). */
    @FunctionalInterface
    public interface FeedCredentials extends Supplier<String> {
    }
}
