package io.loyaltyloop.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.reward.Redemption;
import io.loyaltyloop.reward.RewardKind;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.tier.TierDraft;
import io.loyaltyloop.tier.TierService;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code GET /proxy/customer}: the program state of the signed-in customer, a guest, an unknown customer. */
class CustomerProxyTest extends StorefrontProxyTest {
    @Autowired
    TierService tiers;

    @Test
    void showsAMembersWholeProgramState() {
        // given a Silver member (spend 1200) with pending points, a bonus, one issued code, one item to review
        tiers.create(shop.id(), new TierDraft("Silver", new BigDecimal("1000"), new BigDecimal("1.25")), "test");
        tiers.create(shop.id(), new TierDraft("Gold", new BigDecimal("1500"), new BigDecimal("1.5")), "test");
        String ada = fixtures.customerWithPoints(shop, "115310627314723954", 600);
        Orders order = fixtures.paidOrder(shop, ada, "1200.00");
        long shipping = fixtures.reward(shop, "Free shipping", RewardKind.FREE_SHIPPING, null, 100);
        fixtures.reward(shop, "5 off", RewardKind.FIXED_AMOUNT, "5.00", 500);
        fixtures.reward(shop, "50 off", RewardKind.FIXED_AMOUNT, "50.00", 5000);
        Redemption code = rewards.redeem(shop.id(), ada, shipping, "first-click");
        rewards.markIssued(shop.id(), code.id(), "gid://shopify/DiscountCodeNode/1");

        // when
        JsonNode state = customer(ada);

        // then
        assertThat(state.at("/shop/name").asString()).isEqualTo(shop.name());
        assertThat(state.at("/shop/currency").asString()).isEqualTo("USD");
        assertThat(state.at("/customer/id").asString()).isEqualTo(ada);
        assertThat(state.at("/customer/firstName").asString()).isEqualTo("Ada");
        assertThat(state.at("/program/pointsPerUnit").asString()).isEqualTo("1");
        assertThat(state.at("/program/pendingDays").asInt()).isEqualTo(14);
        assertThat(state.at("/program/waysToEarn/0/kind").asString()).isEqualTo("ORDER");
        assertThat(state.at("/program/waysToEarn/0/points").asLong()).isEqualTo(1);
        assertThat(state.at("/program/waysToEarn/0/per").asString()).isEqualTo("1.00");
        assertThat(state.at("/program/waysToEarn/1/kind").asString()).isEqualTo("REVIEW");
        assertThat(state.at("/program/waysToEarn/1/points").asLong()).isEqualTo(50);
        assertThat(state.at("/points/available").isIntegralNumber()).isTrue();
        assertThat(state.at("/points/available").asLong()).isEqualTo(500);
        assertThat(state.at("/points/pending").asLong()).isEqualTo(1200);
        assertThat(state.at("/points/lifetime").asLong())
                .isEqualTo(loyalty.balance(shop.id(), ada).orElseThrow().lifetimeEarned());
        assertThat(state.at("/tier/name").asString()).isEqualTo("Silver");
        assertThat(state.at("/tier/multiplier").asString()).isEqualTo("1.25");
        assertThat(state.at("/tier/next/name").asString()).isEqualTo("Gold");
        assertThat(state.at("/tier/next/minSpend").asString()).isEqualTo("1500.00");
        assertThat(state.at("/tier/next/remaining").asString()).isEqualTo("300.00");
        assertThat(state.get("rewards")).hasSize(3);
        assertThat(state.at("/rewards/0/name").asString()).isEqualTo("Free shipping");
        assertThat(state.at("/rewards/0/kind").asString()).isEqualTo("FREE_SHIPPING");
        assertThat(state.at("/rewards/0/value").isNull()).isTrue();
        assertThat(state.at("/rewards/1/id").asLong()).isPositive();
        assertThat(state.at("/rewards/1/value").asString()).isEqualTo("5.00");
        assertThat(state.at("/rewards/1/cost").asLong()).isEqualTo(500);
        assertThat(state.at("/rewards/1/affordable").asBoolean()).isTrue();
        assertThat(state.at("/rewards/2/affordable").asBoolean()).isFalse();
        assertThat(state.get("codes")).hasSize(1);
        assertThat(state.at("/codes/0/reward").asString()).isEqualTo("Free shipping");
        assertThat(state.at("/codes/0/code").asString()).isEqualTo(code.discountCode());
        assertThat(state.at("/codes/0/status").asString()).isEqualTo("ISSUED");
        assertThat(Instant.parse(state.at("/codes/0/createdAt").asString())).isEqualTo(code.createdAt());
        assertThat(state.get("reviewsPending")).hasSize(1);
        assertThat(state.at("/reviewsPending/0/productId").asString()).isEqualTo("product-a");
        assertThat(state.at("/reviewsPending/0/title").asString()).isNotBlank();
        assertThat(state.at("/reviewsPending/0/orderName").asString()).isEqualTo("#" + order.id());
        assertThat(state.at("/reviewsPending/0/url").asString()).startsWith(LINKS_BASE_URL + "/r/");
    }

