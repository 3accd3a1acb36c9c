package io.loyaltyloop.lifecycle;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/**
 * A refund on an order. After any sequence of refunds the order's points equal what its remaining,
 * unrefunded eligible amount earns.
 */
public record OrderRefunded(
        ShopId shop,
        String sourceEventId,
        Instant occurredAt,
        String externalOrderId,
        String externalRefundId,
        Instant refundedAt,
        List<RefundedLine> lines)
        implements OrderLifecycleEvent {

    public OrderRefunded {
        Check.required("shop", shop);
        Check.sourceEventId(sourceEventId);
        Check.required("occurred at", occurredAt);
        Check.id("order id", externalOrderId);
        Check.id("refund id", externalRefundId);
        Check.required("refunded at", refundedAt);
        lines = Check.list("refunded lines", lines);
        var seen = new HashSet<String>();
        for (RefundedLine line : lines) {
            if (!seen.add(line.externalLineId())) {
                throw new InvalidEventException("refunded line id " + line.externalLineId() + " appears twice");
            }
        }
    }
}
