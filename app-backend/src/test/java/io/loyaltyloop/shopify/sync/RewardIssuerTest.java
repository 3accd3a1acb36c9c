package io.loyaltyloop.shopify.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.loyaltyloop.db.Tables.REDEMPTION;
import static io.loyaltyloop.db.Tables.REDEMPTION_ISSUE;
import static io.loyaltyloop.shopify.admin.ShopifyAdminStub.ANY_SHOP_ENDPOINT;
import static io.loyaltyloop.shopify.admin.ShopifyAdminStub.data;
import static io.loyaltyloop.shopify.admin.ShopifyAdminStub.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.db.tables.records.RedemptionIssueRecord;
import io.loyaltyloop.loyalty.LedgerVerifier;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.reward.Redemption;
import io.loyaltyloop.reward.RedemptionStatus;
import io.loyaltyloop.reward.RewardKind;
import io.loyaltyloop.reward.RewardService;
import io.loyaltyloop.shop.NewShop;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.shopify.admin.AccessTokens;
import io.loyaltyloop.shopify.admin.RecordingSleeper;
import io.loyaltyloop.shopify.admin.ShopifyAdminClient;
import io.loyaltyloop.shopify.admin.ShopifyAdminProperties;
import io.loyaltyloop.shopify.admin.ShopifyAdminStub;
import io.loyaltyloop.shopify.auth.AccessTokenUnavailableException;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Shops;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reward codes are created once per redemption, whatever fails, retries or runs twice; a refusal
 * gives the points back. Real PostgreSQL, Shopify's answers from WireMock.
 */
class RewardIssuerTest extends BackendTest {

    private static final String CUSTOMER = "624407574";
    private static final String NODE = AdminDiscountCodesTest.NODE;
    private static final String CREATED = AdminDiscountCodesTest.CREATED;
    private static final String TAKEN = AdminDiscountCodesTest.TAKEN;
    private static final RewardIssuingProperties PROPERTIES = new RewardIssuingProperties(
            true, Duration.ofSeconds(10), 20, Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofHours(1), 3);

    @Autowired
    DSLContext dsl;

    private final MutableClock clock = new MutableClock(START);
    private final ShopifyAdminStub shopify = new ShopifyAdminStub();
    private final List<Shop> shops = new ArrayList<>();
    private RewardService rewards;
    private LoyaltyService loyalty;
    private Shop shop;

    @BeforeEach
    void aShopWithACustomerHolding500Points() {
        rewards = new RewardService(dsl, clock);
        loyalty = new LoyaltyService(dsl, clock);
        shop = newShopWithCustomer(CUSTOMER);
    }

    @AfterEach
    void leaveNothingForOtherTestsToSend() {
        // Sweeps see every shop in the shared database: redemptions left RESERVED by this test must
        // not reach a later test's stub. An uninstalled shop's redemptions fail without a call.
        shops.forEach(s -> new ShopService(dsl).uninstall(s.id(), START));
        shopify.close();
    }

    @Test
    void createsTheCodeOnceAndMarksTheRedemptionIssued() {
        shopify.always(data(CREATED));
        Redemption redemption = redeem(shop, RewardKind.FIXED_AMOUNT, "5.00");

        issuer().sweepOnce();
        issuer().sweepOnce();

        assertThat(statusOf(redemption)).isEqualTo(RedemptionStatus.ISSUED);
        assertThat(dsl.fetchValue(REDEMPTION.HOST_DISCOUNT_ID, REDEMPTION.REDEMPTION_ID.eq(redemption.id())))
                .isEqualTo(NODE);
        assertThat(createCalls(redemption)).isEqualTo(1);
        shopify.server.verify(postRequestedFor(urlPathMatching(ANY_SHOP_ENDPOINT))
                .withRequestBody(matchingJsonPath("$.variables.amount", equalTo("5.0000")))
                .withRequestBody(
                        matchingJsonPath("$.variables.customerId", equalTo("gid://shopify/Customer/" + CUSTOMER))));
        assertThat(attempts(redemption).getAttempts()).isEqualTo(1);
        assertThat(available(shop)).isEqualTo(400);
        assertLedgerConsistent(shop);
    }

