package io.loyaltyloop.shop;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;

/** A tenant: one Shopify shop or one Broadleaf site. */
public record Shop(
        ShopId id,
        Platform platform,
        String platformShopKey,
        String name,
        Currency currency,
        ZoneId timezone,
        boolean active,
        Instant installedAt) {}
