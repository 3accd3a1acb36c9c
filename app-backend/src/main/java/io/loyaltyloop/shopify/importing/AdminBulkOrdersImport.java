package io.loyaltyloop.shopify.importing;

import io.loyaltyloop.shopify.admin.AdminDocument;
import io.loyaltyloop.shopify.admin.AdminUserErrorsException;
import io.loyaltyloop.shopify.admin.ShopifyAdminClient;
import java.util.Map;
import java.util.Optional;

/**
 * Starts and watches the historical orders import as a Shopify bulk operation: Shopify walks every
 * order with its lines, refunds and fulfillments and hands back one JSONL file, instead of us paging
 * through years of orders against the rate limit. {@link OrderImportStarter} starts it and {@link
 * OrderImportFinisher} reads the file.
 */
public final class AdminBulkOrdersImport {

    private final ShopifyAdminClient client;

    public AdminBulkOrdersImport(ShopifyAdminClient client) {
        this.client = client;
    }

    /**
     * Starts the import.
     *
     * @throws AdminUserErrorsException e.g. {@code OPERATION_IN_PROGRESS}: one bulk query per shop
     *     at a time
     */
    public AdminBulkOperation start(String shop) {
        Map<String, Object> payload = client.mutate(
                shop,
                AdminDocument.BULK_ORDERS_IMPORT_RUN,
                Map.of("query", AdminDocument.BULK_ORDERS_QUERY.text()),
                "bulkOperationRunQuery");
        return AdminBulkOperation.fromMap((Map<?, ?>) payload.get("bulkOperation"));
    }

    /** The operation's current state; empty if Shopify no longer knows the id. */
    public Optional<AdminBulkOperation> status(String shop, String operationId) {
        Map<?, ?> node = client.execute(shop, AdminDocument.BULK_OPERATION_STATUS, Map.of("id", operationId))
                .field("node")
                .getValue();
        return Optional.ofNullable(node).map(AdminBulkOperation::fromMap);
    }
}
