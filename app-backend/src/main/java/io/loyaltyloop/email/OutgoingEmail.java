package io.loyaltyloop.email;

import io.loyaltyloop.journey.StepKind;
import io.loyaltyloop.shop.ShopId;
import java.util.Locale;
import java.util.Map;

/**
 * A message to render with the shop's template for its kind and to send once.
 *
 * @param idempotencyKey unique per shop: the same key enqueued again is not sent again (e.g.
 *     {@code order:42:fulfillment:7:SHIPPED})
 * @param customerId the recipient customer (for unsubscribe links and suppression); null for
 *     messages to the merchant
 * @param variables the template's variables (plain values, maps and lists), escaped on output
 */
public record OutgoingEmail(
        ShopId shop,
        String idempotencyKey,
        StepKind kind,
        String toAddress,
        String toName,
        Long customerId,
        Locale locale,
        Map<String, Object> variables) {}
