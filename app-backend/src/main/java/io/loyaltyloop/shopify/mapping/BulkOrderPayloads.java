package io.loyaltyloop.shopify.mapping;

import io.loyaltyloop.lifecycle.CustomerSnapshot;
import io.loyaltyloop.lifecycle.FulfillmentUpdated;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One order of the bulk import ({@code AdminBulkOrdersQuery.graphql}, GraphQL-shaped) → the same
 * engine events its webhooks would have made, with the same conventions as {@link OrderPayloads}:
 * ids are the numeric part of the GID (what webhooks carry, so an order imported and later updated
 * by webhook is one order), amounts are shop money, a line earns on price × quantity − its
 * discounts − its taxes when prices include tax, refunds on their lines' subtotals.
 *
 * <p>Source event ids are {@code import:{operation}:{order}:placed|paid|cancelled},
 * {@code …:refund:{id}} and {@code …:fulfillment:{id}}: reading the same file again changes
 * nothing. Whether the order earns (paid, not cancelled, placed after the install or the merchant
 * awards prior orders) is the engine's decision, from these facts.
 */
public final class BulkOrderPayloads {

    /** Financial statuses of an order whose payment was captured (refunds come as their own facts). */
    private static final Set<String> PAID = Set.of("PAID", "PARTIALLY_REFUNDED", "REFUNDED");

    private BulkOrderPayloads() {}

    public static List<OrderLifecycleEvent> events(ShopId shop, String operationId, BulkOrder bulk) {
        JsonNode order = bulk.order();
        OrderSnapshot snapshot = snapshot(order, bulk.lineItems());
        String prefix = "import:" + numericId(operationId) + ":" + snapshot.externalOrderId() + ":";
        var events = new ArrayList<OrderLifecycleEvent>();
        events.add(new OrderPlaced(shop, prefix + "placed", snapshot.placedAt(), snapshot));
        if (PAID.contains(Payload.text(order, "displayFinancialStatus"))) {
            Instant paidAt = Payload.instant(order, "processedAt");
            paidAt = paidAt != null ? paidAt : snapshot.placedAt();
            events.add(new OrderPaid(shop, prefix + "paid", paidAt, snapshot, paidAt));
        }
        Instant cancelledAt = Payload.instant(order, "cancelledAt");
        if (cancelledAt != null) {
            events.add(new OrderCancelled(
                    shop, prefix + "cancelled", cancelledAt, snapshot.externalOrderId(), cancelledAt, snapshot));
        }
        for (JsonNode refund : Payload.array(order, "refunds")) {
            refunded(shop, prefix, snapshot.externalOrderId(), refund, bulk.refundLineItems())
                    .ifPresent(events::add);
        }
        for (JsonNode fulfillment : Payload.array(order, "fulfillments")) {
            events.add(fulfillment(shop, prefix, snapshot.externalOrderId(), fulfillment));
        }
        return events;
    }

    private static OrderSnapshot snapshot(JsonNode order, List<JsonNode> lineItems) {
        String currency = Payload.requiredText(order, "currencyCode");
        boolean taxesIncluded = Payload.flag(order, "taxesIncluded");
        var lines = new ArrayList<OrderLine>();
        for (JsonNode line : lineItems) {
            if (!isTip(line)) {
                lines.add(line(line, currency, taxesIncluded));
            }
        }
        JsonNode customer = order.path("customer");
        String customerId = customer.isObject() ? optionalGid(customer, "id") : null;
        return new OrderSnapshot(
                gid(order, "id"),
                Payload.text(order, "name"),
                currency,
                Payload.requiredInstant(order, "createdAt"),
                // Only the id: the import must not overwrite what customers/* webhooks tell.
                customerId == null ? null : CustomerSnapshot.ofId(customerId),
                lines);
    }

    private static OrderLine line(JsonNode line, String currency, boolean taxesIncluded) {
        String lineId = gid(line, "id");
        try {
            int quantity = Payload.quantity(line, "quantity");
            BigDecimal amount = shopMoney(line, "originalUnitPriceSet", currency)
                    .multiply(BigDecimal.valueOf(quantity))
                    .subtract(shopMoney(line, "totalDiscountSet", currency));
            if (taxesIncluded) {
                for (JsonNode tax : Payload.array(line, "taxLines")) {
                    amount = amount.subtract(shopMoney(tax, "priceSet", currency));
                }
            }
            JsonNode product = line.path("product");
            return new OrderLine(
                    lineId,
                    optionalGid(product, "id"),
                    optionalGid(line.path("variant"), "id"),
                    Payload.text(line, "sku"),
                    Payload.text(line, "title"),
                    Payload.text(line, "vendor"),
                    product.isObject() ? Payload.text(product, "productType") : null,
                    quantity,
                    amount.signum() < 0 ? BigDecimal.ZERO.setScale(amount.scale()) : amount,
                    Payload.flag(line, "isGiftCard"));
        } catch (ShopifyMappingException e) {
            throw new ShopifyMappingException("line " + lineId + ": " + e.getMessage(), e);
        }
    }

