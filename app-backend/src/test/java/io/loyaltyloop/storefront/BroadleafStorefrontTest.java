package io.loyaltyloop.storefront;

import static io.loyaltyloop.db.Tables.REDEMPTION;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.broadleaf.BroadleafFixtures;
import io.loyaltyloop.broadleaf.SiteClient;
import io.loyaltyloop.broadleaf.site.BroadleafSites;
import io.loyaltyloop.broadleaf.wire.WireHeaders;
import io.loyaltyloop.reward.RewardKind;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /broadleaf/v1/storefront/**}: a Broadleaf site's signed calls answer what {@code /proxy/*}
 * answers for a Shopify shop with the same program and customer, and refuse unsigned calls.
 */
class BroadleafStorefrontTest extends StorefrontProxyTest {

    static final String ADA = "7001";

    @Autowired
    BroadleafSites sites;

    @Autowired
    ShopService shops;

    private Shop site;
    private SiteClient client;
    private long siteFiveOff;

    @BeforeEach
    void aSiteWithTheSameProgramAsTheShopifyShop() {
        // A site nobody listens on: the code stays reserved for the sweep, as for the Shopify shop.
        BroadleafSites.Registered registered = BroadleafFixtures.register(sites, "http://127.0.0.1:9");
        site = registered.site().shop();
        client = new SiteClient(port, registered.site().siteId(), registered.secret(), clock);
        for (Shop s : new Shop[] {shop, site}) {
            fixtures.emptyProgram(s);
            fixtures.customerWithPoints(s, ADA, 600);
        }
        fixtures.reward(shop, "5 off", RewardKind.FIXED_AMOUNT, "5.00", 500);
        siteFiveOff = fixtures.reward(site, "5 off", RewardKind.FIXED_AMOUNT, "5.00", 500);
    }

    @AfterEach
    void uninstallTheSite() {
        shops.uninstall(site.id(), clock.instant());
    }

    @Test
    void theCustomerAnswerIsTheProxyAnswer() {
        HttpResponse<String> broadleaf = client.get("/broadleaf/v1/storefront/customer?customer=" + ADA);
        HttpResponse<String> shopify = browser.get("/proxy/customer?" + signed(ADA, ""));

        assertThat(broadleaf.statusCode()).as(broadleaf.body()).isEqualTo(200);
        assertThat(broadleaf.headers().firstValue("Cache-Control").orElseThrow())
                .contains("no-store");
        assertThat(withoutShopAndIds(json(broadleaf))).isEqualTo(withoutShopAndIds(json(shopify)));
        assertThat(json(broadleaf).at("/points/available").asLong()).isEqualTo(600);
    }

    @Test
    void withoutACustomerTheAnswerIsTheGuests() {
        HttpResponse<String> broadleaf = client.get("/broadleaf/v1/storefront/customer");
        HttpResponse<String> shopify = browser.get("/proxy/customer?" + signed("", ""));

        assertThat(withoutShopAndIds(json(broadleaf))).isEqualTo(withoutShopAndIds(json(shopify)));
    }

    @Test
    void aRedeemSpendsOnceAndAnswersTheCodeAndTheBalanceLeft() {
        String path = "/broadleaf/v1/storefront/rewards/" + siteFiveOff + "/redeem?customer=" + ADA
                + "&request_key=click-0001";

        HttpResponse<String> first = client.postJson(path, "");
        HttpResponse<String> again = client.postJson(path, "");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode body = json(first);
        assertThat(body.get("status").asString()).isEqualTo("RESERVED");
        assertThat(body.get("reward").asString()).isEqualTo("5 off");
        assertThat(body.at("/points/available").asLong()).isEqualTo(100);
        assertThat(json(again).get("code").asString())
                .isEqualTo(body.get("code").asString());
        assertThat(dsl.fetchCount(REDEMPTION, REDEMPTION.SHOP_ID.eq(site.id().value())))
                .isOne();
    }

    @Test
    void aRefusedRedeemIsTheProxysProblemWithACode() {
        HttpResponse<String> guest = client.postJson(
                "/broadleaf/v1/storefront/rewards/" + siteFiveOff + "/redeem?request_key=click-0002", "");
        HttpResponse<String> unknown = client.postJson(
                "/broadleaf/v1/storefront/rewards/999999/redeem?customer=" + ADA + "&request_key=click-0003", "");

        assertThat(guest.statusCode()).isEqualTo(403);
        assertThat(json(guest).get("code").asString()).isEqualTo("sign-in-required");
        assertThat(json(guest).get("type").asString()).endsWith("/sign-in-required");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("code").asString()).isEqualTo("unknown-reward");
        assertThat(dsl.fetchCount(REDEMPTION, REDEMPTION.SHOP_ID.eq(site.id().value())))
                .isZero();
    }

    @Test
    void aSignedQueryWithANulIs400AndSpendsNothing() {
        // as for the app proxy (AppProxyFuzzTest): a NUL would reach PostgreSQL's text, a 500
        HttpResponse<String> redeem = client.postJson(
                "/broadleaf/v1/storefront/rewards/" + siteFiveOff + "/redeem?customer=" + ADA + "&request_key=k%00",
                "");
        HttpResponse<String> reviews = client.get("/broadleaf/v1/storefront/products/12/reviews?limit=5%00");

        for (HttpResponse<String> answer : List.of(redeem, reviews)) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            assertThat(json(answer).get("code").asString()).isEqualTo("bad-query");
        }
        assertThat(dsl.fetchCount(REDEMPTION, REDEMPTION.SHOP_ID.eq(site.id().value())))
                .isZero();
    }

    @Test
    void theReviewsAnswerIsTheProxyAnswer() {
        HttpResponse<String> broadleaf = client.get("/broadleaf/v1/storefront/products/12/reviews?limit=5");
        HttpResponse<String> shopify = browser.get("/proxy/products/12/reviews?" + signed("", "limit=5&"));
        HttpResponse<String> badLimit = client.get("/broadleaf/v1/storefront/products/12/reviews?limit=500");

        assertThat(broadleaf.statusCode()).isEqualTo(200);
        assertThat(json(broadleaf)).isEqualTo(json(shopify));
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(json(badLimit).get("code").asString()).isEqualTo("bad-request");
    }

    @Test
    void anUnsignedCallIs401AndSpendsNothing() {
        HttpResponse<String> forged = client.send(
                "POST",
                "/broadleaf/v1/storefront/rewards/" + siteFiveOff + "/redeem?customer=" + ADA
                        + "&request_key=click-0004",
                new byte[0],
                null,
                h -> h.put(WireHeaders.SIGNATURE, "v1=" + "1".repeat(64)));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(json(forged).get("code").asString()).isEqualTo("unsigned");
        assertThat(dsl.fetchCount(REDEMPTION, REDEMPTION.SHOP_ID.eq(site.id().value())))
                .isZero();
    }

    /** The parts that differ between two shops with the same program: the shop's name, reward ids. */
    private static JsonNode withoutShopAndIds(JsonNode state) {
        ObjectNode copy = (ObjectNode) state.deepCopy();
        ((ObjectNode) copy.get("shop")).remove("name");
        for (JsonNode reward : (ArrayNode) copy.get("rewards")) {
            ((ObjectNode) reward).remove("id");
        }
        return copy;
    }
}
