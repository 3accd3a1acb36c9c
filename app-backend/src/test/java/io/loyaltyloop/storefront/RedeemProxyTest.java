package io.loyaltyloop.storefront;

import static io.loyaltyloop.db.Tables.POINTS_LEDGER;
import static io.loyaltyloop.db.Tables.REDEMPTION;
import static io.loyaltyloop.shopify.admin.ShopifyAdminStub.data;
import static io.loyaltyloop.shopify.admin.ShopifyAdminStub.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.reward.RedemptionStatus;
import io.loyaltyloop.reward.RewardCatalog;
import io.loyaltyloop.reward.RewardKind;
import io.loyaltyloop.shopify.admin.ShopifyAdminStub;
import io.loyaltyloop.shopify.sync.RewardIssuer;
import io.loyaltyloop.shopify.sync.StubbedRewardIssuer;
import io.loyaltyloop.testing.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /proxy/rewards/{id}/redeem}: spends once per request key, refuses without a trace. */
class RedeemProxyTest extends StorefrontProxyTest {
    static final String ADA = "7001";

    long fiveOff;

    @BeforeEach
    void adaHas600Points() {
        fixtures.customerWithPoints(shop, ADA, 600);
        fiveOff = fixtures.reward(shop, "5 off", RewardKind.FIXED_AMOUNT, "5.00", 500);
    }

    @Test
    void redeemsAndAnswersTheCodeAndTheBalanceLeft() {
        HttpResponse<String> answer = redeem(fiveOff, ADA, "click-0001");

        // The backend holds no Shopify token for a test shop: the code stays reserved for the sweep.
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        JsonNode body = json(answer);
        assertThat(body.get("code").asString()).isNotBlank();
        assertThat(body.get("status").asString()).isEqualTo("RESERVED");
        assertThat(body.get("reward").asString()).isEqualTo("5 off");
        assertThat(body.at("/points/available").asLong()).isEqualTo(100);
        assertThat(body.at("/points/pending").asLong()).isZero();
        assertThat(body.at("/points/lifetime").isIntegralNumber()).isTrue();
        assertThat(dsl.fetchValue(
                        REDEMPTION.DISCOUNT_CODE,
                        REDEMPTION.SHOP_ID.eq(shop.id().value())))
                .isEqualTo(body.get("code").asString());
    }

