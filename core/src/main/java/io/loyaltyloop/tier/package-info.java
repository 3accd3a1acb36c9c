/** VIP tiers by spend over a rolling window, and the earn multiplier each tier gives. */
package io.loyaltyloop.tier;
