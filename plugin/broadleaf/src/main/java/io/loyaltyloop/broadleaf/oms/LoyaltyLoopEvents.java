package io.loyaltyloop.broadleaf.oms;

import io.loyaltyloop.broadleaf.checkout.LoyaltyCheckoutActivity;
import io.loyaltyloop.broadleaf.checkout.OrderPayloads;
import io.loyaltyloop.broadleaf.outbox.EventTypes;
import io.loyaltyloop.broadleaf.outbox.LoyaltyOutbox;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.broadleafcommerce.core.order.domain.DiscreteOrderItem;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.service.OrderService;
import org.broadleafcommerce.core.order.service.type.OrderStatus;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.codehaus.jackson.map.ObjectMapper;
import org.codehaus.jackson.node.ArrayNode;
import org.codehaus.jackson.node.ObjectNode;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;

/**
 * What the merchant's order management tells Loyalty Loop (bean {@code loyaltyLoopEvents}).
 * Broadleaf 3.1 has no tracking numbers, returns or refunds of its own, so the OMS reports them here.
 *
 * <p>Every method validates its arguments ({@link IllegalArgumentException}, nothing written), then
 * writes one outbox row in the caller's transaction (or its own when there is none) and returns the
 * event id. Nothing waits on the backend. Repeating a call with the same arguments writes nothing
 * new and returns the same event id.
 */
public class LoyaltyLoopEvents {

    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoyaltyOutbox outbox;
    private final OrderService orderService;

    public LoyaltyLoopEvents(LoyaltyOutbox outbox, OrderService orderService) {
        this.outbox = outbox;
        this.orderService = orderService;
    }

    /**
     * A shipment of a submitted order changed: shipped, in transit, out for delivery, delivered or
     * failed. {@code carrier}, {@code trackingNumber} and {@code trackingUrl} may be null;
     * {@code trackingUrl} must be http(s).
     */
    public String shipmentUpdated(
            long orderId,
            String shipmentId,
            ShipmentStatus status,
            String carrier,
            String trackingNumber,
            String trackingUrl) {
        submittedOrder(orderId, NOTHING);
        require(shipmentId != null && ID.matcher(shipmentId).matches(), "shipmentId must match " + ID);
        require(status != null, "status is required");
        require(carrier == null || carrier.length() <= 100, "carrier is longer than 100 characters");
        require(
                trackingNumber == null || trackingNumber.length() <= 100,
                "trackingNumber is longer than 100 characters");
        require(trackingUrl == null || isHttpUrl(trackingUrl), "trackingUrl must be an http(s) URL");
        Date now = new Date();
        ObjectNode data = JSON.createObjectNode();
        data.put("orderId", String.valueOf(orderId));
        data.put("shipmentId", shipmentId);
        data.put("status", status.wire());
        data.put("carrier", carrier);
        data.put("trackingNumber", trackingNumber);
        data.put("trackingUrl", trackingUrl);
        data.put("updatedAt", instant(now));
        String key = EventTypes.SHIPMENT_UPDATED + ":"
                + digest(orderId + "\n" + shipmentId + "\n" + status + "\n" + carrier + "\n" + trackingNumber + "\n"
                        + trackingUrl);
        return outbox.enqueue(EventTypes.SHIPMENT_UPDATED, key, String.valueOf(orderId), now, data.toString());
    }

    /** The order was cancelled (the order need not exist any more: Broadleaf deletes cancelled orders). */
    public String orderCancelled(long orderId) {
        require(orderId > 0, "orderId must be positive");
        Date now = new Date();
        ObjectNode data = JSON.createObjectNode();
        data.put("orderId", String.valueOf(orderId));
        data.put("cancelledAt", instant(now));
        return outbox.enqueue(
                EventTypes.ORDER_CANCELLED,
                EventTypes.ORDER_CANCELLED + ":" + orderId,
                String.valueOf(orderId),
                now,
                data.toString());
    }

