package io.loyaltyloop.shopify.mapping;

import io.loyaltyloop.lifecycle.CustomerSnapshot;
import io.loyaltyloop.lifecycle.OrderCancelled;
import io.loyaltyloop.lifecycle.OrderLifecycleEvent;
import io.loyaltyloop.lifecycle.OrderLine;
import io.loyaltyloop.lifecycle.OrderPaid;
import io.loyaltyloop.lifecycle.OrderPlaced;
import io.loyaltyloop.lifecycle.OrderSnapshot;
import io.loyaltyloop.shop.ShopId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * {@code orders/create}, {@code orders/paid}, {@code orders/cancelled}: the order payload becomes an
 * {@link OrderSnapshot}.
 *
 * <p><b>Line amount</b> (what {@link OrderLine#amount()} means: merchandise after all discounts,
 * before tax, in shop money):
 *
 * <pre>
 *   price_set.shop_money.amount × quantity
 *   − Σ discount_allocations[].amount_set.shop_money.amount      (line- and order-level discounts)
 *   − Σ tax_lines[].price_set.shop_money.amount                  (only when the order's taxes_included)
 *   floored at 0
 * </pre>
 *
 * {@code quantity} is the ordered quantity, not {@code current_quantity}: refunds reach the engine
 * as their own facts, and counting them here too would take them off twice. Shipping is in {@code
 * shipping_lines}, never in {@code line_items}, so it never earns. Gift-card lines are flagged (the
 * engine never lets them earn). Tip lines are dropped: Shopify reports tips in {@code
 * total_tip_received}; where a tip shows up as a line it is a custom line (no product, no variant)
 * titled "Tip". {@code product_id} null alone is <em>not</em> a tip: custom and bundle lines have
 * it too (the 2026-07 example order has two).
 *
 * <p><b>Currency</b>: {@code currency} is the shop currency and every amount comes from {@code
 * shop_money}; {@code presentment_currency} (what the buyer saw) is never used. A {@code
 * shop_money.currency_code} that disagrees with {@code currency} is refused rather than guessed.
 */
final class OrderPayloads {

    private OrderPayloads() {}

    /**
     * {@code orders/create} → {@link OrderPlaced}; when the order is already {@code paid} also an
     * {@link OrderPaid} at {@code processed_at}. Shopify should send {@code orders/paid} as well, but
     * deliveries can be late, reordered or filtered away, and the engine keeps the first payment time
     * and derives points from facts, so the second payment fact costs nothing and never double-earns.
     */
    static List<OrderLifecycleEvent> created(ShopId shop, String sourceEventId, JsonNode order) {
        OrderSnapshot snapshot = snapshot(order);
        Instant createdAt = snapshot.placedAt();
        var events = new ArrayList<OrderLifecycleEvent>();
        events.add(new OrderPlaced(shop, sourceEventId, createdAt, snapshot));
        if ("paid".equals(Payload.text(order, "financial_status"))) {
            Instant paidAt = processedAt(order);
            events.add(new OrderPaid(shop, sourceEventId + ":paid", paidAt, snapshot, paidAt));
        }
        return events;
    }

    /**
     * {@code orders/paid} → {@link OrderPaid}. paidAt = {@code updated_at}: the order is updated when it
     * becomes paid, and a retry carries the same payload, so it is stable. {@code processed_at} is when
     * the order was placed and does not move for a payment days later (bank transfer, COD, payment
     * terms); it is only the fallback.
     */
    static List<OrderLifecycleEvent> paid(ShopId shop, String sourceEventId, JsonNode order) {
        OrderSnapshot snapshot = snapshot(order);
        Instant paidAt = Payload.instant(order, "updated_at");
        if (paidAt == null) {
            paidAt = processedAt(order);
        }
        return List.of(new OrderPaid(shop, sourceEventId, paidAt, snapshot, paidAt));
    }

    /** {@code orders/cancelled} → {@link OrderCancelled} at {@code cancelled_at}, with the snapshot. */
    static List<OrderLifecycleEvent> cancelled(ShopId shop, String sourceEventId, JsonNode order) {
        OrderSnapshot snapshot = snapshot(order);
        Instant cancelledAt = Payload.requiredInstant(order, "cancelled_at");
        return List.of(new OrderCancelled(
                shop, sourceEventId, cancelledAt, snapshot.externalOrderId(), cancelledAt, snapshot));
    }

    private static Instant processedAt(JsonNode order) {
        Instant processedAt = Payload.instant(order, "processed_at");
        return processedAt != null ? processedAt : Payload.requiredInstant(order, "created_at");
    }

    static OrderSnapshot snapshot(JsonNode order) {
        String id = Payload.id(order, "id");
        String currency = Payload.requiredText(order, "currency");
        Instant placedAt = Payload.requiredInstant(order, "created_at");
        boolean taxesIncluded = Payload.flag(order, "taxes_included");
        var lines = new ArrayList<OrderLine>();
        for (JsonNode line : Payload.array(order, "line_items")) {
            if (!isTip(line)) {
                lines.add(line(line, currency, taxesIncluded));
            }
        }
        return new OrderSnapshot(id, Payload.text(order, "name"), currency, placedAt, customer(order), lines);
    }

    static BigDecimal lineAmount(JsonNode line, String currency, boolean taxesIncluded) {
        int quantity = Payload.quantity(line, "quantity");
        BigDecimal amount = Payload.shopMoney(line, "price_set", currency).multiply(BigDecimal.valueOf(quantity));
        for (JsonNode allocation : Payload.array(line, "discount_allocations")) {
            amount = amount.subtract(Payload.shopMoney(allocation, "amount_set", currency));
        }
        if (taxesIncluded) {
            // Tax-inclusive prices hold the tax; the engine earns on the amount before tax.
            for (JsonNode tax : Payload.array(line, "tax_lines")) {
                amount = amount.subtract(Payload.shopMoney(tax, "price_set", currency));
            }
        }
        return amount.signum() < 0 ? BigDecimal.ZERO.setScale(amount.scale()) : amount;
    }

    private static OrderLine line(JsonNode line, String currency, boolean taxesIncluded) {
        String lineId = Payload.id(line, "id");
        try {
            return new OrderLine(
                    lineId,
                    Payload.optionalId(line, "product_id"),
                    Payload.optionalId(line, "variant_id"),
                    Payload.text(line, "sku"),
                    Payload.text(line, "title"),
                    Payload.text(line, "vendor"),
                    Payload.text(line, "product_type"),
                    Payload.quantity(line, "quantity"),
                    lineAmount(line, currency, taxesIncluded),
                    Payload.flag(line, "gift_card"));
        } catch (ShopifyMappingException e) {
            throw new ShopifyMappingException("line " + lineId + ": " + e.getMessage(), e);
        }
    }

    private static boolean isTip(JsonNode line) {
        String title = Payload.text(line, "title");
        return Payload.optionalId(line, "product_id") == null
                && Payload.optionalId(line, "variant_id") == null
                && title != null
                && title.trim().toLowerCase(Locale.ROOT).equals("tip");
    }

    /**
     * The order's customer, or null for a guest checkout (no {@code customer}, or one without an id).
     * The locale is the order's {@code customer_locale}: the language this buyer used.
     */
    private static CustomerSnapshot customer(JsonNode order) {
        JsonNode customer = order.path("customer");
        if (!customer.isObject()) {
            return null;
        }
        String id = Payload.optionalId(customer, "id");
        if (id == null) {
            return null;
        }
        return new CustomerSnapshot(
                id,
                Payload.text(customer, "email"),
                Payload.text(customer, "first_name"),
                Payload.text(customer, "last_name"),
                Payload.text(order, "customer_locale"),
                CustomerPayloads.acceptsMarketing(customer, order),
                Payload.instant(customer, "updated_at"));
    }
}
