package io.loyaltyloop.shop;

import static io.loyaltyloop.db.Tables.TIER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.testing.TestDatabase;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/** A new shop works with no configuration; registering again keeps what it has. */
class ShopRegistrationTest {

    private final DSLContext dsl = TestDatabase.dsl();
    private final ShopService shops = new ShopService(dsl);

    @Test
    void aNewShopGetsTheDefaultProgram() {
        Shop shop = shops.register(newShop("EUR", "Europe/Berlin"));

        assertThat(shops.settings(shop.id())).isEqualTo(ProgramSettings.DEFAULTS);
        assertThat(dsl.select(TIER.NAME)
                        .from(TIER)
                        .where(TIER.SHOP_ID.eq(shop.id().value()))
                        .orderBy(TIER.MIN_SPEND)
                        .fetch(TIER.NAME))
                .containsExactly("Bronze", "Silver", "Gold");
        assertThat(shop.currency().getCurrencyCode()).isEqualTo("EUR");
    }

    @Test
    void registeringTheSameShopAgainReturnsItUnchanged() {
        NewShop newShop = newShop("EUR", "Europe/Berlin");
        Shop first = shops.register(newShop);
        shops.updateSettings(first.id(), new ProgramSettings(30, false, 12, 12, true), "owner");

        Shop again = shops.register(newShop);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(shops.settings(again.id()).pendingDays()).isEqualTo(30);
    }

    @Test
    void anUnknownCurrencyIsRejected() {
        assertThatThrownBy(() -> newShop("EURO", "Europe/Berlin"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown currency code: EURO");
    }

    @Test
    void anUnknownTimeZoneIsRejected() {
        assertThatThrownBy(() -> newShop("EUR", "Europe/Atlantis"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown time zone: Europe/Atlantis");
    }

    @Test
    void settingsOutOfRangeAreRejected() {
        assertThatThrownBy(() -> new ProgramSettings(-1, false, 12, 12, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pending days must be between 0 and 365");
    }

    @Test
    void anExpiryPeriodOutOfRangeIsRejected() {
        assertThatThrownBy(() -> new ProgramSettings(14, false, 121, 12, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expiry months must be between 0 and 120");
    }

    @Test
    void aTierWindowOutOfRangeIsRejected() {
        assertThatThrownBy(() -> new ProgramSettings(14, false, 12, 0, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tier window must be between 1 and 60 months");
    }

    private static NewShop newShop(String currency, String zone) {
        return new NewShop(Platform.SHOPIFY, "reg-" + UUID.randomUUID() + ".myshopify.com", "Shop", currency, zone);
    }
}
