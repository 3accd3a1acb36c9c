package io.loyaltyloop.broadleaf.oms;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.service.type.OrderStatus;

/**
 * Runs before {@code OrderService#cancelOrder} (an {@code aop:before} in the module's patch XML):
 * Broadleaf cancels an order by deleting it, so the event is written while the order still exists.
 * Carts are "cancelled" the same way (cart merges, abandoned carts) and are ignored. A failure is
 * logged and never stops the cancellation.
 */
public class OrderCancellationHook {

    private static final Log LOG = LogFactory.getLog(OrderCancellationHook.class);

    private final LoyaltyLoopEvents events;

    public OrderCancellationHook(LoyaltyLoopEvents events) {
        this.events = events;
    }

    public void beforeCancel(Order order) {
        try {
            if (order != null && order.getId() != null && !OrderStatus.IN_PROCESS.equals(order.getStatus())) {
                events.orderCancelled(order.getId());
            }
        } catch (RuntimeException e) {
            LOG.error(
                    "Loyalty Loop: could not record the cancellation of order " + order.getId()
                            + "; call LoyaltyLoopEvents.orderCancelled to replay it",
                    e);
        }
    }
}
