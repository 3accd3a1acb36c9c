package io.loyaltyloop.shopify.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;

/**
 * Every GraphQL document the app sends to the Admin API, one file each under {@code
 * graphql/shopify/}. A test validates each against the pinned Admin schema, so a field Shopify
 * renamed fails the build, not a merchant's reward.
 */
public enum AdminDocument {
    DISCOUNT_FIXED_AMOUNT_CREATE("AdminDiscountFixedAmountCreate"),
    DISCOUNT_PERCENTAGE_CREATE("AdminDiscountPercentageCreate"),
    DISCOUNT_FREE_SHIPPING_CREATE("AdminDiscountFreeShippingCreate"),
    DISCOUNT_CODE_LOOKUP("AdminDiscountCodeLookup"),
    POINTS_BALANCE_SET("AdminPointsBalanceSet"),
    BULK_ORDERS_IMPORT_RUN("AdminBulkOrdersImportRun"),
    /** Not sent as an operation: the query string that {@link #BULK_ORDERS_IMPORT_RUN} hands to Shopify. */
    BULK_ORDERS_QUERY("AdminBulkOrdersQuery"),
    BULK_OPERATION_STATUS("AdminBulkOperationStatus"),
    CURRENT_BULK_OPERATION("AdminCurrentBulkOperation"),
    SHOP_DETAILS("AdminShopDetails");

    private final String operationName;
    private final String text;

    AdminDocument(String operationName) {
        this.operationName = operationName;
        this.text = load("graphql/shopify/" + operationName + ".graphql");
    }

    public String operationName() {
        return operationName;
    }

    public String text() {
        return text;
    }

    private static String load(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("missing GraphQL document " + path, e);
        }
    }
}
