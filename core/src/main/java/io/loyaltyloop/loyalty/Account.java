package io.loyaltyloop.loyalty;

/** A customer's balance row as locked for a change. */
public record Account(long customerId, long pending, long available) {}