    @Test
    void throttledAndFailingCallsAreRetriedAfterABackoffAndAnEarlierCreationIsRecognised() {
        // The first sweep exhausts the client's five tries (429 twice, 503 three times); the next
        // finds the code created by one of them whose answer was lost, and takes it as issued.
        shopify.inOrder(
                status(429).withHeader("Retry-After", "2.0"),
                status(429),
                status(503),
                status(503),
                status(503),
                data(TAKEN),
                data(AdminDiscountCodesTest.lookup("loyalty-loop", "gid://shopify/Customer/" + CUSTOMER)));
        Redemption redemption = redeem(shop, RewardKind.PERCENTAGE, "10");

        issuer().sweepOnce();

        assertThat(statusOf(redemption)).isEqualTo(RedemptionStatus.RESERVED);
        RedemptionIssueRecord afterFirst = attempts(redemption);
        assertThat(afterFirst.getAttempts()).isEqualTo(1);
        assertThat(afterFirst.getLastError()).contains("HTTP 503");
        assertThat(afterFirst.getNextAttemptAt().toInstant()).isEqualTo(START.plusSeconds(30));

        clock.set(START.plusSeconds(29));
        issuer().sweepOnce();
        assertThat(createCalls(redemption)).isEqualTo(5);

        clock.set(START.plusSeconds(30));
        issuer().sweepOnce();

        assertThat(statusOf(redemption)).isEqualTo(RedemptionStatus.ISSUED);
        assertThat(dsl.fetchValue(REDEMPTION.HOST_DISCOUNT_ID, REDEMPTION.REDEMPTION_ID.eq(redemption.id())))
                .isEqualTo(NODE);
        assertThat(createCalls(redemption)).isEqualTo(6);
        assertThat(attempts(redemption).getAttempts()).isEqualTo(2);
        assertThat(available(shop)).isEqualTo(400);
        assertLedgerConsistent(shop);
    }

    @Test
    void aShopWithoutAUsableTokenIsTriedAgainLater() {
        Redemption redemption = redeem(shop, RewardKind.FIXED_AMOUNT, "5.00");
        AccessTokens revoked = new AccessTokens() {
            @Override
            public String forShop(String domain) {
                throw new AccessTokenUnavailableException(domain + ": the refresh token expired");
            }

            @Override
            public String refresh(String domain, String rejectedToken) {
                return forShop(domain);
            }
        };
        ShopifyAdminClient client = new ShopifyAdminClient(
                ShopifyAdminProperties.defaults().withShopOrigin(shopify.shopOrigin()),
                revoked,
                new RecordingSleeper());

        issuer(client).sweepOnce();

        assertThat(statusOf(redemption)).isEqualTo(RedemptionStatus.RESERVED);
        assertThat(attempts(redemption).getLastError()).contains("the refresh token expired");
        assertThat(attempts(redemption).getNextAttemptAt().toInstant()).isEqualTo(START.plusSeconds(30));
        assertThat(shopify.server.getAllServeEvents()).isEmpty();
        assertThat(available(shop)).isEqualTo(400);
    }

    @Test
    void twoInstancesSweepingAtOnceCreateTheCodeOnce() {
        Redemption redemption = redeem(shop, RewardKind.FREE_SHIPPING, null);
        shopify.always(data(CREATED.replace("discountCodeBasicCreate", "discountCodeFreeShippingCreate"))
                .withFixedDelay(300));
        RewardIssuer first = issuer();
        RewardIssuer second = issuer();

        CompletableFuture.allOf(
                        CompletableFuture.runAsync(first::sweepOnce), CompletableFuture.runAsync(second::sweepOnce))
                .join();

        assertThat(statusOf(redemption)).isEqualTo(RedemptionStatus.ISSUED);
        assertThat(createCalls(redemption)).isEqualTo(1);
        assertLedgerConsistent(shop);
    }

