package io.loyaltyloop.testing;

import io.loyaltyloop.shop.NewShop;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;

/** Object mother for tenants: every call registers a fresh shop, so tests never share rows. */
public final class Shops {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** Test shops are installed before every order the builders make. */
    public static final Instant INSTALLED_AT = Instant.parse("2026-01-01T00:00:00Z");

    private Shops() {}

    public static Shop newShop(DSLContext dsl) {
        return newShop(dsl, "USD", "America/New_York");
    }

    public static Shop newShop(DSLContext dsl, String currency, String timezone) {
        String key = "test-" + SEQUENCE.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
        return new ShopService(dsl, Clock.fixed(INSTALLED_AT, ZoneOffset.UTC))
                .register(new NewShop(Platform.SHOPIFY, key, "Test shop " + key, currency, timezone));
    }
}
