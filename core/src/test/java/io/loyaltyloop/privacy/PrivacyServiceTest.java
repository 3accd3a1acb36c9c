package io.loyaltyloop.privacy;

import static io.loyaltyloop.db.Tables.SHOP;
import static io.loyaltyloop.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.db.tables.records.ShopRecord;
import io.loyaltyloop.lifecycle.CustomerSnapshot;
import io.loyaltyloop.lifecycle.CustomerUpserted;
import io.loyaltyloop.loyalty.LedgerVerifier;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.loyalty.ManualAdjustment;
import io.loyaltyloop.reward.RewardService;
import io.loyaltyloop.shop.NewShop;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import io.loyaltyloop.testing.TestDatabase;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A customer's data exported on request; a whole shop erased on request, and nothing else. */
class PrivacyServiceTest {

    private final DSLContext dsl = TestDatabase.dsl();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T10:30:00Z"));
    private final LoyaltyService loyalty = new LoyaltyService(dsl, clock);
    private final RewardService rewards = new RewardService(dsl, clock);
    private final PrivacyService privacy = new PrivacyService(dsl, clock);
    private Shop shop;
    private Shop other;

    @BeforeEach
    void twoShopsWithACustomerEach() {
        shop = Shops.newShop(dsl);
        other = Shops.newShop(dsl);
        for (Shop s : List.of(shop, other)) {
            customerWithHistory(s.id());
        }
    }

    @Test
    void aDataRequestStoresTheCustomersDataOnce() {
        assertThat(privacy.exportCustomerData(shop.id(), "req-1", "c-1")).isTrue();
        assertThat(privacy.exportCustomerData(shop.id(), "req-1", "c-1")).isFalse();

        DataExport export = privacy.findExport(shop.id(), "req-1").orElseThrow();
        assertThat(export.customerExternalId()).isEqualTo("c-1");
        assertThat(export.json())
                .contains("\"email\": \"ada@example.com\"")
                .contains("\"id\": \"o-1\"")
                .contains("\"points\": 120")
                .contains("\"kind\": \"EARN\"")
                .contains("\"kind\": \"REDEEM\"")
                .contains("\"points_cost\": 500")
                .contains("\"available\": 500");
        assertThat(privacy.findExport(other.id(), "req-1")).isEmpty();
    }

    @Test
    void aDataRequestForAnUnknownCustomerIsAnsweredWithNothingHeld() {
        privacy.exportCustomerData(shop.id(), "req-2", "nobody");

        assertThat(privacy.findExport(shop.id(), "req-2").orElseThrow().json())
                .contains("\"customer\": null")
                .contains("\"ledger\": []");
    }

    @Test
    void erasingAShopLeavesNoRowOfItInAnyTenantTableAndATombstone() {
        privacy.exportCustomerData(shop.id(), "req-3", "c-1");
        Map<String, Integer> otherBefore = tenantRows(other.id());

        privacy.eraseShop(shop.id());
        privacy.eraseShop(shop.id());
        privacy.exportCustomerData(shop.id(), "req-late", "c-1");

        assertThat(tenantRows(shop.id()))
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        ShopRecord tombstone =
                dsl.selectFrom(SHOP).where(SHOP.SHOP_ID.eq(shop.id().value())).fetchSingle();
        assertThat(tombstone.getStatus()).isEqualTo("REDACTED");
        assertThat(tombstone.getName()).isEmpty();
        assertThat(tenantRows(other.id())).isEqualTo(otherBefore);
        assertThat(new LedgerVerifier(dsl).verify(other.id(), m -> {}).ok()).isTrue();
    }

    @Test
    void aRedactedShopCanInstallAgainFromScratch() {
        privacy.eraseShop(shop.id());

        Shop again = new ShopService(dsl, clock)
                .register(new NewShop(Platform.SHOPIFY, shop.platformShopKey(), "Back", "USD", "America/New_York"));

        assertThat(again.id()).isEqualTo(shop.id());
        assertThat(again.active()).isTrue();
        assertThat(loyalty.balance(shop.id(), "c-1")).isEmpty();
        assertThat(new RewardService(dsl, clock).rewards(shop.id())).hasSize(3);
    }

    private void customerWithHistory(ShopId s) {
        loyalty.apply(new CustomerUpserted(
                s,
                "customers/create:1",
                clock.instant(),
                new CustomerSnapshot("c-1", "ada@example.com", "Ada", "L", "en", true, clock.instant())));
        Orders o = order(s).id("o-1").customer("c-1").placedAt(clock.instant()).line("1", "120.00");
        loyalty.apply(o.paid(clock.instant()));
        loyalty.adjust(new ManualAdjustment(s, "c-1", 1000, "welcome bonus", "test@example.com"));
        long reward = rewards.rewards(s).stream()
                .filter(r -> r.name().equals("5 off"))
                .findFirst()
                .orElseThrow()
                .id();
        rewards.redeem(s, "c-1", reward, "key-1");
    }

    /** Rows of the shop in every table with a shop_id column but the shop table itself. */
    private Map<String, Integer> tenantRows(ShopId s) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String table : dsl
                .fetchValues("select table_name from information_schema.columns where table_schema = current_schema()"
                        + " and column_name = 'shop_id' and table_name <> 'shop' order by table_name")
                .stream()
                .map(String::valueOf)
                .toList()) {
            rows.put(table, dsl.fetchCount(dsl.selectFrom(table).where("shop_id = ?", s.value())));
        }
        return rows;
    }
}
