package io.loyaltyloop.shopify.mapping;

import io.loyaltyloop.lifecycle.OrderLifecycleEvent;
import io.loyaltyloop.lifecycle.OrderRefunded;
import io.loyaltyloop.lifecycle.RefundedLine;
import io.loyaltyloop.shop.ShopId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code refunds/create} → {@link OrderRefunded} from {@code refund_line_items}.
 *
 * <p>Per refunded line: the order line is {@code line_item_id} (the refund line's own {@code id} is
 * not an order line, and in the 2026-07 example it even lost precision); quantity is {@code
 * quantity} as given, whatever the {@code restock_type}; amount is {@code
 * subtotal_set.shop_money.amount}, which Shopify states after discounts and before tax — the same
 * convention as {@code OrderLine.amount}. Two refund lines for one order line (restocked at two
 * locations) are summed, because the engine wants each order line once per refund.
 *
 * <p>{@code order_adjustments} (shipping refunds, refund discrepancies) and {@code
 * refund_shipping_lines} are ignored: they never touch merchandise, and only merchandise earns. A
 * refund with no refunded lines therefore maps to no event.
 */
final class RefundPayloads {

    private RefundPayloads() {}

    static List<OrderLifecycleEvent> created(ShopId shop, String sourceEventId, JsonNode refund) {
        String refundId = Payload.id(refund, "id");
        String orderId = Payload.id(refund, "order_id");
        // processed_at is when the money went back; created_at when the refund was recorded.
        Instant refundedAt = Payload.instant(refund, "processed_at");
        if (refundedAt == null) {
            refundedAt = Payload.requiredInstant(refund, "created_at");
        }
        Map<String, RefundedLine> lines = new LinkedHashMap<>();
        for (JsonNode item : Payload.array(refund, "refund_line_items")) {
            addLine(lines, line(item));
        }
        if (lines.isEmpty()) {
            return List.of();
        }
        return List.of(new OrderRefunded(
                shop, sourceEventId, refundedAt, orderId, refundId, refundedAt, new ArrayList<>(lines.values())));
    }

    /** Adds a refunded line, summed with an earlier one for the same order line. */
    static void addLine(Map<String, RefundedLine> lines, RefundedLine line) {
        lines.merge(
                line.externalLineId(),
                line,
                (a, b) -> new RefundedLine(
                        a.externalLineId(),
                        a.quantity() + b.quantity(),
                        a.amount().add(b.amount())));
    }

    private static RefundedLine line(JsonNode item) {
        String lineItemId = Payload.id(item, "line_item_id");
        try {
            BigDecimal amount = Payload.shopMoney(item, "subtotal_set", null);
            return new RefundedLine(lineItemId, Payload.quantity(item, "quantity"), amount);
        } catch (ShopifyMappingException e) {
            throw new ShopifyMappingException("refund line for line item " + lineItemId + ": " + e.getMessage(), e);
        }
    }
}
