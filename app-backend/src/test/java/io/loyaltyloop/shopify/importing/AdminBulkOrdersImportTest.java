package io.loyaltyloop.shopify.importing;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.loyaltyloop.shopify.admin.ShopifyAdminStub.ENDPOINT;
import static io.loyaltyloop.shopify.admin.ShopifyAdminStub.SHOP;
import static io.loyaltyloop.shopify.admin.ShopifyAdminStub.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.shopify.admin.AdminDocument;
import io.loyaltyloop.shopify.admin.AdminUserErrorsException;
import io.loyaltyloop.shopify.admin.ShopifyAdminStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The historical import starts one bulk query and follows it to its JSONL file. */
class AdminBulkOrdersImportTest {

    private static final String OPERATION = "gid://shopify/BulkOperation/720918";

    private final ShopifyAdminStub shopify = new ShopifyAdminStub();
    private final AdminBulkOrdersImport bulkImport = new AdminBulkOrdersImport(shopify.client());

    @AfterEach
    void stopStub() {
        shopify.close();
    }

    @Test
    void startsTheBulkQueryWithTheValidatedInnerOrdersQuery() {
        shopify.always(data("""
            {"bulkOperationRunQuery":{"bulkOperation":{"id":"%s","status":"CREATED",\
            "createdAt":"2026-11-23T01:00:00Z"},"userErrors":[]}}\
            """.formatted(OPERATION)));

        AdminBulkOperation started = bulkImport.start(SHOP);

        assertThat(started.id()).isEqualTo(OPERATION);
        assertThat(started.finished()).isFalse();
        shopify.server.verify(postRequestedFor(urlPathEqualTo(ENDPOINT))
                .withRequestBody(matchingJsonPath("$.operationName", equalTo("AdminBulkOrdersImportRun")))
                .withRequestBody(
                        matchingJsonPath("$.variables.query", equalTo(AdminDocument.BULK_ORDERS_QUERY.text()))));
    }

    @Test
    void surfacesABulkQueryAlreadyRunning() {
        shopify.always(data("""
            {"bulkOperationRunQuery":{"bulkOperation":null,"userErrors":[{"field":null,\
            "code":"OPERATION_IN_PROGRESS","message":"A bulk query operation for this app and shop is already in progress: %s."}]}}\
            """.formatted(OPERATION)));

        assertThatThrownBy(() -> bulkImport.start(SHOP))
                .isInstanceOfSatisfying(
                        AdminUserErrorsException.class,
                        e -> assertThat(e.has("OPERATION_IN_PROGRESS")).isTrue());
    }

    @Test
    void readsACompletedOperationWithItsFile() {
        shopify.always(data("""
            {"node":{"id":"%s","status":"COMPLETED","errorCode":null,"objectCount":"8123","rootObjectCount":"1200",\
            "fileSize":"5120394","url":"https://storage.googleapis.com/shopify-tiers-assets-prod-us-east1/bulk.jsonl",\
            "partialDataUrl":null,"createdAt":"2026-11-23T01:00:00Z","completedAt":"2026-11-23T01:03:12Z"}}\
            """.formatted(OPERATION)));

        AdminBulkOperation operation = bulkImport.status(SHOP, OPERATION).orElseThrow();

        assertThat(operation.finished()).isTrue();
        assertThat(operation.objectCount()).isEqualTo(8123);
        assertThat(operation.url()).endsWith("bulk.jsonl");
    }

    @Test
    void saysSoWhenShopifyNoLongerKnowsTheOperation() {
        shopify.always(data("{\"node\":null}"));

        assertThat(bulkImport.status(SHOP, OPERATION)).isEmpty();
    }
}