    @Test
    void aRepeatedKeyAnswersTheSameCodeAndSpendsOnce() {
        JsonNode first = json(redeem(fiveOff, ADA, "click-0002"));
        HttpResponse<String> again = redeem(fiveOff, ADA, "click-0002");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("code").asString())
                .isEqualTo(first.get("code").asString());
        assertThat(redemptions()).isEqualTo(1);
        assertThat(available(ADA)).isEqualTo(100);
    }

    @Test
    void refusesUnsignedStaleTamperedAmbiguousAndForeignRequestsWithoutATrace() {
        long now = clock.instant().getEpochSecond();
        String path = "/proxy/rewards/" + fiveOff + "/redeem?";
        String good = signed(ADA, "request_key=click-0003&");
        Snapshot before = snapshot();

        List<String> refused = List.of(
                "",
                ProxyQueries.unsigned(shop.platformShopKey(), ADA, now, "request_key=click-0003&"),
                ProxyQueries.signed(SHOPIFY_SECRET, shop.platformShopKey(), ADA, now - 91, "request_key=click-0003&"),
                good.replace("request_key=click-0003", "request_key=click-0004"),
                good.replace("logged_in_customer_id=" + ADA, "logged_in_customer_id=7002"),
                good + "&shop=" + shop.platformShopKey(),
                good + "&signature=" + good.substring(good.length() - 64),
                ProxyQueries.signed("wrong-secret", shop.platformShopKey(), ADA, now, "request_key=click-0003&"));
        for (String query : refused) {
            HttpResponse<String> answer = browser.postRaw(path + query, "");

            assertThat(answer.statusCode()).as(query).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(answer).get("type").asString()).endsWith("/unsigned");
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void refusesEachBadRedeemWithItsProblemAndWithoutATrace() {
        long inactive = fixtures.reward(shop, "Retired", RewardKind.FIXED_AMOUNT, "1.00", 10);
        new RewardCatalog(dsl).deactivate(shop.id(), inactive, "test");
        long dear = fixtures.reward(shop, "50 off", RewardKind.FIXED_AMOUNT, "50.00", 5000);
        long cheap = fixtures.reward(shop, "1 off", RewardKind.FIXED_AMOUNT, "1.00", 10);
        assertThat(redeem(cheap, ADA, "used-key-01").statusCode()).isEqualTo(200);
        Snapshot before = snapshot();

        assertProblem(redeem(fiveOff, "", "click-0005"), 403, "sign-in-required");
        assertProblem(redeem(999_999_999L, ADA, "click-0006"), 404, "unknown-reward");
        assertProblem(redeemPath("/proxy/rewards/abc/redeem?", ADA, "click-0006"), 404, "unknown-reward");
        assertProblem(redeem(inactive, ADA, "click-0007"), 404, "unknown-reward");
        assertProblem(redeem(dear, ADA, "click-0008"), 409, "insufficient-points");
        assertProblem(redeem(fiveOff, "7999", "click-0009"), 409, "insufficient-points");
        assertProblem(redeem(fiveOff, ADA, null), 400, "bad-request-key");
        assertProblem(redeem(fiveOff, ADA, "short"), 400, "bad-request-key");
        assertProblem(redeem(fiveOff, ADA, "bad%2Fkey%21x"), 400, "bad-request-key");
        assertProblem(redeem(fiveOff, ADA, "x".repeat(65)), 400, "bad-request-key");
        assertProblem(redeem(fiveOff, ADA, "used-key-01"), 409, "request-key-reused");

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anotherCustomersKeyIsTheirOwnAndSpendsNothingOfTheFirst() {
        fixtures.customerWithPoints(shop, "7003", 600);
        JsonNode ada = json(redeem(fiveOff, ADA, "same-key-01"));

        HttpResponse<String> bo = redeem(fiveOff, "7003", "same-key-01");

        assertThat(bo.statusCode()).isEqualTo(200);
        assertThat(json(bo).get("code").asString()).isNotEqualTo(ada.get("code").asString());
        assertThat(available(ADA)).isEqualTo(100);
        assertThat(available("7003")).isEqualTo(100);
    }

    @Test
    void twentyConcurrentRedeemsOnABalanceForThreeSpendItExactlyThreeTimes() {
        long twoHundred = fixtures.reward(shop, "1 off", RewardKind.FIXED_AMOUNT, "1.00", 200);
        // 600 available: three redeems of 200
        try (var pool = Executors.newFixedThreadPool(20)) {
            List<CompletableFuture<Integer>> calls = IntStream.range(0, 20)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> redeem(twoHundred, ADA, "concurrent-" + i).statusCode(), pool))
                    .toList();
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).toList();

            assertThat(statuses).filteredOn(s -> s == 200).hasSize(3);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(17);
        }
        assertThat(available(ADA)).isZero();
        assertThat(redemptions()).isEqualTo(3);
    }

    @Test
    void issuesTheCodeInShopifyWithinTheWait() {
        try (ShopifyAdminStub shopify = new ShopifyAdminStub()) {
            shopify.always(data(StubbedRewardIssuer.CREATED));
            StorefrontRedemptions redemptions = redemptionsAgainst(shopify, clock);

            StorefrontRedemptions.Redeemed redeemed = redemptions.redeem(shop, ADA, fiveOff, "click-0010");

            assertThat(redeemed.status()).isEqualTo("ISSUED");
            assertThat(redeemed.points().available()).isEqualTo(100);
        }
    }

    @Test
    void answersReservedWhenShopifyIsDownAndTheSweepIssuesItLater() {
        MutableClock issuing = new MutableClock(NOW);
        try (ShopifyAdminStub shopify = new ShopifyAdminStub()) {
            shopify.always(status(503));
            StorefrontRedemptions.Redeemed redeemed =
                    redemptionsAgainst(shopify, issuing).redeem(shop, ADA, fiveOff, "click-0011");
            assertThat(redeemed.status()).isEqualTo("RESERVED");

            shopify.server.resetAll();
            shopify.always(data(StubbedRewardIssuer.CREATED));
            issuing.advance(Duration.ofMinutes(5));
            long id = dsl.fetchValue(
                    REDEMPTION.REDEMPTION_ID, REDEMPTION.SHOP_ID.eq(shop.id().value()));
            RewardIssuer later = StubbedRewardIssuer.of(dsl, rewards, shopify, issuing);

            assertThat(later.issueNow(shop.id(), id, Duration.ofSeconds(10)).status())
                    .isEqualTo(RedemptionStatus.ISSUED);
            assertThat(later.issueNow(shop.id(), id, Duration.ofSeconds(10)).discountCode())
                    .isEqualTo(redeemed.code());
        }
    }

    private StorefrontRedemptions redemptionsAgainst(ShopifyAdminStub shopify, MutableClock issuing) {
        return new StorefrontRedemptions(rewards, loyalty, StubbedRewardIssuer.of(dsl, rewards, shopify, issuing));
    }

    private void assertProblem(HttpResponse<String> answer, int status, String type) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(answer).get("type").asString()).endsWith("/" + type);
    }

    private HttpResponse<String> redeem(long rewardId, String customer, String requestKey) {
        return redeemPath("/proxy/rewards/" + rewardId + "/redeem?", customer, requestKey);
    }

    private HttpResponse<String> redeemPath(String path, String customer, String requestKey) {
        return browser.postRaw(
                path + signed(customer, requestKey == null ? "" : "request_key=" + requestKey + "&"), "");
    }

    private long available(String customer) {
        return loyalty.balance(shop.id(), customer).orElseThrow().available();
    }

    private int redemptions() {
        return dsl.fetchCount(REDEMPTION, REDEMPTION.SHOP_ID.eq(shop.id().value()));
    }

    private Snapshot snapshot() {
        return new Snapshot(
                dsl.fetchCount(POINTS_LEDGER, POINTS_LEDGER.SHOP_ID.eq(shop.id().value())),
                redemptions(),
                available(ADA));
    }

    record Snapshot(int ledgerEntries, int redemptions, long available) {}
}
