package io.loyaltyloop.reward;

import java.time.Instant;

/** A discount code a customer bought with points, as the storefront lists it. */
public record CustomerCode(long redemptionId, String reward, String code, RedemptionStatus status, Instant createdAt) {}