    @Test
    void aRefusalFailsTheRedemptionAndGivesThePointsBack() {
        shopify.always(data("""
            {"discountCodeBasicCreate":{"codeDiscountNode":null,"userErrors":[{"field":["basicCodeDiscount",\
            "customerGets","value","discountAmount","amount"],"code":"GREATER_THAN",\
            "message":"Value must be greater than 0"}]}}\
            """));
        Redemption redemption = redeem(shop, RewardKind.FIXED_AMOUNT, "5.00");

        issuer().sweepOnce();

        assertThat(statusOf(redemption)).isEqualTo(RedemptionStatus.FAILED);
        assertThat(failureReason(redemption)).contains("GREATER_THAN");
        assertThat(attempts(redemption).getLastError()).contains("Value must be greater than 0");
        assertThat(available(shop)).isEqualTo(500);
        assertThat(createCalls(redemption)).isEqualTo(1);
        assertLedgerConsistent(shop);
    }

    @Test
    void aShopThatUninstalledTheAppIsNotCalledAndTheCustomerGetsThePointsBack() {
        shopify.always(data(CREATED));
        Redemption redemption = redeem(shop, RewardKind.FIXED_AMOUNT, "5.00");
        new ShopService(dsl).uninstall(shop.id(), START);

        issuer().sweepOnce();

        assertThat(statusOf(redemption)).isEqualTo(RedemptionStatus.FAILED);
        assertThat(failureReason(redemption)).contains("uninstalled");
        assertThat(shopify.server.getAllServeEvents()).isEmpty();
        assertThat(available(shop)).isEqualTo(500);
        assertLedgerConsistent(shop);
    }

    @Test
    void aCustomerWithoutAShopifyIdFailsWithoutACall() {
        shopify.always(data(CREATED));
        Shop guestShop = newShopWithCustomer("guest-17");
        Redemption redemption = redeem(guestShop, "guest-17", RewardKind.FIXED_AMOUNT, "5.00");

        issuer().sweepOnce();

        assertThat(statusOf(redemption)).isEqualTo(RedemptionStatus.FAILED);
        assertThat(failureReason(redemption)).contains("no Shopify customer id");
        assertThat(createCalls(redemption)).isZero();
        assertLedgerConsistent(guestShop);
    }

    @Test
    void givesUpAfterTheLastAttemptAndGivesThePointsBack() {
        shopify.always(status(502));
        Redemption redemption = redeem(shop, RewardKind.FIXED_AMOUNT, "5.00");

        issuer().sweepOnce();
        clock.set(START.plusSeconds(30));
        issuer().sweepOnce();
        assertThat(statusOf(redemption)).isEqualTo(RedemptionStatus.RESERVED);
        clock.set(START.plusSeconds(30 + 60));
        issuer().sweepOnce();

        assertThat(statusOf(redemption)).isEqualTo(RedemptionStatus.FAILED);
        assertThat(failureReason(redemption))
                .startsWith("gave up after 3 attempts")
                .contains("HTTP 502");
        assertThat(available(shop)).isEqualTo(500);
        assertLedgerConsistent(shop);
    }

    @Test
    void issueNowIssuesWithinTheBudget() {
        shopify.always(data(CREATED));
        Redemption redemption = redeem(shop, RewardKind.FIXED_AMOUNT, "5.00");

        Redemption now = issuer().issueNow(shop.id(), redemption.id(), Duration.ofSeconds(10));

        assertThat(now.status()).isEqualTo(RedemptionStatus.ISSUED);
        assertThat(createCalls(redemption)).isEqualTo(1);
    }

