package io.loyaltyloop.shopify.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.loyaltyloop.db.Tables.SHOP_ACCESS_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.loyaltyloop.BackendTest;
import io.loyaltyloop.db.tables.records.ShopAccessTokenRecord;
import io.loyaltyloop.shop.NewShop;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.shopify.admin.AdminDocument;
import io.loyaltyloop.shopify.admin.RecordingSleeper;
import io.loyaltyloop.shopify.admin.ShopifyAdminClient;
import io.loyaltyloop.shopify.admin.ShopifyAdminProperties;
import io.loyaltyloop.system.AccessTokenCipher;
import io.loyaltyloop.system.AccessTokenCipherTest;
import io.loyaltyloop.system.TokenDecryptionException;
import io.loyaltyloop.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The encrypted token store against the real database, with a stub for Shopify's token endpoint. */
class AccessTokenStoreTest extends BackendTest {

    private static final WireMockServer shopify = started();

    @Autowired
    DSLContext dsl;

    @Autowired
    ShopService shops;

    private final MutableClock clock = new MutableClock(START);
    private final AccessTokenCipher cipher = AccessTokenCipher.fromBase64(AccessTokenCipherTest.randomKey());

    private AccessTokenStore store() {
        TokenExchangeClient client = new TokenExchangeClient(SessionTokens.API_KEY, SHOPIFY_SECRET, origin(), clock);
        return new AccessTokenStore(dsl, shops, cipher, client, clock);
    }

    @AfterAll
    static void stop() {
        shopify.stop();
    }

    @Test
    void storesBothTokensEncryptedAndGivesBackThePlaintext() {
        Shop shop = newShop();
        AccessTokenStore store = store();

        store.store(shop.id(), issued("shpat_first", "shprt_first", Duration.ofHours(1)));

        ShopAccessTokenRecord row = row(shop);
        assertThat(text(row.getAccessToken())).doesNotContain("shpat_first");
        assertThat(text(row.getRefreshToken())).doesNotContain("shprt_first");
        assertThat(row.getScope()).isEqualTo("read_orders,write_discounts");
        assertThat(store.forShop(shop.platformShopKey())).isEqualTo("shpat_first");
        assertThat(requestsFor(shop)).isZero();
    }

    @Test
    void refreshesFiveMinutesBeforeExpiryWithTheStoredRefreshTokenAndKeepsTheNewPair() {
        Shop shop = newShop();
        AccessTokenStore store = store();
        store.store(shop.id(), issued("shpat_first", "shprt_first", Duration.ofMinutes(10)));
        stubRefresh(shop, "shprt_first", "shpat_second", "shprt_second");

        clock.advance(Duration.ofMinutes(4));
        assertThat(store.forShop(shop.platformShopKey())).isEqualTo("shpat_first");
        assertThat(requestsFor(shop)).isZero();

        clock.advance(Duration.ofMinutes(2));
        assertThat(store.forShop(shop.platformShopKey())).isEqualTo("shpat_second");
        assertThat(requestsFor(shop)).isOne();

        ShopAccessTokenRecord row = row(shop);
        assertThat(cipher.decrypt(shop.id().value(), row.getRefreshToken())).isEqualTo("shprt_second");
        assertThat(row.getAccessExpiresAt().toInstant())
                .isEqualTo(clock.instant().plusSeconds(3600));
        assertThat(store.forShop(shop.platformShopKey())).isEqualTo("shpat_second");
        assertThat(requestsFor(shop)).isOne();
    }

    @Test
    void eightConcurrentCallersWithAnExpiringTokenCauseOneRefresh() throws Exception {
        Shop shop = newShop();
        AccessTokenStore store = store();
        store.store(shop.id(), issued("shpat_first", "shprt_first", Duration.ofMinutes(1)));
        stubRefresh(shop, "shprt_first", "shpat_second", "shprt_second");

        assertThat(eightAtOnce(() -> store.forShop(shop.platformShopKey()))).containsOnly("shpat_second");

        assertThat(requestsFor(shop)).isOne();
    }

