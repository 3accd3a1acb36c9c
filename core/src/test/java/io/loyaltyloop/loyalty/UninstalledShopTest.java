package io.loyaltyloop.loyalty;

import static io.loyaltyloop.db.Tables.SHOP;
import static io.loyaltyloop.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.db.tables.records.ShopRecord;
import io.loyaltyloop.shop.NewShop;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Uninstalling stops all work for the shop and keeps its data; reinstalling picks it up again. */
class UninstalledShopTest {

    private final DSLContext dsl = TestDatabase.dsl();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T10:30:00Z"));
    private final ShopService shops = new ShopService(dsl, clock);
    private final LoyaltyService loyalty = new LoyaltyService(dsl, clock);
    private final String domain = "uninstall-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
    private Shop shop;
    private Orders order;

    @BeforeEach
    void shopWithPendingPoints() {
        shop = shops.register(new NewShop(Platform.SHOPIFY, domain, "Before", "USD", "America/New_York"));
        order = order(shop.id()).placedAt(clock.instant()).line("1", "200.00");
        loyalty.apply(order.paid(clock.instant()));
    }

    @Test
    void uninstallingMarksTheShopAndARepeatKeepsTheFirstTime() {
        Instant first = clock.instant();
        shops.uninstall(shop.id(), first);
        shops.uninstall(shop.id(), first.plusSeconds(60));

        ShopRecord row = row();
        assertThat(row.getStatus()).isEqualTo("UNINSTALLED");
        assertThat(row.getUninstalledAt().toInstant()).isEqualTo(first);
        assertThat(shops.getShop(shop.id()).active()).isFalse();
        assertThat(shops.shopIds()).doesNotContain(shop.id());
    }

    @Test
    void anUninstalledShopsPointsNeitherReleaseNorExpire() {
        shops.uninstall(shop.id(), clock.instant());

        clock.advance(Duration.ofDays(800));
        loyalty.releaseDuePoints(10_000);
        loyalty.expireInactivePoints(10_000);

        Balance balance = loyalty.balance(shop.id(), order.customerId()).orElseThrow();
        assertThat(balance.pending()).isEqualTo(200);
        assertThat(balance.available()).isZero();
    }

    @Test
    void aReinstallReactivatesTheShopWithItsDataAndWorkResumes() {
        shops.uninstall(shop.id(), clock.instant());

        Shop again = shops.register(new NewShop(Platform.SHOPIFY, domain, "After", "USD", "America/New_York"));
        clock.advance(Duration.ofDays(15));
        loyalty.releaseDuePoints(10_000);

        assertThat(again.id()).isEqualTo(shop.id());
        assertThat(again.active()).isTrue();
        assertThat(again.name()).isEqualTo("After");
        assertThat(row().getUninstalledAt()).isNull();
        assertThat(loyalty.balance(shop.id(), order.customerId()).orElseThrow().available())
                .isEqualTo(200);
    }

    @Test
    void theEngineRefusesNewOrderFactsForAnUninstalledShopButStillRedacts() {
        shops.uninstall(shop.id(), clock.instant());

        Orders next = order(shop.id()).customer(order.customerId()).line("1", "50.00");
        ApplyResult paid =
                loyalty.applyAll(java.util.List.of(next.paid(clock.instant()))).getFirst();
        ApplyResult redacted = loyalty.applyAll(java.util.List.of(new io.loyaltyloop.lifecycle.CustomerRedacted(
                        shop.id(), "redact-1", clock.instant(), order.customerId())))
                .getFirst();

        assertThat(paid.outcome()).isEqualTo(ApplyOutcome.REJECTED);
        assertThat(paid.error()).contains("is uninstalled");
        assertThat(redacted.outcome()).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(loyalty.balance(shop.id(), order.customerId()).orElseThrow().pending())
                .isEqualTo(200);
    }

    private ShopRecord row() {
        return dsl.selectFrom(SHOP).where(SHOP.SHOP_ID.eq(shop.id().value())).fetchSingle();
    }
}
