package io.loyaltyloop.shop;

import io.loyaltyloop.db.tables.records.ProgramSettingsRecord;
import io.loyaltyloop.db.tables.records.ShopRecord;
import java.time.ZoneId;
import java.util.Currency;

/**
 * Turns shop rows into the feature's records. Shared with the engine's program reader, which reads
 * a shop together with its whole program in one query.
 */
public final class ShopRows {

    private ShopRows() {}

    public static Shop toShop(ShopRecord r) {
        return new Shop(
                new ShopId(r.getShopId()),
                Platform.valueOf(r.getPlatform()),
                r.getPlatformShopKey(),
                r.getName(),
                Currency.getInstance(r.getCurrency()),
                ZoneId.of(r.getTimezone()),
                r.getStatus().equals("ACTIVE"),
                r.getInstalledAt().toInstant());
    }

    public static ProgramSettings toSettings(ProgramSettingsRecord r) {
        return new ProgramSettings(
                r.getPendingDays(),
                r.getAllowNegativeBalance(),
                r.getExpiryInactivityMonths(),
                r.getTierWindowMonths(),
                r.getAwardPriorOrders());
    }
}