    @Test
    void issueNowLeavesASlowCallToFinishInTheBackgroundWithoutASecondCreate() {
        shopify.always(data(CREATED).withFixedDelay(1500));
        Redemption redemption = redeem(shop, RewardKind.FIXED_AMOUNT, "5.00");
        RewardIssuer issuer = issuer();

        Redemption now = issuer.issueNow(shop.id(), redemption.id(), Duration.ofMillis(50));
        issuer().sweepOnce();

        assertThat(now.status()).isEqualTo(RedemptionStatus.RESERVED);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(statusOf(redemption)).isEqualTo(RedemptionStatus.ISSUED));
        assertThat(createCalls(redemption)).isEqualTo(1);
        assertLedgerConsistent(shop);
    }

    @Test
    void issueNowRefusesAShopOnAPlatformWithoutAChannel() {
        Shop broadleaf = new ShopService(dsl)
                .register(new NewShop(Platform.BROADLEAF, "site-" + shop.id().value(), "Broadleaf site", "USD", "UTC"));

        assertThatThrownBy(() -> issuer().issueNow(broadleaf.id(), 1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("platform without reward codes");
        assertThat(shopify.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void issueNowRefusesARedemptionOfAnotherShop() {
        Redemption redemption = redeem(shop, RewardKind.FIXED_AMOUNT, "5.00");
        Shop other = newShopWithCustomer(CUSTOMER);

        assertThatThrownBy(() -> issuer().issueNow(other.id(), redemption.id(), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no redemption");
        assertThat(shopify.server.getAllServeEvents()).isEmpty();
        assertThat(statusOf(redemption)).isEqualTo(RedemptionStatus.RESERVED);
    }

    private RewardIssuer issuer() {
        return issuer(shopify.client());
    }

    private RewardIssuer issuer(ShopifyAdminClient client) {
        return new RewardIssuer(
                dsl,
                rewards,
                new ShopService(dsl, clock),
                new AdminDiscountCodes(client),
                PROPERTIES,
                clock,
                Executors.newVirtualThreadPerTaskExecutor());
    }

    private Shop newShopWithCustomer(String externalId) {
        Shop created = Shops.newShop(dsl);
        shops.add(created);
        LoyaltyFixtures.customerWithPoints(dsl, loyalty, created, externalId, 500);
        return created;
    }

    private Redemption redeem(Shop in, RewardKind kind, String value) {
        return redeem(in, CUSTOMER, kind, value);
    }

    private Redemption redeem(Shop in, String customer, RewardKind kind, String value) {
        long reward = LoyaltyFixtures.reward(dsl, in, kind, value == null ? null : new BigDecimal(value), 100);
        return rewards.redeem(in.id(), customer, reward, "key-" + reward);
    }

    private RedemptionStatus statusOf(Redemption redemption) {
        return RedemptionStatus.valueOf(
                dsl.fetchValue(REDEMPTION.STATUS, REDEMPTION.REDEMPTION_ID.eq(redemption.id())));
    }

    private String failureReason(Redemption redemption) {
        return dsl.fetchValue(REDEMPTION.FAILURE_REASON, REDEMPTION.REDEMPTION_ID.eq(redemption.id()));
    }

    private RedemptionIssueRecord attempts(Redemption redemption) {
        return dsl.fetchSingle(REDEMPTION_ISSUE, REDEMPTION_ISSUE.REDEMPTION_ID.eq(redemption.id()));
    }

    private int createCalls(Redemption redemption) {
        return shopify.server
                .findAll(postRequestedFor(urlPathMatching(ANY_SHOP_ENDPOINT))
                        .withRequestBody(matchingJsonPath("$.operationName", containing("Create")))
                        .withRequestBody(matchingJsonPath("$.variables.code", equalTo(redemption.discountCode()))))
                .size();
    }

    private long available(Shop in) {
        return loyalty.balance(in.id(), CUSTOMER).orElseThrow().available();
    }

    private void assertLedgerConsistent(Shop in) {
        assertThat(new LedgerVerifier(dsl).verify(in.id(), m -> {}).ok()).isTrue();
    }
}
