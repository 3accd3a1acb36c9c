package io.loyaltyloop.testing;

import io.loyaltyloop.lifecycle.CustomerSnapshot;
import io.loyaltyloop.lifecycle.OrderCancelled;
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
import java.util.List;
import java.util.UUID;

/** Builder for orders and the events about them. */
public final class Orders {

    private final ShopId shop;
    private String orderId = "order-" + UUID.randomUUID();
    private String customerId = "customer-" + UUID.randomUUID();
    private String currency = "USD";
    private Instant placedAt = Instant.parse("2026-11-01T10:00:00Z");
    private final List<OrderLine> lines = new ArrayList<>();

    private Orders(ShopId shop) {
        this.shop = shop;
    }

    public static Orders order(ShopId shop) {
        return new Orders(shop);
    }

    public Orders id(String orderId) {
        this.orderId = orderId;
        return this;
    }

    public Orders customer(String customerId) {
        this.customerId = customerId;
        return this;
    }

    public Orders guest() {
        this.customerId = null;
        return this;
    }

    public Orders currency(String currency) {
        this.currency = currency;
        return this;
    }

    public Orders placedAt(Instant placedAt) {
        this.placedAt = placedAt;
        return this;
    }

    public Orders line(String lineId, String amount) {
        return line(lineId, amount, false);
    }

    public Orders giftCard(String lineId, String amount) {
        return line(lineId, amount, true);
    }

    public Orders line(String lineId, String amount, boolean giftCard) {
        lines.add(new OrderLine(
                lineId,
                "product-" + lineId,
                "variant-" + lineId,
                "SKU-" + lineId,
                "Item " + lineId,
                "Acme",
                "Shirts",
                1,
                new BigDecimal(amount),
                giftCard));
        return this;
    }

    public Orders line(OrderLine line) {
        lines.add(line);
        return this;
    }

    public String id() {
        return orderId;
    }

    public ShopId shop() {
        return shop;
    }

    public String customerId() {
        return customerId;
    }

    public OrderSnapshot snapshot() {
        CustomerSnapshot customer = customerId == null
                ? null
                : new CustomerSnapshot(customerId, customerId + "@example.com", "Ada", "Lovelace", "en", true, null);
        return new OrderSnapshot(orderId, "#" + orderId, currency, placedAt, customer, lines);
    }

    public OrderPlaced placed() {
        return new OrderPlaced(shop, orderId + "/placed", placedAt, snapshot());
    }

    public OrderPaid paid() {
        return paid(placedAt.plusSeconds(60));
    }

    public OrderPaid paid(Instant paidAt) {
        return new OrderPaid(shop, orderId + "/paid", paidAt, snapshot(), paidAt);
    }

    public OrderCancelled cancelled() {
        Instant at = placedAt.plusSeconds(3600);
        return new OrderCancelled(shop, orderId + "/cancelled", at, orderId, at, snapshot());
    }

    /** A refund of the given lines; each entry is lineId, amount. */
    public OrderRefunded refund(String refundId, String... lineIdAndAmount) {
        List<RefundedLine> refunded = new ArrayList<>();
        for (int i = 0; i < lineIdAndAmount.length; i += 2) {
            refunded.add(new RefundedLine(lineIdAndAmount[i], 1, new BigDecimal(lineIdAndAmount[i + 1])));
        }
        Instant at = placedAt.plusSeconds(7200);
        return new OrderRefunded(shop, orderId + "/refund/" + refundId, at, orderId, refundId, at, refunded);
    }
}
