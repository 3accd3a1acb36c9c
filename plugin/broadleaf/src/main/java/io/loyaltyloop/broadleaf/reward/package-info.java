/** Rewards redeemed in Loyalty Loop, issued as single-use Broadleaf offer codes. */
package io.loyaltyloop.broadleaf.reward;