    /**
     * Part or all of a submitted order was refunded. {@code refundId} is the OMS's id of the refund
     * (a second call with it writes nothing); each line names an item of that order.
     */
    public String orderRefunded(long orderId, String refundId, List<RefundLine> lines) {
        Set<Long> itemIds = submittedOrder(orderId, ITEM_IDS);
        require(refundId != null && ID.matcher(refundId).matches(), "refundId must match " + ID);
        require(lines != null && !lines.isEmpty(), "a refund needs at least one line");
        Date now = new Date();
        ObjectNode data = JSON.createObjectNode();
        data.put("orderId", String.valueOf(orderId));
        data.put("refundId", refundId);
        data.put("refundedAt", instant(now));
        ArrayNode json = data.putArray("lines");
        for (RefundLine line : lines) {
            require(line != null, "a refund line is null");
            require(itemIds.contains(line.orderItemId()), "order " + orderId + " has no item " + line.orderItemId());
            require(line.quantity() >= 0, "a refund line's quantity must not be negative");
            require(isAmount(line.amount()), "a refund line's amount must be ≥ 0 with at most 2 decimals");
            ObjectNode item = json.addObject();
            item.put("lineId", String.valueOf(line.orderItemId()));
            item.put("quantity", line.quantity());
            item.put("amount", line.amount().setScale(2).toPlainString());
        }
        return outbox.enqueue(
                EventTypes.ORDER_REFUNDED,
                EventTypes.ORDER_REFUNDED + ":" + orderId + ":" + refundId,
                String.valueOf(orderId),
                now,
                data.toString());
    }

    /**
     * Writes {@code order.submitted} for an order whose checkout could not write it (the checkout
     * hook logs the order id when that happens). Nothing new when the order already has one.
     */
    public String orderSubmitted(long orderId) {
        final Date[] submittedAt = new Date[1];
        String data = submittedOrder(orderId, new OrderReader<String>() {
            @Override
            public String read(Order order) {
                submittedAt[0] = OrderPayloads.submittedAt(order);
                return OrderPayloads.orderSubmitted(order);
            }
        });
        return outbox.enqueue(
                EventTypes.ORDER_SUBMITTED,
                LoyaltyCheckoutActivity.dedupeKey(orderId),
                String.valueOf(orderId),
                submittedAt[0],
                data);
    }

    /** A registered customer's profile changed (email, name, locale, marketing consent). */
    public String customerUpserted(Customer customer) {
        require(customer != null && customer.getId() != null, "customer with an id is required");
        ObjectNode data = JSON.createObjectNode();
        data.put("customer", OrderPayloads.customer(customer));
        return outbox.enqueue(EventTypes.CUSTOMER_UPSERTED, null, null, new Date(), data.toString());
    }

    /** The customer asked to be forgotten: the backend erases what it holds about them. */
    public String customerRedacted(long customerId) {
        require(customerId > 0, "customerId must be positive");
        ObjectNode data = JSON.createObjectNode();
        data.put("customerId", String.valueOf(customerId));
        return outbox.enqueue(
                EventTypes.CUSTOMER_REDACTED,
                EventTypes.CUSTOMER_REDACTED + ":" + customerId,
                null,
                new Date(),
                data.toString());
    }

    /**
     * Reads what {@code reader} needs from a submitted order inside a transaction (Broadleaf's order
     * items load lazily), and validates outside it: an exception inside would mark the caller's
     * transaction rollback-only.
     */
    private <T> T submittedOrder(final long orderId, final OrderReader<T> reader) {
        require(orderId > 0, "orderId must be positive");
        Found<T> found = outbox.inTransaction(new TransactionCallback<Found<T>>() {
            @Override
            public Found<T> doInTransaction(TransactionStatus status) {
                Order order = orderService.findOrderById(orderId);
                if (order == null) {
                    return new Found<T>("there is no order " + orderId, null);
                }
                if (OrderStatus.IN_PROCESS.equals(order.getStatus())) {
                    return new Found<T>("order " + orderId + " is a cart, not an order", null);
                }
                return new Found<T>(null, reader.read(order));
            }
        });
        require(found.problem == null, found.problem);
        return found.value;
    }

    /** What was read, or why nothing could be. */
    private static final class Found<T> {
        final String problem;
        final T value;

        Found(String problem, T value) {
            this.problem = problem;
            this.value = value;
        }
    }

    /** Reads a value from an order while its transaction is open. */
    private interface OrderReader<T> {
        T read(Order order);
    }

    private static final OrderReader<Boolean> NOTHING = new OrderReader<Boolean>() {
        @Override
        public Boolean read(Order order) {
            return Boolean.TRUE;
        }
    };

    private static final OrderReader<Set<Long>> ITEM_IDS = new OrderReader<Set<Long>>() {
        @Override
        public Set<Long> read(Order order) {
            Set<Long> ids = new HashSet<Long>();
            for (DiscreteOrderItem item : order.getDiscreteOrderItems()) {
                ids.add(item.getId());
            }
            return ids;
        }
    };

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && url.length() <= 2000;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean isAmount(BigDecimal amount) {
        return amount != null
                && amount.signum() >= 0
                && amount.stripTrailingZeros().scale() <= 2;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                hex.append(String.format("%02x", hash[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String instant(Date date) {
        return date.toInstant().toString();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
