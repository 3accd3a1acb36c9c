package io.loyaltyloop.email;

import io.loyaltyloop.shop.ShopId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Customers leaving a shop's emails through the link in every customer email. An unsubscribed
 * customer gets no further customer emails from that shop (the outbox refuses them and the sender
 * cancels those already queued); {@link CustomerUnsubscribed} tells the journey after commit.
 */
@Service
public class Unsubscribes {

    private final UnsubscribeLinks links;
    private final UnsubscribeRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Unsubscribes(
            UnsubscribeLinks links, UnsubscribeRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.links = links;
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    public boolean isUnsubscribed(ShopId shop, long customerId) {
        return repository.isUnsubscribed(shop, customerId);
    }

    /** The recipient of a valid, unexpired token whose customer still exists. */
    Optional<UnsubscribeLinks.Recipient> recipient(String token) {
        return links.verify(token, clock.instant()).filter(r -> repository.customerExists(r.shop(), r.customerId()));
    }

    /** Idempotent: a second call changes nothing and publishes nothing. */
    void unsubscribe(UnsubscribeLinks.Recipient recipient) {
        Instant now = clock.instant();
        if (repository.record(recipient.shop(), recipient.customerId(), now)) {
            CustomerUnsubscribed event = new CustomerUnsubscribed(recipient.shop(), recipient.customerId(), now);
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        events.publishEvent(event);
                    }
                });
            } else {
                // No transaction: the insert has committed already.
                events.publishEvent(event);
            }
        }
    }
}
