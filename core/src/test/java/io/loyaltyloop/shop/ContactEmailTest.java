package io.loyaltyloop.shop;

import static io.loyaltyloop.db.Tables.SHOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.testing.TestDatabase;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where merchant alerts go: given at install, set or overridden later, always an address. */
class ContactEmailTest {

    private final DSLContext dsl = TestDatabase.dsl();
    private final ShopService shops = new ShopService(dsl);

    @Test
    void theAddressGivenAtInstallIsKept() {
        Shop shop = shops.register(newShop("owner@example.com"));

        assertThat(shops.contactEmail(shop.id())).contains("owner@example.com");
    }

    @Test
    void aShopInstalledWithoutAddressHasNone() {
        Shop shop = shops.register(newShop(null));

        assertThat(shops.contactEmail(shop.id())).isEmpty();
    }

    @Test
    void theMerchantCanSetOverrideAndClearTheAddress() {
        Shop shop = shops.register(newShop(null));

        shops.updateContactEmail(shop.id(), "  ops@example.com ", "merchant");
        assertThat(shops.contactEmail(shop.id())).contains("ops@example.com");

        shops.updateContactEmail(shop.id(), "alerts@example.com", "merchant");
        assertThat(shops.contactEmail(shop.id())).contains("alerts@example.com");

        shops.updateContactEmail(shop.id(), null, "merchant");
        assertThat(shops.contactEmail(shop.id())).isEmpty();
    }

    @Test
    void aReinstallWithoutAddressKeepsTheOneOnFile() {
        NewShop first = newShop("owner@example.com");
        Shop shop = shops.register(first);
        shops.uninstall(shop.id(), java.time.Instant.parse("2026-11-01T00:00:00Z"));

        shops.register(new NewShop(Platform.SHOPIFY, first.platformShopKey(), "Again", "EUR", "UTC"));

        assertThat(shops.contactEmail(shop.id())).contains("owner@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "owner", "owner@", "@example.com", "owner@example", "a b@example.com", "a@b@c.com"})
    void aMalformedAddressIsRefusedAndNothingChanges(String malformed) {
        Shop shop = shops.register(newShop("owner@example.com"));

        assertThatThrownBy(() -> shops.updateContactEmail(shop.id(), malformed, "merchant"))
                .isInstanceOf(InvalidContactEmailException.class);
        assertThatThrownBy(() -> newShop(malformed)).isInstanceOf(InvalidContactEmailException.class);
        assertThat(shops.contactEmail(shop.id())).contains("owner@example.com");
    }

    @Test
    void anOverlongAddressIsRefused() {
        Shop shop = shops.register(newShop(null));
        String overlong = "a".repeat(250) + "@example.com";

        assertThatThrownBy(() -> shops.updateContactEmail(shop.id(), overlong, "merchant"))
                .isInstanceOf(InvalidContactEmailException.class)
                .hasMessageNotContaining(overlong);
        assertThat(shops.contactEmail(shop.id())).isEmpty();
    }

    @Test
    void anUnknownShopIsReported() {
        assertThatThrownBy(() -> shops.updateContactEmail(new ShopId(Long.MAX_VALUE), "a@example.com", "merchant"))
                .isInstanceOf(ShopNotFoundException.class);
    }

    @Test
    void theDatabaseRefusesAMalformedAddressToo() {
        Shop shop = shops.register(newShop(null));

        assertThatThrownBy(() -> dsl.update(SHOP)
                        .set(SHOP.CONTACT_EMAIL, "not an address")
                        .where(SHOP.SHOP_ID.eq(shop.id().value()))
                        .execute())
                .isInstanceOf(DataAccessException.class);
    }

    private static NewShop newShop(String contactEmail) {
        return new NewShop(Platform.SHOPIFY, UUID.randomUUID() + ".myshopify.com", "Shop", "EUR", "UTC", contactEmail);
    }
}
