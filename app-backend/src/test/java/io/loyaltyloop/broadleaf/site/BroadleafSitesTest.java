package io.loyaltyloop.broadleaf.site;

import static io.loyaltyloop.db.Tables.BROADLEAF_SITE;
import static io.loyaltyloop.db.Tables.SHOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.broadleaf.BroadleafFixtures;
import io.loyaltyloop.broadleaf.BroadleafProperties.BootstrapSite;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.StandardEnvironment;

/** Registering Broadleaf sites, their secrets at rest, rotation and the environment's bootstrap. */
class BroadleafSitesTest extends BackendTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    ShopService shops;

    private final MutableClock clock = new MutableClock(START);
    private BroadleafSites sites;

    @BeforeEach
    void sitesOnTheirOwnClock() {
        sites = new BroadleafSites(dsl, shops, BroadleafFixtures.properties(BROADLEAF_SECRET_KEY, false), clock);
    }

    @Test
    void registeringCreatesABroadleafShopWithAGeneratedSecretStoredOnlyEncrypted() {
        String siteId = BroadleafFixtures.siteId();

        BroadleafSites.Registered registered =
                sites.register(BroadleafFixtures.newSite(siteId, "https://shop.example.com/"));

        assertThat(registered.secret()).matches("[A-Za-z0-9_-]{43}");
        assertThat(registered.site().shop().platform()).isEqualTo(Platform.BROADLEAF);
        assertThat(registered.site().shop().platformShopKey()).isEqualTo(siteId);
        assertThat(registered.site().baseUrl()).hasToString("https://shop.example.com");
        assertThat(sites.find(siteId)).contains(registered.site());
        assertThat(sites.acceptedSecrets(registered.site().shop().id())).containsExactly(registered.secret());
        byte[] stored = dsl.select(BROADLEAF_SITE.SECRET)
                .from(BROADLEAF_SITE)
                .where(BROADLEAF_SITE.SHOP_ID.eq(registered.site().shop().id().value()))
                .fetchSingle()
                .value1();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(registered.secret());
    }

    @Test
    void twoSitesGetDifferentSecrets() {
        String first =
                BroadleafFixtures.register(sites, "https://a.example.com").secret();
        String second =
                BroadleafFixtures.register(sites, "https://b.example.com").secret();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aSiteIdAlreadyRegisteredIsRefusedAndKeepsItsSecret() {
        BroadleafSites.Registered first = BroadleafFixtures.register(sites, "https://shop.example.com");

        assertThatThrownBy(() ->
                        sites.register(BroadleafFixtures.newSite(first.site().siteId(), "https://x.example")))
                .isInstanceOf(InvalidSiteException.class)
                .hasMessageContaining("already registered");

        assertThat(sites.acceptedSecrets(first.site().shop().id())).containsExactly(first.secret());
        assertThat(sites.find(first.site().siteId()).orElseThrow().baseUrl()).hasToString("https://shop.example.com");
    }

    @Test
    void aBadSiteIdIsRefusedAndNothingIsWritten() {
        for (String bad : List.of("UPPER-case", "ab", "-leading", "a".repeat(65), "has space", "dots.in.it")) {
            assertThatThrownBy(() -> sites.register(BroadleafFixtures.newSite(bad, "https://shop.example.com")))
                    .as(bad)
                    .isInstanceOf(InvalidSiteException.class);
            assertThat(dsl.fetchCount(SHOP, SHOP.PLATFORM_SHOP_KEY.eq(bad)))
                    .as(bad)
                    .isZero();
        }
    }

    @Test
    void aUrlThatIsNotHttpsIsRefusedAndNothingIsWritten() {
        for (String bad : List.of(
                "http://shop.example.com",
                "ftp://shop.example.com",
                "https://",
                "https://shop.example.com/?q=1",
                "https://user@shop.example.com",
                "not a url")) {
            String siteId = BroadleafFixtures.siteId();
            assertThatThrownBy(() -> sites.register(BroadleafFixtures.newSite(siteId, bad)))
                    .as(bad)
                    .isInstanceOf(InvalidSiteException.class);
            assertThat(sites.find(siteId)).as(bad).isEmpty();
            assertThat(shops.findShop(Platform.BROADLEAF, siteId)).as(bad).isEmpty();
        }
    }

    @Test
    void httpIsAcceptedWhenTheBackendAllowsIt() {
        BroadleafSites allowing =
                new BroadleafSites(dsl, shops, BroadleafFixtures.properties(BROADLEAF_SECRET_KEY, true), clock);

        assertThat(BroadleafFixtures.register(allowing, "http://localhost:8080/site")
                        .site()
                        .baseUrl())
                .hasToString("http://localhost:8080/site");
    }

    @Test
    void anUnknownCurrencyOrTimeZoneIsRefused() {
        assertThatThrownBy(() -> sites.register(
                        new NewSite(BroadleafFixtures.siteId(), "Shop", "https://s.example", "DOLLARS", "UTC", null)))
                .isInstanceOf(InvalidSiteException.class);
        assertThatThrownBy(() -> sites.register(
                        new NewSite(BroadleafFixtures.siteId(), "Shop", "https://s.example", "USD", "Mars/Base", null)))
                .isInstanceOf(InvalidSiteException.class);
    }

    @Test
    void withoutAKeyNoSiteIsRegistered() {
        BroadleafSites keyless = new BroadleafSites(dsl, shops, BroadleafFixtures.properties("", false), clock);
        String siteId = BroadleafFixtures.siteId();

        assertThatThrownBy(() -> keyless.register(BroadleafFixtures.newSite(siteId, "https://s.example")))
                .isInstanceOf(InvalidSiteException.class)
                .hasMessageContaining("LOYALTY_TOKEN_KEY");
        assertThat(shops.findShop(Platform.BROADLEAF, siteId)).isEmpty();
    }

    @Test
    void aRotatedSecretLeavesThePreviousOneValidFor24Hours() {
        BroadleafSites.Registered registered = BroadleafFixtures.register(sites, "https://shop.example.com");
        var shop = registered.site().shop().id();

        String rotated = sites.rotate(shop);

        assertThat(rotated).isNotEqualTo(registered.secret()).matches("[A-Za-z0-9_-]{43}");
        assertThat(sites.currentSecret(shop)).isEqualTo(rotated);
        assertThat(sites.acceptedSecrets(shop)).containsExactly(rotated, registered.secret());
        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(sites.acceptedSecrets(shop)).containsExactly(rotated, registered.secret());
        clock.advance(Duration.ofSeconds(1));
        assertThat(sites.acceptedSecrets(shop)).containsExactly(rotated);
    }

    @Test
    void theBootstrapRegistersASiteFromTheEnvironmentAndFollowsItsChanges() {
        String siteId = BroadleafFixtures.siteId();
        String secret = "s".repeat(43);
        BootstrapSites bootstrap = new BootstrapSites(
                sites, BroadleafFixtures.properties(BROADLEAF_SECRET_KEY, false), new StandardEnvironment());

        bootstrap.ensure(new BootstrapSite(siteId, secret, "https://demo.example", "Demo", "USD", "UTC"));
        bootstrap.ensure(new BootstrapSite(siteId, secret, "https://demo.example", "Demo", "USD", "UTC"));
        var shop = sites.find(siteId).orElseThrow().shop().id();
        assertThat(sites.acceptedSecrets(shop)).containsExactly(secret);

        String next = "t".repeat(43);
        bootstrap.ensure(new BootstrapSite(siteId, next, "https://demo2.example", "Demo", "USD", "UTC"));
        assertThat(sites.acceptedSecrets(shop)).containsExactly(next, secret);
        assertThat(sites.find(siteId).orElseThrow().baseUrl()).hasToString("https://demo2.example");
    }

    @Test
    void aWeakBootstrapSecretIsRefused() {
        assertThatThrownBy(() -> sites.ensure(
                        BroadleafFixtures.newSite(BroadleafFixtures.siteId(), "https://s.example"), "short"))
                .isInstanceOf(InvalidSiteException.class);
    }
}