    private static Optional<OrderLifecycleEvent> refunded(
            ShopId shop, String prefix, String orderId, JsonNode refund, List<JsonNode> refundLineItems) {
        String refundGid = Payload.requiredText(refund, "id");
        Map<String, RefundedLine> lines = new LinkedHashMap<>();
        for (JsonNode item : refundLineItems) {
            if (!refundGid.equals(Payload.text(item, "__parentId"))) {
                continue;
            }
            String lineItemId = gid(item.path("lineItem"), "id");
            RefundPayloads.addLine(
                    lines,
                    new RefundedLine(
                            lineItemId, Payload.quantity(item, "quantity"), shopMoney(item, "subtotalSet", null)));
        }
        if (lines.isEmpty()) {
            return Optional.empty(); // shipping or adjustments only: no merchandise
        }
        String refundId = numericId(refundGid);
        Instant refundedAt = Payload.instant(refund, "processedAt");
        refundedAt = refundedAt != null ? refundedAt : Payload.requiredInstant(refund, "createdAt");
        return Optional.of(new OrderRefunded(
                shop,
                prefix + "refund:" + refundId,
                refundedAt,
                orderId,
                refundId,
                refundedAt,
                new ArrayList<>(lines.values())));
    }

    /** Statuses in the webhooks' spelling ({@code success}, {@code in_transit}), which journeys read. */
    private static FulfillmentUpdated fulfillment(ShopId shop, String prefix, String orderId, JsonNode f) {
        String id = gid(f, "id");
        Instant updatedAt = Payload.requiredInstant(f, "updatedAt");
        JsonNode tracking = f.path("trackingInfo").path(0);
        String url = tracking.isObject() ? Payload.text(tracking, "url") : null;
        return new FulfillmentUpdated(
                shop,
                prefix + "fulfillment:" + id,
                updatedAt,
                orderId,
                id,
                lower(Payload.requiredText(f, "status")),
                lower(Payload.text(f, "displayStatus")),
                tracking.isObject() ? Payload.text(tracking, "company") : null,
                tracking.isObject() ? Payload.text(tracking, "number") : null,
                url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null,
                updatedAt);
    }

    private static boolean isTip(JsonNode line) {
        String title = Payload.text(line, "title");
        return !line.path("product").isObject()
                && !line.path("variant").isObject()
                && title != null
                && title.trim().toLowerCase(Locale.ROOT).equals("tip");
    }

    /** {@code {shopMoney:{amount,currencyCode}}}; a currency other than the order's is refused. */
    private static BigDecimal shopMoney(JsonNode node, String field, String currency) {
        JsonNode money = node.path(field).path("shopMoney");
        if (!money.isObject()) {
            throw new ShopifyMappingException(field + ".shopMoney is missing");
        }
        String code = Payload.text(money, "currencyCode");
        if (currency != null && code != null && !code.equals(currency)) {
            throw new ShopifyMappingException(
                    field + ".shopMoney is in " + code + " but the order's shop currency is " + currency);
        }
        String amount = Payload.requiredText(money, "amount");
        try {
            return new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw new ShopifyMappingException(field + ".shopMoney.amount is not a decimal amount: " + amount, e);
        }
    }

    private static String gid(JsonNode node, String field) {
        String id = optionalGid(node, field);
        if (id == null) {
            throw new ShopifyMappingException(field + " is missing");
        }
        return id;
    }

    private static String optionalGid(JsonNode node, String field) {
        if (!node.isObject()) {
            return null;
        }
        String gid = Payload.text(node, field);
        return gid == null ? null : numericId(gid);
    }

    /** {@code gid://shopify/Order/450789469} → {@code 450789469}. */
    static String numericId(String gid) {
        int slash = gid.lastIndexOf('/');
        String id = gid.startsWith("gid://shopify/") ? gid.substring(slash + 1) : "";
        // Some GIDs carry a query (?…); Shopify's numeric ids are at most 20 digits.
        int query = id.indexOf('?');
        id = query >= 0 ? id.substring(0, query) : id;
        if (!id.matches("[0-9]{1,20}")) {
            throw new ShopifyMappingException("not a Shopify GID with a numeric id: " + gid);
        }
        return id;
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
