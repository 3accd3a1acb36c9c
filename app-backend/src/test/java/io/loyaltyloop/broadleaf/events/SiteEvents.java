package io.loyaltyloop.broadleaf.events;

import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** Event batches as the plugin writes them (docs/broadleaf-wire.md). */
final class SiteEvents {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private SiteEvents() {}

    static String batch(String... events) {
        return Arrays.stream(events).collect(Collectors.joining(",", "{\"events\":[", "]}"));
    }

    static String event(String type, String data) {
        return event(UUID.randomUUID().toString(), type, data);
    }

    static String event(String id, String type, String data) {
        return """
            {"id":"%s","sequence":%d,"type":"%s","occurredAt":"2026-11-02T10:15:30Z","data":%s}\
            """.formatted(id, SEQUENCE.incrementAndGet(), type, data);
    }

    static String customer(String customerId, String email) {
        return """
            {"customer":{"id":"%s","email":"%s","firstName":"Ada","lastName":"L","locale":"en_US",\
            "acceptsMarketing":true,"updatedAt":"2026-11-02T10:00:00Z"}}\
            """.formatted(customerId, email);
    }

    /** An order of two lines, 39.98 and 60.02, submitted on 2 November. */
    static String order(String orderId, String customerId, String email) {
        return """
            {"order":{"id":"%s","number":"O-%s","currency":"USD","submittedAt":"2026-11-02T10:15:00Z",\
            "customer":{"id":"%s","email":"%s","firstName":"Ada"},\
            "lines":[{"id":"%s1","productId":"12","skuId":"34","sku":"SHIRT-M","title":"Shirt",\
            "vendor":"Heat Clinic","productType":"Merchandise","quantity":2,"amount":"39.98","giftCard":false},\
            {"id":"%s2","productId":"13","skuId":"35","sku":"SAUCE","title":"Hot Sauce","quantity":1,\
            "amount":"60.02"}]}}\
            """.formatted(orderId, orderId, customerId, email, orderId, orderId);
    }

    static String shipment(String orderId, String status, String updatedAt) {
        return """
            {"orderId":"%s","shipmentId":"%s-s1","status":"%s","carrier":"UPS","trackingNumber":"1Z999AA1",\
            "trackingUrl":"https://ups.example/track/1Z999AA1","updatedAt":"%s"}\
            """.formatted(orderId, orderId, status, updatedAt);
    }

    static String cancelled(String orderId) {
        return """
            {"orderId":"%s","cancelledAt":"2026-11-03T09:00:00Z"}\
            """.formatted(orderId);
    }

    /** Refunds the whole first line (39.98). */
    static String refundOfFirstLine(String orderId) {
        return """
            {"orderId":"%s","refundId":"r-%s","refundedAt":"2026-11-04T09:00:00Z",\
            "lines":[{"lineId":"%s1","quantity":2,"amount":"39.98"}]}\
            """.formatted(orderId, orderId, orderId);
    }
}
