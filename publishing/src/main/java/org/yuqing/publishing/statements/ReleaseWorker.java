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
import org.yuqing.publishing.channels.DeliveryProgress;
import org.yuqing.publishing.channels.Publication;
import org.yuqing.publishing.renditions.Master;
import org.yuqing.publishing.renditions.Renditions;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
    private final TransactionTemplate progressWrites;
    private final Renditions renditions;

    ReleaseWorker(StatementStore store, Cases cases, List<Channel> channels, DeliveryProperties properties,
                  PlatformTransactionManager transactions, Renditions renditions) {
        this.store = store;
        this.cases = cases;
        this.channels = List.copyOf(channels);
        this.properties = properties;
        this.renditions = renditions;
        this.transaction = new TransactionTemplate(transactions);
        // each release in its own transaction, even when called inside another one
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // a delivery step's progress commits at once, while the release's own transaction is still open
        this.progressWrites = new TransactionTemplate(transactions);
        this.progressWrites.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
        Publication publication = Statements.publication(s, c);
        Delivery delivery;
        Master master = new Master(s.id(), s.kind().chineseName(), s.title(), s.body(), s.publicUrl());
        if (!renditions.contentHash(master).equals(s.contentHash())) {
            // the channels send renditions; those must be the ones approved (口径一致), not today's configuration's
            delivery = Delivery.failed(channel.name(), "the channel renditions differ from the approved ones "
                    + "(the office's name or the public address changed since the release); nothing was sent");
        } else {
            delivery = Statements.attempt(channel, publication, progress(s.id(), channel.name()));
        }
        int made = release.attempts() + 1;
        Instant next = null;
        if (delivery.status() == Delivery.Status.PENDING && made < properties.maxAttempts()) {
            // the platform is still working on it (e.g. the official account's publish job): ask again later
            next = now.plus(properties.retryAfter(1));
        } else if (delivery.status() == Delivery.Status.PENDING) {
            delivery = Delivery.failed(channel.name(), "still in progress after " + made + " attempts; a manual "
                    + "retry asks again");
        } else if (delivery.status() == Delivery.Status.FAILED) {
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

    private DeliveryProgress progress(UUID statementId, String channel) {
        return new DeliveryProgress() {
            @Override
            public Optional<String> load() {
                return store.progress(statementId, channel);
            }

            @Override
            public void save(String progress) {
                progressWrites.executeWithoutResult(tx -> store.saveProgress(statementId, channel, progress,
                        Instant.now()));
            }
        };
    }
}
