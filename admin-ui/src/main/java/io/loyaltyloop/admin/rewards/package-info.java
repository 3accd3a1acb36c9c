/** The Program screen's rewards and tiers tabs: the catalogue of rewards and the tier ladder. */
package io.loyaltyloop.admin.rewards;
