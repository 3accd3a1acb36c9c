package io.loyaltyloop.loyalty;

import java.math.BigDecimal;

/**
 * A known customer as the storefront shows them.
 *
 * @param firstName null when the host never sent one (or after redaction)
 * @param balance all zeros while the customer has no points account yet
 * @param tierSpend qualifying spend over the shop's tier window up to now: what the engine reads for
 *     the tier and multiplier of an order paid now
 */
public record Standing(long customerId, String firstName, Balance balance, BigDecimal tierSpend) {}
