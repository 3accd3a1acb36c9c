/**
 * The points ledger and the rules that move points: earning on paid orders, pending until the
 * return window closes, reversal on refunds and cancellations, expiry after inactivity, manual
 * adjustments. Every balance is the sum of its append-only ledger.
 */
package io.loyaltyloop.loyalty;
