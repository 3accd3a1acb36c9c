package io.loyaltyloop.shop;

/**
 * A shop's loyalty program settings. A new shop gets {@link #DEFAULTS}, so it works with no
 * configuration.
 *
 * @param pendingDays days earned points stay pending (the return window) before they are available
 * @param allowNegativeBalance whether reversals may take the available balance below zero
 * @param expiryInactivityMonths months without earn or redeem activity after which available points
 *     expire; 0 turns expiry off
 * @param tierWindowMonths the rolling window over which spend qualifies for a tier
 * @param awardPriorOrders whether orders placed before the install earn points when imported
 */
public record ProgramSettings(
        int pendingDays,
        boolean allowNegativeBalance,
        int expiryInactivityMonths,
        int tierWindowMonths,
        boolean awardPriorOrders) {

    public static final ProgramSettings DEFAULTS = new ProgramSettings(14, false, 12, 12, false);

    public ProgramSettings {
        if (pendingDays < 0 || pendingDays > 365) {
            throw new IllegalArgumentException("pending days must be between 0 and 365");
        }
        if (expiryInactivityMonths < 0 || expiryInactivityMonths > 120) {
            throw new IllegalArgumentException("expiry months must be between 0 and 120");
        }
        if (tierWindowMonths < 1 || tierWindowMonths > 60) {
            throw new IllegalArgumentException("tier window must be between 1 and 60 months");
        }
    }

    public boolean expiryEnabled() {
        return expiryInactivityMonths > 0;
    }
}
