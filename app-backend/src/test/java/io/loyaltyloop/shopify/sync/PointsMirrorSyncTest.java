package io.loyaltyloop.shopify.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.loyaltyloop.db.Tables.CUSTOMER;
import static io.loyaltyloop.db.Tables.POINTS_MIRROR;
import static io.loyaltyloop.shopify.admin.ShopifyAdminStub.ANY_SHOP_ENDPOINT;
import static io.loyaltyloop.shopify.admin.ShopifyAdminStub.data;
import static io.loyaltyloop.shopify.admin.ShopifyAdminStub.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.db.tables.records.PointsMirrorRecord;
import io.loyaltyloop.loyalty.LedgerVerifier;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.loyalty.ManualAdjustment;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.shopify.admin.ShopifyAdminStub;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Shops;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changed balances reach Shopify in batches of 25, once; unchanged ones are not sent again; failures
 * wait and come back. Real PostgreSQL (the dirty-marking trigger included), Shopify from WireMock.
 */
class PointsMirrorSyncTest extends BackendTest {

    private static final String SET = """
        {"metafieldsSet":{"metafields":[],"userErrors":[]}}\
        """;
    private static final PointsMirrorProperties PROPERTIES = new PointsMirrorProperties(
            true, Duration.ofSeconds(30), 500, Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofHours(1));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DSLContext dsl;

    private final MutableClock clock = new MutableClock(START);
    private final ShopifyAdminStub shopify = new ShopifyAdminStub();
    private LoyaltyService loyalty;
    private PointsMirrorSync sync;

    @BeforeEach
    void mirrorAgainstTheStub() {
        loyalty = new LoyaltyService(dsl, clock);
        sync = new PointsMirrorSync(dsl, new AdminPointsMirror(shopify.client()), PROPERTIES, clock);
    }

    @AfterEach
    void stopStub() {
        shopify.close();
    }

    @Test
    void sixtyChangedBalancesGoInThreeCallsAndUnchangedOnesAreNotSentAgain() {
        shopify.always(data(SET));
        Shop shop = Shops.newShop(dsl);
        for (int i = 1; i <= 60; i++) {
            LoyaltyFixtures.customerWithPoints(dsl, loyalty, shop, customer(i), 100 + i);
        }
        onlyThisShopIsDue(shop);

        sync.syncOnce();
        sync.syncOnce();

        List<JsonNode> calls = balanceCalls();
        assertThat(calls)
                .extracting(c -> c.path("variables").path("metafields").size())
                .containsExactly(25, 25, 10);
        Map<String, String> sent = calls.stream()
                .flatMap(c -> c.path("variables").path("metafields").valueStream())
                .collect(Collectors.toMap(
                        m -> m.path("ownerId").asString(), m -> m.path("value").asString()));
        assertThat(sent).hasSize(60).containsEntry("gid://shopify/Customer/" + customer(7), "107");
        assertThat(calls.getFirst()
                        .path("variables")
                        .path("metafields")
                        .get(0)
                        .path("namespace")
                        .asString())
                .isEqualTo("$app");
        assertThat(mirrorRows(shop))
                .allSatisfy(row -> assertThat(row.getDirty()).isFalse())
                .allSatisfy(row -> assertThat(row.getMirroredAvailable()).isBetween(101L, 160L));
        assertLedgerConsistent(shop);
    }

    @Test
    void onlyTheBalanceThatChangedIsSentAgain() {
        shopify.always(data(SET));
        Shop shop = Shops.newShop(dsl);
        LoyaltyFixtures.customerWithPoints(dsl, loyalty, shop, customer(1), 100);
        LoyaltyFixtures.customerWithPoints(dsl, loyalty, shop, customer(2), 200);
        onlyThisShopIsDue(shop);
        sync.syncOnce();
        shopify.server.resetRequests();

        loyalty.adjust(new ManualAdjustment(shop.id(), customer(2), -50, "correction", "test"));
        sync.syncOnce();

        List<JsonNode> calls = balanceCalls();
        assertThat(calls).hasSize(1);
        JsonNode only = calls.getFirst().path("variables").path("metafields");
        assertThat(only.size()).isEqualTo(1);
        assertThat(only.get(0).path("ownerId").asString()).isEqualTo("gid://shopify/Customer/" + customer(2));
        assertThat(only.get(0).path("value").asString()).isEqualTo("150");
        assertLedgerConsistent(shop);
    }