    @Test
    void answersPrivateUncachedJson() {
        HttpResponse<String> answer = browser.get("/proxy/customer?" + signed("", ""));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(answer.headers().firstValue("Cache-Control").orElseThrow())
                .contains("no-store")
                .contains("private");
    }

    @Test
    void showsAGuestHowTheProgramWorks() {
        fixtures.reward(shop, "5 off", RewardKind.FIXED_AMOUNT, "5.00", 1);

        JsonNode state = customer("");

        assertThat(state.get("customer").isNull()).isTrue();
        assertThat(state.at("/points/available").asLong()).isZero();
        assertThat(state.at("/points/pending").asLong()).isZero();
        assertThat(state.at("/points/lifetime").asLong()).isZero();
        assertThat(state.get("tier").isNull()).isTrue();
        assertThat(state.get("codes")).isEmpty();
        assertThat(state.get("reviewsPending")).isEmpty();
        assertThat(state.at("/rewards/0/affordable").asBoolean()).isFalse();
        assertThat(state.at("/program/waysToEarn/0/kind").asString()).isEqualTo("ORDER");
    }

    @Test
    void showsAnUnknownSignedInCustomerLikeAGuestWithTheirId() {
        fixtures.reward(shop, "5 off", RewardKind.FIXED_AMOUNT, "5.00", 1);

        JsonNode state = customer("999000111");

        assertThat(state.at("/customer/id").asString()).isEqualTo("999000111");
        assertThat(state.at("/customer/firstName").isNull()).isTrue();
        assertThat(state.at("/points/available").asLong()).isZero();
        assertThat(state.get("tier").isNull()).isTrue();
        assertThat(state.get("codes")).isEmpty();
        assertThat(state.get("reviewsPending")).isEmpty();
        assertThat(state.at("/rewards/0/affordable").asBoolean()).isFalse();
    }

    @Test
    void showsACustomerBelowEveryTierTheLowestAsNext() {
        tiers.create(shop.id(), new TierDraft("Silver", new BigDecimal("1000"), new BigDecimal("1.25")), "test");
        String bo = fixtures.customerWithPoints(shop, "2002", 0);
        fixtures.paidOrder(shop, bo, "250.00");

        JsonNode state = customer(bo);

        assertThat(state.at("/tier/name").isNull()).isTrue();
        assertThat(state.at("/tier/multiplier").asString()).isEqualTo("1");
        assertThat(state.at("/tier/next/name").asString()).isEqualTo("Silver");
        assertThat(state.at("/tier/next/remaining").asString()).isEqualTo("750.00");
    }

    @Test
    void showsOnlyTheSignedInCustomersPointsAndCodes() {
        // given A and B in one shop, B with points and a code
        String a = fixtures.customerWithPoints(shop, "3001", 10);
        String b = fixtures.customerWithPoints(shop, "3002", 900);
        long reward = fixtures.reward(shop, "5 off", RewardKind.FIXED_AMOUNT, "5.00", 100);
        Redemption bsCode = rewards.redeem(shop.id(), b, reward, "b-click-1");

        // when A asks, also naming B in a parameter of its own
        HttpResponse<String> answer =
                browser.get("/proxy/customer?" + signed(a, "customer_id=" + b + "&logged_in_customer=" + b + "&"));

        // then only A shows
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode state = json(answer);
        assertThat(state.at("/customer/id").asString()).isEqualTo(a);
        assertThat(state.at("/points/available").asLong()).isEqualTo(10);
        assertThat(answer.body()).doesNotContain(bsCode.discountCode()).doesNotContain("800");
    }

