package io.loyaltyloop.loyalty;

import io.loyaltyloop.lifecycle.CustomerSnapshot;
import io.loyaltyloop.lifecycle.CustomerUpserted;
import io.loyaltyloop.lifecycle.OrderCancelled;
import io.loyaltyloop.lifecycle.OrderLifecycleEvent;
import io.loyaltyloop.lifecycle.OrderLine;
import io.loyaltyloop.lifecycle.OrderPaid;
import io.loyaltyloop.lifecycle.OrderPlaced;
import io.loyaltyloop.lifecycle.OrderRefunded;
import io.loyaltyloop.lifecycle.OrderSnapshot;
import io.loyaltyloop.lifecycle.RefundedLine;
import io.loyaltyloop.shop.ShopId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A generated shop history: customers, their orders, and what happened to each order and when. Pure
 * data; {@link #events} turns it into the lifecycle events a host store would send, in the order
 * things happened. External ids are the same for every shop, so two shops can get the same history.
 */
record Scenario(List<String> customers, List<PlannedOrder> orders) {

    /** Before every order; customers are upserted at this moment. */
    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    record PlannedLine(String id, BigDecimal amount, boolean giftCard) {}

    /** What one refund took back, per line id (a line absent from the map was not refunded). */
    record PlannedRefund(String id, Instant at, Map<String, BigDecimal> amounts) {}

    /**
     * @param customer null for a guest checkout
     * @param paidAt null if the order is never paid
     * @param cancelledAt null if the order is never cancelled
     * @param cancelWithSnapshot whether the cancellation carries the order (Shopify's does)
     */
    record PlannedOrder(
            String id,
            String customer,
            Instant placedAt,
            Instant paidAt,
            List<PlannedLine> lines,
            List<PlannedRefund> refunds,
            Instant cancelledAt,
            boolean cancelWithSnapshot) {

        String placedEventId() {
            return id + "/placed";
        }

        String paidEventId() {
            return id + "/paid";
        }

        String cancelledEventId() {
            return id + "/cancelled";
        }

        String refundEventId(PlannedRefund refund) {
            return id + "/refund/" + refund.id();
        }
    }

    /** Every event of the history, sorted by when it happened (all instants are distinct). */
    List<OrderLifecycleEvent> events(ShopId shop) {
        List<OrderLifecycleEvent> events = new ArrayList<>();
        for (String customer : customers) {
            events.add(new CustomerUpserted(
                    shop,
                    "customer/" + customer,
                    START,
                    new CustomerSnapshot(customer, customer + "@example.com", "Ada", "Lovelace", "en", true, START)));
        }
        for (PlannedOrder o : orders) {
            OrderSnapshot snapshot = snapshot(o);
            events.add(new OrderPlaced(shop, o.placedEventId(), o.placedAt(), snapshot));
            if (o.paidAt() != null) {
                events.add(new OrderPaid(shop, o.paidEventId(), o.paidAt(), snapshot, o.paidAt()));
            }
            for (PlannedRefund r : o.refunds()) {
                List<RefundedLine> lines = r.amounts().entrySet().stream()
                        .map(e -> new RefundedLine(e.getKey(), 1, e.getValue()))
                        .toList();
                events.add(new OrderRefunded(shop, o.refundEventId(r), r.at(), o.id(), r.id(), r.at(), lines));
            }
            if (o.cancelledAt() != null) {
                events.add(new OrderCancelled(
                        shop,
                        o.cancelledEventId(),
                        o.cancelledAt(),
                        o.id(),
                        o.cancelledAt(),
                        o.cancelWithSnapshot() ? snapshot : null));
            }
        }
        events.sort(Comparator.comparing(OrderLifecycleEvent::occurredAt));
        return List.copyOf(events);
    }

    private static OrderSnapshot snapshot(PlannedOrder o) {
        List<OrderLine> lines = o.lines().stream()
                .map(l -> new OrderLine(
                        l.id(),
                        "product-" + l.id(),
                        "variant-" + l.id(),
                        "SKU-" + l.id(),
                        "Item " + l.id(),
                        "Acme",
                        l.giftCard() ? "Gift cards" : "Shirts",
                        1,
                        l.amount(),
                        l.giftCard()))
                .toList();
        CustomerSnapshot customer = o.customer() == null ? null : CustomerSnapshot.ofId(o.customer());
        return new OrderSnapshot(o.id(), "#" + o.id(), "USD", o.placedAt(), customer, lines);
    }
}
