package io.loyaltyloop.shopify.mapping;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One order of a bulk result file with the children that came on their own lines after it.
 *
 * @param order the order's own line (refunds and fulfillments are lists, so they are inline)
 * @param lineItems its {@code lineItems} connection
 * @param refundLineItems the {@code refundLineItems} of its refunds; each names its refund in {@code
 *     __parentId}
 */
public record BulkOrder(JsonNode order, List<JsonNode> lineItems, List<JsonNode> refundLineItems) {}