    @Test
    void aRefusedRefreshSaysSoAndLeavesTheStoredPairAlone() {
        Shop shop = newShop();
        AccessTokenStore store = store();
        store.store(shop.id(), issued("shpat_first", "shprt_first", Duration.ofMinutes(1)));
        byte[] before = row(shop).getRefreshToken();
        shopify.stubFor(post(urlPathEqualTo(endpoint(shop)))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\"}")));

        assertThatThrownBy(() -> store.forShop(shop.platformShopKey()))
                .isInstanceOf(AccessTokenUnavailableException.class)
                .hasMessageContaining("refreshing the access token failed")
                .cause()
                .hasMessageContaining("400")
                .hasMessageContaining("invalid_grant");
        assertThat(row(shop).getRefreshToken()).isEqualTo(before);
    }

    @Test
    void anExpiredRefreshTokenIsNotSentAndSaysTheMerchantMustOpenTheApp() {
        Shop shop = newShop();
        AccessTokenStore store = store();
        store.store(shop.id(), issued("shpat_first", "shprt_first", Duration.ofMinutes(1)));
        clock.advance(Duration.ofDays(31));

        assertThatThrownBy(() -> store.forShop(shop.platformShopKey()))
                .isInstanceOf(AccessTokenUnavailableException.class)
                .hasMessageContaining("refresh token expired");
        assertThat(requestsFor(shop)).isZero();
    }

    @Test
    void refreshAfterA401RefreshesEvenAFreshToken() {
        Shop shop = newShop();
        AccessTokenStore store = store();
        store.store(shop.id(), issued("shpat_first", "shprt_first", Duration.ofHours(1)));
        stubRefresh(shop, "shprt_first", "shpat_second", "shprt_second");

        assertThat(store.refresh(shop.platformShopKey(), "shpat_first")).isEqualTo("shpat_second");
        assertThat(requestsFor(shop)).isOne();
    }

    @Test
    void eightConcurrentCallersRefusedWithTheSameTokenCauseOneRefresh() throws Exception {
        Shop shop = newShop();
        AccessTokenStore store = store();
        store.store(shop.id(), issued("shpat_first", "shprt_first", Duration.ofHours(1)));
        stubRefresh(shop, "shprt_first", "shpat_second", "shprt_second");

        assertThat(eightAtOnce(() -> store.refresh(shop.platformShopKey(), "shpat_first")))
                .containsOnly("shpat_second");
        assertThat(requestsFor(shop)).isOne();
    }

    @Test
    void theAdminClientSendsTheTokenTheStoreRefreshedAheadOfExpiry() {
        Shop shop = newShop();
        AccessTokenStore store = store();
        store.store(shop.id(), issued("shpat_first", "shprt_first", Duration.ofMinutes(1)));
        stubRefresh(shop, "shprt_first", "shpat_second", "shprt_second");
        String graphQl = "/" + shop.platformShopKey() + "/admin/api/2026-07/graphql.json";
        shopify.stubFor(post(urlPathEqualTo(graphQl))
                .willReturn(okJson(
                        "{\"data\":{\"shop\":{\"name\":\"n\",\"currencyCode\":\"USD\",\"ianaTimezone\":\"UTC\"}}}")));
        ShopifyAdminClient client = new ShopifyAdminClient(
                ShopifyAdminProperties.defaults().withShopOrigin(origin()), store, new RecordingSleeper());

        client.execute(shop.platformShopKey(), AdminDocument.SHOP_DETAILS, Map.of());

        shopify.verify(
                1,
                postRequestedFor(urlPathEqualTo(graphQl))
                        .withHeader("X-Shopify-Access-Token", equalTo("shpat_second")));
        assertThat(requestsFor(shop)).isOne();
    }

    @Test
    void aTokenCopiedIntoAnotherShopsRowDoesNotDecrypt() {
        Shop victim = newShop();
        Shop other = newShop();
        AccessTokenStore store = store();
        store.store(victim.id(), issued("shpat_victim", "shprt_victim", Duration.ofHours(1)));
        store.store(other.id(), issued("shpat_other", "shprt_other", Duration.ofHours(1)));

        dsl.update(SHOP_ACCESS_TOKEN)
                .set(SHOP_ACCESS_TOKEN.ACCESS_TOKEN, row(victim).getAccessToken())
                .where(SHOP_ACCESS_TOKEN.SHOP_ID.eq(other.id().value()))
                .execute();

        assertThatThrownBy(() -> store.forShop(other.platformShopKey())).isInstanceOf(TokenDecryptionException.class);
    }

    @Test
    void aShopWithoutATokenIsReportedAsSuch() {
        Shop shop = newShop();

        assertThatThrownBy(() -> store().forShop(shop.platformShopKey()))
                .isInstanceOf(AccessTokenUnavailableException.class)
                .hasMessageContaining("no stored Admin API token");
        assertThatThrownBy(() -> store().forShop("never-installed.myshopify.com"))
                .isInstanceOf(AccessTokenUnavailableException.class);
    }

    private IssuedTokens issued(String access, String refresh, Duration lifetime) {
        return new IssuedTokens(
                access,
                "read_orders,write_discounts",
                clock.instant().plus(lifetime),
                refresh,
                clock.instant().plus(Duration.ofDays(30)));
    }

    private static List<String> eightAtOnce(Callable<String> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> futures = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                futures.add(callers.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    private void stubRefresh(Shop shop, String spent, String access, String refresh) {
        shopify.stubFor(post(urlPathEqualTo(endpoint(shop)))
                .withRequestBody(equalToJson("{\"client_id\":\"" + SessionTokens.API_KEY + "\",\"client_secret\":\""
                        + SHOPIFY_SECRET + "\",\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + spent
                        + "\"}"))
                .willReturn(okJson("{\"access_token\":\"" + access + "\",\"scope\":\"read_orders,write_discounts\","
                        + "\"expires_in\":3600,\"refresh_token\":\"" + refresh
                        + "\",\"refresh_token_expires_in\":2592000}")));
    }

    private int requestsFor(Shop shop) {
        return shopify.findAll(postRequestedFor(urlPathEqualTo(endpoint(shop)))).size();
    }

    private static String origin() {
        return "http://localhost:" + shopify.port() + "/{shop}";
    }

    private static String endpoint(Shop shop) {
        return "/" + shop.platformShopKey() + "/admin/oauth/access_token";
    }

    private ShopAccessTokenRecord row(Shop shop) {
        return dsl.selectFrom(SHOP_ACCESS_TOKEN)
                .where(SHOP_ACCESS_TOKEN.SHOP_ID.eq(shop.id().value()))
                .fetchSingle();
    }

    private Shop newShop() {
        String domain = "tokens-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
        return shops.register(new NewShop(Platform.SHOPIFY, domain, domain, "USD", "UTC"));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static WireMockServer started() {
        WireMockServer server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return server;
    }
}
