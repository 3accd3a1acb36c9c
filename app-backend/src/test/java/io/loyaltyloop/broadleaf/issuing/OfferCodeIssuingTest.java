package io.loyaltyloop.broadleaf.issuing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.loyaltyloop.db.Tables.REDEMPTION_ISSUE;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.loyaltyloop.BackendTest;
import io.loyaltyloop.broadleaf.BroadleafFixtures;
import io.loyaltyloop.broadleaf.SiteClient;
import io.loyaltyloop.broadleaf.SiteSignatures;
import io.loyaltyloop.broadleaf.site.BroadleafSites;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.reward.Redemption;
import io.loyaltyloop.reward.RedemptionStatus;
import io.loyaltyloop.reward.RewardKind;
import io.loyaltyloop.reward.RewardService;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.shopify.sync.LoyaltyFixtures;
import io.loyaltyloop.shopify.sync.RewardIssuer;
import io.loyaltyloop.testing.MutableClock;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reward codes of Broadleaf sites: the backend's signed call to the site (WireMock plays the site,
 * and the signature it received is checked with the backend's own verifier), issued within the
 * storefront's wait, retried when the site is away, failed with the points back when it refuses.
 */
class OfferCodeIssuingTest extends BackendTest {

    private static final String CUSTOMER = "100";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    BroadleafSites sites;

    @Autowired
    RewardIssuer issuer;

    @Autowired
    RewardService rewards;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    ShopService shops;

    @Autowired
    DSLContext dsl;

    @Autowired
    MutableClock clock;

    @LocalServerPort
    int port;

    private final WireMockServer site =
            new WireMockServer(WireMockConfiguration.options().dynamicPort().globalTemplating(true));
    private BroadleafSites.Registered registered;
    private Shop shop;
    private long fiveOff;

    @BeforeEach
    void aSiteWithACustomerHolding500Points() {
        clock.set(START);
        site.start();
        registered = BroadleafFixtures.register(sites, "http://localhost:" + site.port() + "/shop");
        shop = registered.site().shop();
        LoyaltyFixtures.customerWithPoints(dsl, loyalty, shop, CUSTOMER, 500);
        fiveOff = LoyaltyFixtures.reward(dsl, shop, RewardKind.FIXED_AMOUNT, new BigDecimal("5.00"), 500);
    }

    @AfterEach
    void stop() {
        site.stop();
        shops.uninstall(shop.id(), clock.instant());
        clock.set(START);
    }

    @Test
    void theStorefrontsRedeemIsIssuedByTheSiteWithinItsWaitAndTheCallIsSigned() throws Exception {
        echoTheCode();

        HttpResponse<String> answer = new SiteClient(port, registered.site().siteId(), registered.secret(), clock)
                .postJson(
                        "/broadleaf/v1/storefront/rewards/" + fiveOff + "/redeem?customer=" + CUSTOMER
                                + "&request_key=click-0001",
                        "");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("status").asString()).isEqualTo("ISSUED");
        List<ServeEvent> calls = site.getAllServeEvents();
        assertThat(calls).hasSize(1);
        ServeEvent call = calls.getFirst();
        JsonNode sent = JSON.readTree(call.getRequest().getBodyAsString());
        assertThat(sent.get("code").asString()).isEqualTo(body.get("code").asString());
        assertThat(sent.get("customerId").asString()).isEqualTo(CUSTOMER);
        assertThat(sent.get("kind").asString()).isEqualTo("AMOUNT_OFF");
        assertThat(sent.get("value").asString()).isEqualTo("5.00");
        assertThat(sent.get("currency").asString()).isEqualTo("USD");
        assertThat(sent.get("redemptionId").asString()).matches("\\d+");
        SiteSignatures.assertSignedBySite(call, registered, clock.instant(), "/shop/loyalty-loop/offer-codes");
    }

    @Test
    void aSiteThatIsAwayIsTriedAgainAfterTheBackoffAndIssuesOnce() {
        site.stubFor(post(urlPathEqualTo("/shop/loyalty-loop/offer-codes"))
                .willReturn(aResponse().withStatus(503)));
        Redemption redemption = rewards.redeem(shop.id(), CUSTOMER, fiveOff, "k-0001");

        assertThat(issuer.issueNow(shop.id(), redemption.id(), Duration.ofSeconds(5))
                        .status())
                .isEqualTo(RedemptionStatus.RESERVED);
        assertThat(lastError(redemption)).contains("503");

        site.resetAll();
        echoTheCode();
        assertThat(issuer.issueNow(shop.id(), redemption.id(), Duration.ofSeconds(5))
                        .status())
                .as("still in its backoff")
                .isEqualTo(RedemptionStatus.RESERVED);
        clock.advance(Duration.ofSeconds(31));
        assertThat(issuer.issueNow(shop.id(), redemption.id(), Duration.ofSeconds(5))
                        .status())
                .isEqualTo(RedemptionStatus.ISSUED);
        assertThat(issuer.issueNow(shop.id(), redemption.id(), Duration.ofSeconds(5))
                        .status())
                .isEqualTo(RedemptionStatus.ISSUED);
        assertThat(site.getAllServeEvents()).hasSize(1);
    }

    @Test
    void unsignedThrottledAndTimeoutAnswersAreTransient() {
        for (int status : new int[] {401, 408, 429, 500}) {
            site.resetAll();
            site.stubFor(post(urlPathEqualTo("/shop/loyalty-loop/offer-codes"))
                    .willReturn(aResponse().withStatus(status)));
            Redemption redemption = rewards.redeem(shop.id(), CUSTOMER, fiveOff, "k-t" + status);

            assertThat(issuer.issueNow(shop.id(), redemption.id(), Duration.ofSeconds(5))
                            .status())
                    .as("status %d", status)
                    .isEqualTo(RedemptionStatus.RESERVED);
            rewards.markFailed(shop.id(), redemption.id(), "test: give the points back for the next round");
        }
    }

    @Test
    void aCodeTakenAtTheSiteFailsTheRedemptionAndGivesThePointsBack() {
        site.stubFor(post(urlPathEqualTo("/shop/loyalty-loop/offer-codes"))
                .willReturn(aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"code\":\"code-taken\"}")));
        Redemption redemption = rewards.redeem(shop.id(), CUSTOMER, fiveOff, "k-0002");
        assertThat(loyalty.balance(shop.id(), CUSTOMER).orElseThrow().available())
                .isZero();

        assertThat(issuer.issueNow(shop.id(), redemption.id(), Duration.ofSeconds(5))
                        .status())
                .isEqualTo(RedemptionStatus.FAILED);

        assertThat(loyalty.balance(shop.id(), CUSTOMER).orElseThrow().available())
                .isEqualTo(500);
        assertThat(lastError(redemption)).contains("409", "code-taken");
    }

    private void echoTheCode() {
        site.stubFor(post(urlPathEqualTo("/shop/loyalty-loop/offer-codes"))
                .willReturn(okJson("{\"code\":\"{{jsonPath request.body '$.code'}}\",\"created\":true}")));
    }

    private String lastError(Redemption redemption) {
        return dsl.select(REDEMPTION_ISSUE.LAST_ERROR)
                .from(REDEMPTION_ISSUE)
                .where(REDEMPTION_ISSUE.SHOP_ID.eq(shop.id().value()))
                .and(REDEMPTION_ISSUE.REDEMPTION_ID.eq(redemption.id()))
                .fetchSingle()
                .value1();
    }
}
