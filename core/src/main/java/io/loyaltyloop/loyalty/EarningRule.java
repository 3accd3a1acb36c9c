package io.loyaltyloop.loyalty;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A shop's spend rule: points per whole unit of shop currency and how an order's fraction of a point
 * is rounded. One rule is active per shop; orders keep the terms they were paid under.
 */
public record EarningRule(long ruleId, BigDecimal pointsPerUnit, Rounding rounding, Instant createdAt) {}
