package io.loyaltyloop.email;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;

/**
 * A customer used an unsubscribe link: no further customer emails from the shop will be sent to
 * them (merchant alerts are not affected). Published as a Spring application event after the
 * unsubscribe is committed, once per customer and shop; the journey cancels the customer's planned
 * steps on it. Listeners must be idempotent.
 */
public record CustomerUnsubscribed(ShopId shop, long customerId, Instant at) {}
