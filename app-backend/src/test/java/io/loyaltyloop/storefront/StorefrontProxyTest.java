package io.loyaltyloop.storefront;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.reward.RewardService;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.system.PageClient;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Shops;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The storefront calls' tests: shops of their own with an empty program (no starter tiers or
 * rewards), the clock a day after the test orders, queries signed as Shopify's app proxy signs them.
 */
abstract class StorefrontProxyTest extends BackendTest {

    static final Instant NOW = Instant.parse("2026-11-02T12:00:00Z");

    @Autowired
    DSLContext dsl;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    RewardService rewards;

    @Autowired
    MutableClock clock;

    @LocalServerPort
    int port;

    private final List<Shop> created = new ArrayList<>();
    PageClient browser;
    StorefrontFixtures fixtures;
    Shop shop;

    @BeforeEach
    void aShopOfItsOwn() {
        clock.set(NOW);
        browser = new PageClient(port);
        fixtures = new StorefrontFixtures(dsl, loyalty);
        shop = newShop();
    }

    @AfterEach
    void leaveNoRedemptionForTheSweeps() {
        // Sweeps see every shop of the shared database; an uninstalled shop's redemptions fail without a call.
        created.forEach(s -> new ShopService(dsl).uninstall(s.id(), NOW));
        clock.set(START);
    }

    Shop newShop() {
        Shop s = Shops.newShop(dsl);
        fixtures.emptyProgram(s);
        created.add(s);
        return s;
    }

    /** A query of this test's shop, signed now. */
    String signed(String customerId, String extra) {
        return ProxyQueries.signed(
                SHOPIFY_SECRET,
                shop.platformShopKey(),
                customerId,
                clock.instant().getEpochSecond(),
                extra);
    }

    static JsonNode json(HttpResponse<String> answer) {
        return JsonMapper.builder().build().readTree(answer.body());
    }
}
