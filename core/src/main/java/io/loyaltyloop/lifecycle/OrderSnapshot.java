package io.loyaltyloop.lifecycle;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/**
 * An order as the host store describes it.
 *
 * @param currency the shop currency the line amounts are in
 * @param customer null for a guest checkout (guests earn no points)
 */
public record OrderSnapshot(
        String externalOrderId,
        String name,
        String currency,
        Instant placedAt,
        CustomerSnapshot customer,
        List<OrderLine> lines) {

    public OrderSnapshot {
        Check.id("order id", externalOrderId);
        currency = Check.currency("order currency", currency);
        Check.required("order placed at", placedAt);
        lines = Check.list("order lines", lines);
        var seen = new HashSet<String>();
        for (OrderLine line : lines) {
            if (!seen.add(line.externalLineId())) {
                throw new InvalidEventException("order line id " + line.externalLineId() + " appears twice");
            }
        }
    }
}
