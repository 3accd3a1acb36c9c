package io.loyaltyloop.shopify.importing;

import java.util.Map;
import java.util.Objects;

/**
 * A bulk operation as Shopify reports it. {@code url} (JSONL, valid for 7 days) is set once it is
 * {@code COMPLETED}; {@code partialDataUrl} may hold what a {@code FAILED} one got through.
 */
public record AdminBulkOperation(
        String id, String status, String errorCode, long objectCount, String url, String partialDataUrl) {

    public boolean finished() {
        return switch (status) {
            case "COMPLETED", "FAILED", "CANCELED", "EXPIRED" -> true;
            default -> false;
        };
    }

    static AdminBulkOperation fromMap(Map<?, ?> map) {
        // UnsignedInt64 arrives as a string.
        Object count = map.get("objectCount");
        return new AdminBulkOperation(
                Objects.toString(map.get("id"), null),
                Objects.toString(map.get("status"), null),
                Objects.toString(map.get("errorCode"), null),
                count == null ? 0 : Long.parseLong(count.toString()),
                Objects.toString(map.get("url"), null),
                Objects.toString(map.get("partialDataUrl"), null));
    }
}
