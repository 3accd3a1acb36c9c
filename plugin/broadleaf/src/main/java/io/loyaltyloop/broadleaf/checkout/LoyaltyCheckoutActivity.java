package io.loyaltyloop.broadleaf.checkout;

import io.loyaltyloop.broadleaf.outbox.EventTypes;
import io.loyaltyloop.broadleaf.outbox.LoyaltyOutbox;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.broadleafcommerce.core.checkout.service.workflow.CheckoutSeed;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.workflow.BaseActivity;
import org.broadleafcommerce.core.workflow.ProcessContext;

/**
 * Writes {@code order.submitted} into the outbox as the last step of {@code blCheckoutWorkflow}
 * (order 7000, after Broadleaf's CompleteOrderActivity at 6000 has set status, number and submit
 * date).
 *
 * <p>Why an activity and not an {@code OrderPersistedEvent} listener: that event is published after
 * the commit, so a crash between the order's commit and the outbox write would lose the event for
 * good; and it fires on every save of the order. The activity writes before the final save of the
 * order, so nothing is lost; the opposite risk (the final save fails after the row was written) is
 * covered by the sender, which holds an {@code order.submitted} row while its order is still a cart
 * and rejects it after 24 h. (No wake-up of the sender from here: the order is not committed yet;
 * the sender's next poll, a second later, finds the row.) When the site runs checkout in a transaction, the row joins it through
 * a savepoint where the transaction manager offers one.
 *
 * <p>Never breaks checkout: an exception thrown by an activity fails the customer's checkout, so
 * everything is caught and logged with the order id (the merchant can replay the event with
 * {@code LoyaltyLoopEvents.orderSubmitted(orderId)}); nothing here waits on the network.
 */
public class LoyaltyCheckoutActivity extends BaseActivity<ProcessContext<CheckoutSeed>> {

    private static final Log LOG = LogFactory.getLog(LoyaltyCheckoutActivity.class);

    private final LoyaltyOutbox outbox;

    public LoyaltyCheckoutActivity(LoyaltyOutbox outbox) {
        this.outbox = outbox;
        setOrder(7000);
    }

    @Override
    public ProcessContext<CheckoutSeed> execute(ProcessContext<CheckoutSeed> context) {
        Long orderId = null;
        try {
            Order order = context.getSeedData().getOrder();
            orderId = order.getId();
            outbox.enqueueIsolated(
                    EventTypes.ORDER_SUBMITTED,
                    dedupeKey(orderId),
                    String.valueOf(orderId),
                    OrderPayloads.submittedAt(order),
                    OrderPayloads.orderSubmitted(order));
        } catch (Throwable t) {
            LOG.error(
                    "Loyalty Loop: could not write order.submitted for order " + orderId
                            + "; the checkout goes on. Replay it with LoyaltyLoopEvents.orderSubmitted(" + orderId
                            + ")",
                    t);
        }
        return context;
    }

    /** One {@code order.submitted} per order, however often checkout runs for it. */
    public static String dedupeKey(Long orderId) {
        return EventTypes.ORDER_SUBMITTED + ":" + orderId;
    }
}
