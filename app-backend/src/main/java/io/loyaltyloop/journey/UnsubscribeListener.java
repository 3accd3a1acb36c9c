package io.loyaltyloop.journey;

import io.loyaltyloop.email.CustomerUnsubscribed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A customer who unsubscribed gets nothing more: their planned steps are cancelled, so the order's
 * timeline says so instead of showing messages that will never go. The outbox refuses their mail
 * anyway, so a step planned later (a new order) is skipped at dispatch time.
 */
@Component
class UnsubscribeListener {

    private final JourneyService journeys;

    UnsubscribeListener(JourneyService journeys) {
        this.journeys = journeys;
    }

    @EventListener
    void on(CustomerUnsubscribed event) {
        journeys.cancelForCustomer(event.shop(), event.customerId(), "customer unsubscribed");
    }
}