    @Test
    void aFailedCallIsRetriedAfterItsBackoff() {
        shopify.always(status(503));
        Shop shop = Shops.newShop(dsl);
        LoyaltyFixtures.customerWithPoints(dsl, loyalty, shop, customer(1), 100);
        onlyThisShopIsDue(shop);

        sync.syncOnce();

        PointsMirrorRecord failed = mirrorRows(shop).getFirst();
        assertThat(failed.getDirty()).isTrue();
        assertThat(failed.getAttempts()).isEqualTo(1);
        assertThat(failed.getLastError()).contains("HTTP 503");
        assertThat(failed.getNextAttemptAt().toInstant()).isEqualTo(START.plus(Duration.ofMinutes(1)));

        shopify.server.resetAll();
        shopify.always(data(SET));
        sync.syncOnce();
        assertThat(balanceCalls()).isEmpty();

        clock.set(START.plus(Duration.ofMinutes(1)));
        sync.syncOnce();

        assertThat(balanceCalls()).hasSize(1);
        PointsMirrorRecord mirrored = mirrorRows(shop).getFirst();
        assertThat(mirrored.getDirty()).isFalse();
        assertThat(mirrored.getMirroredAvailable()).isEqualTo(100);
        assertThat(mirrored.getAttempts()).isZero();
        assertThat(mirrored.getLastError()).isNull();
    }

    @Test
    void aBalanceShopifyRefusesDoesNotHoldBackTheOthers() {
        shopify.inOrder(data("""
            {"metafieldsSet":{"metafields":[],"userErrors":[{"field":["metafields","1","ownerId"],\
            "code":"INVALID","message":"Owner does not exist.","elementIndex":1}]}}\
            """), data(SET));
        Shop shop = Shops.newShop(dsl);
        LoyaltyFixtures.customerWithPoints(dsl, loyalty, shop, customer(1), 100);
        LoyaltyFixtures.customerWithPoints(dsl, loyalty, shop, customer(2), 200);
        onlyThisShopIsDue(shop);

        sync.syncOnce();
        sync.syncOnce();

        List<JsonNode> calls = balanceCalls();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).path("variables").path("metafields").size()).isEqualTo(1);
        List<PointsMirrorRecord> rows = mirrorRows(shop);
        assertThat(rows.get(0).getDirty()).isFalse();
        assertThat(rows.get(1).getDirty()).isTrue();
        assertThat(rows.get(1).getLastError()).contains("Owner does not exist.");
    }

    @Test
    void skipsGuestsRedactedCustomersAndUninstalledShops() {
        shopify.always(data(SET));
        Shop shop = Shops.newShop(dsl);
        LoyaltyFixtures.customerWithPoints(
                dsl, loyalty, shop, "guest-" + shop.id().value(), 100);
        LoyaltyFixtures.customerWithPoints(dsl, loyalty, shop, customer(2), 200);
        dsl.update(CUSTOMER)
                .set(CUSTOMER.REDACTED_AT, OffsetDateTime.of(2026, 11, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                .where(CUSTOMER.SHOP_ID.eq(shop.id().value()))
                .and(CUSTOMER.EXTERNAL_ID.eq(customer(2)))
                .execute();
        Shop uninstalled = Shops.newShop(dsl);
        LoyaltyFixtures.customerWithPoints(dsl, loyalty, uninstalled, customer(3), 300);
        new ShopService(dsl).uninstall(uninstalled.id(), START);
        onlyTheseShopsAreDue(shop, uninstalled);

        sync.syncOnce();

        assertThat(balanceCalls()).isEmpty();
        assertThat(mirrorRows(shop))
                .allSatisfy(row -> assertThat(row.getDirty()).isFalse());
        // Kept for a reinstall: the balance is sent once the shop is back.
        assertThat(mirrorRows(uninstalled))
                .allSatisfy(row -> assertThat(row.getDirty()).isTrue());
    }

    /** Shopify-like customer ids, distinct per test run. */
    private static String customer(int i) {
        return Long.toString(7_000_000_000L + i);
    }

    private void onlyThisShopIsDue(Shop shop) {
        onlyTheseShopsAreDue(shop);
    }

    /**
     * The database is shared: other tests' balances are dirty too. Parks them beyond any test clock,
     * so this test's stub sees only its own shops.
     */
    private void onlyTheseShopsAreDue(Shop... mine) {
        List<Long> ids = new ArrayList<>();
        for (Shop s : mine) {
            ids.add(s.id().value());
        }
        dsl.update(POINTS_MIRROR)
                .set(POINTS_MIRROR.NEXT_ATTEMPT_AT, OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                .where(POINTS_MIRROR.DIRTY)
                .and(POINTS_MIRROR.SHOP_ID.notIn(ids))
                .execute();
    }

    private List<PointsMirrorRecord> mirrorRows(Shop shop) {
        return dsl.selectFrom(POINTS_MIRROR)
                .where(POINTS_MIRROR.SHOP_ID.eq(shop.id().value()))
                .orderBy(POINTS_MIRROR.CUSTOMER_ID)
                .fetch();
    }

    private List<JsonNode> balanceCalls() {
        return shopify.server.findAll(postRequestedFor(urlPathMatching(ANY_SHOP_ENDPOINT))).stream()
                .map(request -> JSON.readTree(request.getBodyAsString()))
                .filter(body -> body.path("operationName").asString().equals("AdminPointsBalanceSet"))
                .toList();
    }

    private void assertLedgerConsistent(Shop shop) {
        assertThat(new LedgerVerifier(dsl).verify(shop.id(), m -> {}).ok()).isTrue();
    }
}
