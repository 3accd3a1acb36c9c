/** Rewards customers buy with points, and redemptions: points reserved atomically, codes issued in the host store. */
package io.loyaltyloop.reward;
