package io.loyaltyloop.shopify.importing;

import io.loyaltyloop.db.tables.records.OrderImportRecord;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shopify.mapping.Payload;
import io.loyaltyloop.shopify.mapping.ShopifyMappingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Handles {@code bulk_operations/finish} for the historical import: asks Shopify for the finished
 * operation (the webhook carries no result URL), then streams the JSONL result into the engine
 * ({@link OrderImportReader}) and records the outcome on the {@code order_import} row.
 *
 * <p>Failures that time can fix (Shopify unreachable, the file's host failing, the file ending
 * before the operation's {@code objectCount}) throw, so the inbox retries the delivery; every event
 * has a source id fixed by the operation and the order, so reading the file again applies only what
 * the last attempt did not. A failed, canceled or expired operation is recorded with Shopify's error
 * code, and the shop may then be offered a new import.
 */
public class OrderImportFinisher {

    private static final Logger log = LoggerFactory.getLogger(OrderImportFinisher.class);

    private final OrderImportRepository imports;
    private final AdminBulkOrdersImport bulk;
    private final OrderImportReader reader;
    private final HttpClient http;
    private final Duration readLease;
    private final Clock clock;

    OrderImportFinisher(
            OrderImportRepository imports,
            AdminBulkOrdersImport bulk,
            OrderImportReader reader,
            OrderImportProperties properties,
            Clock clock) {
        this.imports = imports;
        this.bulk = bulk;
        this.reader = reader;
        this.clock = clock;
        this.readLease = properties.readLease();
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * @return a note when the delivery is not about an open import of ours (nothing to do)
     * @throws ShopifyMappingException for a body without an operation id
     * @throws RuntimeException when it should be retried
     */
    public Optional<String> finished(Shop shop, String body) {
        JsonNode payload = Payload.parse(body);
        String operationId = Payload.requiredText(payload, "admin_graphql_api_id");
        Optional<OrderImportRecord> found = imports.findByOperation(shop.id().value(), operationId);
        if (found.isEmpty()) {
            return Optional.of("not an order import: " + operationId);
        }
        OrderImportRecord row = found.get();
        if (!OrderImportRepository.RUNNING.equals(row.getStatus())) {
            return Optional.of("order import " + operationId + " is already " + row.getStatus());
        }
        if (!shop.active()) {
            imports.finish(row, OrderImportRepository.CANCELED, "the shop uninstalled", clock.instant());
            return Optional.of("order import " + operationId + " dropped: the shop uninstalled");
        }
        String domain = shop.platformShopKey();
        AdminBulkOperation operation = bulk.status(domain, operationId)
                .orElseThrow(() -> new IllegalStateException("Shopify does not know " + operationId + " (yet)"));
        switch (operation.status()) {
            case "COMPLETED" -> read(shop, row, operation);
            case "CANCELED" ->
                imports.finish(row, OrderImportRepository.CANCELED, operation.errorCode(), clock.instant());
            case "FAILED", "EXPIRED" -> {
                String error = operation.status() + (operation.errorCode() == null ? "" : " " + operation.errorCode());
                log.warn("order import {} of {} ended {}", operationId, domain, error);
                imports.finish(row, OrderImportRepository.FAILED, error, clock.instant());
            }
            // The webhook can outrun the status: let the inbox ask again later.
            default -> throw new IllegalStateException(operationId + " is still " + operation.status());
        }
        return Optional.empty();
    }

    private void read(Shop shop, OrderImportRecord row, AdminBulkOperation operation) {
        if (operation.url() == null) {
            // Shopify gives no file when the query matched nothing: a shop without orders.
            imports.finish(row, OrderImportRepository.COMPLETED, null, clock.instant());
            return;
        }
        if (!imports.claimRead(row, clock.instant(), clock.instant().plus(readLease))) {
            // Another instance got the delivery after its inbox lease ran out and is reading still.
            throw new IllegalStateException("order import " + operation.id() + " is being read by another worker");
        }
        try (BufferedReader in = open(operation.url())) {
            reader.read(shop.id(), row, in, operation.objectCount());
        } catch (IOException e) {
            imports.recordError(row, "reading the result failed, will read it again: " + e.getMessage());
            throw new UncheckedIOException("order import " + operation.id() + ": " + e.getMessage(), e);
        }
        imports.finish(row, OrderImportRepository.COMPLETED, null, clock.instant());
        log.info("order import {} of {} completed", operation.id(), shop.platformShopKey());
    }

    private BufferedReader open(String url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET().build();
        HttpResponse<java.io.InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            // Expired (7 days) or not yet readable: either way, asking again later is all we can do.
            throw new IOException("the result file answered HTTP " + response.statusCode());
        }
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8), 1 << 16);
    }
}