    @Test
    void aSignatureForOneShopCannotReadAnother() {
        Shop other = newShop();
        String ada = fixtures.customerWithPoints(other, "4001", 777);
        String forShop = signed(ada, "");

        String swapped = forShop.replace("shop=" + shop.platformShopKey(), "shop=" + other.platformShopKey());
        String appended = forShop + "&shop=" + other.platformShopKey();

        for (String query : List.of(swapped, appended)) {
            HttpResponse<String> answer = browser.get("/proxy/customer?" + query);
            assertThat(answer.statusCode()).as(query).isEqualTo(401);
            assertThat(answer.body()).doesNotContain("777");
        }
    }

    @Test
    void refusesUnsignedStaleTamperedAndAmbiguousRequests() {
        String ada = fixtures.customerWithPoints(shop, "5001", 321);
        long now = clock.instant().getEpochSecond();
        String good = signed(ada, "");
        List<String> refused = List.of(
                "",
                ProxyQueries.unsigned(shop.platformShopKey(), ada, now, ""),
                ProxyQueries.signed(SHOPIFY_SECRET, shop.platformShopKey(), ada, now - 91, ""),
                ProxyQueries.signed(SHOPIFY_SECRET, shop.platformShopKey(), ada, now + 91, ""),
                good.replace("logged_in_customer_id=" + ada, "logged_in_customer_id=5002"),
                good + "&signature=" + "0".repeat(64),
                good + "&timestamp=" + now,
                signed(ada, "logged_in_customer_id=&"),
                ProxyQueries.signed("not-the-secret", shop.platformShopKey(), ada, now, ""));

        for (String query : refused) {
            HttpResponse<String> answer = browser.get("/proxy/customer?" + query);

            assertThat(answer.statusCode()).as(query).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(answer.body()).doesNotContain("321");
        }
        assertThat(browser.get("/proxy/customer?"
                                + ProxyQueries.signed(SHOPIFY_SECRET, shop.platformShopKey(), ada, now - 89, ""))
                        .statusCode())
                .isEqualTo(200);
        assertThat(browser.get("/proxy/customer?"
                                + ProxyQueries.signed(SHOPIFY_PREVIOUS_SECRET, shop.platformShopKey(), ada, now, ""))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void refusesASignedRequestWithAControlCharacterInAParameterWith400() {
        // found by AppProxyFuzzTest: a signed %00 reached PostgreSQL's text and failed with a 500
        String ada = fixtures.customerWithPoints(shop, "9101", 321);
        List<String> refused = List.of(
                signed(ada + "%00", ""),
                signed(ada, "request_key=a%00&"),
                signed(ada, "limit=1%0A&"),
                signed(ada, "%00=1&"));

        for (String query : refused) {
            for (String path : List.of("/proxy/customer", "/proxy/products/product-a/reviews")) {
                HttpResponse<String> answer = browser.get(path + "?" + query);

                assertThat(answer.statusCode()).as(path + "?" + query).isEqualTo(400);
                assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(answer.body()).doesNotContain("321");
            }
        }
        assertThat(json(browser.get("/proxy/customer?" + refused.getFirst()))
                        .get("type")
                        .asString())
                .endsWith("/bad-parameter");
    }

    @Test
    void answersNotFoundForAShopThatIsNotInstalled() {
        Shop gone = newShop();
        new ShopService(dsl).uninstall(gone.id(), NOW);
        long now = clock.instant().getEpochSecond();

        for (String domain : List.of("nobody.myshopify.com", gone.platformShopKey())) {
            HttpResponse<String> answer =
                    browser.get("/proxy/customer?" + ProxyQueries.signed(SHOPIFY_SECRET, domain, "", now, ""));

            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(answer).get("type").asString()).endsWith("/unknown-shop");
        }
    }

    private JsonNode customer(String customerId) {
        HttpResponse<String> answer = browser.get("/proxy/customer?" + signed(customerId, ""));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer);
    }
}
