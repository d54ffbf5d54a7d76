package org.yuqing.casework.notifications;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends the planned deliveries that are due (投递): claims a batch (SENDING, one more attempt counted) and commits,
 * sends each outside any transaction, then records SENT, or a failure with the next attempt after an exponential
 * backoff, or FAILED once the attempts are spent or the channel refused for good. Claims skip rows another replica
 * holds. An attempt a stopped service left in SENDING is, after {@code sending-lease}, made again only on channels
 * whose receiver drops a repeated idempotency key (the SMS gateway); elsewhere it becomes FAILED with an unknown
 * outcome for a person to retry, so nothing is sent twice after a restart. Time is this service's {@link Clock}.
 */
@Component
public class DeliveryDispatcher {

    private static final System.Logger LOG = System.getLogger(DeliveryDispatcher.class.getName());

    private final DeliveryRepository repository;
    private final NotificationProperties properties;
    private final Map<String, ChannelSender> senders;
    private final Clock clock;
    private final TransactionTemplate transactions;

    DeliveryDispatcher(DeliveryRepository repository, NotificationProperties properties, List<ChannelSender> senders,
                       Clock clock, PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.properties = properties;
        this.senders = senders.stream().collect(Collectors.toUnmodifiableMap(ChannelSender::channel, Function.identity()));
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** What one pass did. */
    public record Pass(int sent, int retrying, int failed, int interrupted) {
    }

    /** Sends everything due at the clock's current time, batch after batch, and returns the counts. */
    public Pass dispatch() {
        Instant now = clock.instant();
        List<String> resendable = senders.values().stream().filter(ChannelSender::receiverDeduplicates)
                .map(ChannelSender::channel).toList();
        Integer interrupted = transactions.execute(s -> repository.recoverInterrupted(
                now.minus(properties.sendingLease()), resendable, now));
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        while (true) {
            List<Long> claimed = transactions.execute(s -> repository.claim(now, properties.batchSize()));
            for (long id : claimed) {
                switch (attempt(id, now)) {
                    case Delivery.SENT -> sent++;
                    case Delivery.PENDING -> retrying++;
                    default -> failed++;
                }
            }
            if (claimed.size() < properties.batchSize()) {
                break;
            }
        }
        return new Pass(sent, retrying, failed, interrupted == null ? 0 : interrupted);
    }

    // Sends one claimed delivery and records how it went; returns its new status.
    private String attempt(long id, Instant now) {
        Delivery d = repository.find(id).orElseThrow();
        ChannelSender sender = senders.get(d.channel());
        ChannelSender.Outcome outcome;
        try {
            outcome = sender == null ? ChannelSender.Outcome.giveUp("no sender for channel " + d.channel())
                    : sender.send(d);
        } catch (RuntimeException e) {
            outcome = ChannelSender.Outcome.retry(e.getClass().getSimpleName());
            LOG.log(System.Logger.Level.WARNING, "delivery " + id + " on " + d.channel() + " failed unexpectedly", e);
        }
        ChannelSender.Outcome o = outcome;
        if (o.sent()) {
            transactions.executeWithoutResult(s -> repository.sent(id, clock.instant()));
            LOG.log(System.Logger.Level.INFO, "delivery {0} ({1} to {2}) sent", id, d.channel(), d.recipient());
            return Delivery.SENT;
        }
        boolean giveUp = o.permanent() || d.attempts() >= properties.maxAttempts();
        Instant next = giveUp ? null : now.plus(properties.backoffAfter(d.attempts()));
        transactions.executeWithoutResult(s -> repository.failed(id, o.error(), next, clock.instant()));
        LOG.log(System.Logger.Level.WARNING, "delivery {0} ({1} to {2}) attempt {3} failed{4}: {5}", id, d.channel(),
                d.recipient(), d.attempts(), giveUp ? ", given up" : ", next at " + next, o.error());
        return giveUp ? Delivery.FAILED : Delivery.PENDING;
    }
}
