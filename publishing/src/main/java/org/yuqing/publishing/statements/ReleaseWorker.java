package org.yuqing.publishing.statements;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.publishing.cases.CaseRef;
import org.yuqing.publishing.cases.Cases;
import org.yuqing.publishing.channels.Channel;
import org.yuqing.publishing.channels.Delivery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The delivery worker (发送队列): sends the releases that are due — queued at publish time, or
 * failed with an automatic retry scheduled — on the channels enabled here. Each release is claimed
 * with {@code for update skip locked} and its attempt recorded in that same transaction, so
 * replicas running the worker at once never send one release twice. A failure is recorded FAILED
 * with the channel's error and retried after 30 s, 1, 2, 4 … min (see {@link DeliveryProperties})
 * until the attempts are used up; then it waits for the manual retry endpoint.
 */
@Component
class ReleaseWorker {

    private static final Logger log = LoggerFactory.getLogger(ReleaseWorker.class);

    private final StatementStore store;
    private final Cases cases;
    private final List<Channel> channels;
    private final DeliveryProperties properties;
    private final TransactionTemplate transaction;

    ReleaseWorker(StatementStore store, Cases cases, List<Channel> channels, DeliveryProperties properties,
                  PlatformTransactionManager transactions) {
        this.store = store;
        this.cases = cases;
        this.channels = List.copyOf(channels);
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        // each release in its own transaction, even when called inside another one
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Delivers the releases due by {@code now}, one transaction each, at most the configured batch.
     *
     * @param now the time of this pass (UTC): what is due, and from when a retry is scheduled
     * @return how many attempts were made (delivered or failed)
     */
    int deliverDue(Instant now) {
        Map<String, Channel> enabled = channels.stream()
                // a channel released by hand is never sent by the worker
                .filter(c -> c.enabled() && c.manualRendition().isEmpty())
                .collect(Collectors.toMap(Channel::name, Function.identity(), (a, b) -> a));
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        int attempts = 0;
        while (attempts < properties.batchSize()) {
            Boolean attempted = transaction.execute(tx -> deliverOne(at, enabled));
            if (!Boolean.TRUE.equals(attempted)) {
                break;
            }
            attempts++;
        }
        return attempts;
    }

    private boolean deliverOne(Instant now, Map<String, Channel> enabled) {
        Optional<ReleaseRow> due = store.claimDue(now, enabled.keySet());
        if (due.isEmpty()) {
            return false;
        }
        ReleaseRow release = due.get();
        Channel channel = enabled.get(release.channel());
        // a published statement is never edited again, so the text read here is the text released
        StatementRow s = store.find(release.statementId()).orElseThrow();
        CaseRef c = cases.find(s.caseId()).orElseThrow();
        Delivery delivery = Statements.attempt(channel, Statements.publication(s, c));
        int made = release.attempts() + 1;
        Instant next = null;
        if (delivery.status() == Delivery.Status.FAILED) {
            next = made < properties.maxAttempts() ? now.plus(properties.retryAfter(made)) : null;
            if (next == null) {
                log.warn("release of statement {} on {} failed {} times; waiting for a manual retry",
                        s.id(), channel.name(), made);
            }
        } else if (delivery.status() != Delivery.Status.DELIVERED) {
            delivery = Delivery.failed(channel.name(), "channel answered " + delivery.status());
            next = made < properties.maxAttempts() ? now.plus(properties.retryAfter(made)) : null;
        }
        store.updateRelease(s.id(), delivery, now, next);
        return true;
    }
}
