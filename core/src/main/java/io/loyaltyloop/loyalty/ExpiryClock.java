package io.loyaltyloop.loyalty;

import io.loyaltyloop.shop.ProgramSettings;
import io.loyaltyloop.shop.Shop;
import java.time.Instant;
import java.time.ZoneId;

/**
 * When available points expire: at the end of the shop-local day that falls the configured number
 * of months after the last earn or redeem activity.
 */
public record ExpiryClock(ZoneId zone, int inactivityMonths) {

    public static ExpiryClock of(Shop shop, ProgramSettings settings) {
        return new ExpiryClock(shop.timezone(), settings.expiryInactivityMonths());
    }

    /** Null when expiry is off. */
    public Instant expiresAt(Instant lastActivity) {
        if (inactivityMonths <= 0) {
            return null;
        }
        return lastActivity
                .atZone(zone)
                .toLocalDate()
                .plusMonths(inactivityMonths)
                .plusDays(1)
                .atStartOfDay(zone)
                .toInstant();
    }
}
