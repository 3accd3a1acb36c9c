package io.loyaltyloop.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.lifecycle.OrderLine;
import io.loyaltyloop.loyalty.EarningService;
import io.loyaltyloop.loyalty.ExclusionField;
import io.loyaltyloop.loyalty.Rounding;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.tier.TierDraft;
import io.loyaltyloop.tier.TierService;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code POST /proxy/estimate}: what the engine then credits for the same lines, or less where the
 * page cannot know the exact amount — never more ({@link EstimateNeverOverstatesTest} tries many
 * baskets).
 */
class EstimateProxyTest extends StorefrontProxyTest {

    @Autowired
    TierService tiers;

    @Autowired
    EarningService earning;

    @Test
    void estimatesAGuestAtTheBaseRuleAsTheEngineCreditsIt() {
        earning.changeRule(shop.id(), new BigDecimal("1.5"), Rounding.HALF_UP, "test");

        long estimate = estimate("", cart(0, line(12345, "SKU-A", false)));
        long credited = pendingAfterOrder(fixtures.customerWithPoints(shop, "8001", 0), "123.45");

        assertThat(estimate).isEqualTo(credited).isEqualTo(185);
    }

    @Test
    void estimatesATierMemberAtTheirMultiplierAsTheEngineCreditsIt() {
        // given a Silver member (x1.25): 1000 spent the day before
        tiers.create(shop.id(), new TierDraft("Silver", new BigDecimal("1000"), new BigDecimal("1.25")), "test");
        String ada = fixtures.customerWithPoints(shop, "8002", 0);
        fixtures.paidOrder(shop, ada, "1000.00");
        long before = pending(ada);

        long estimate = estimate(ada, cart(0, line(12345, "SKU-A", false)));
        long credited = pendingAfterOrder(ada, "123.45") - before;

        assertThat(estimate).isEqualTo(credited).isEqualTo(154);
        assertThat(estimate("", cart(0, line(12345, "SKU-A", false)))).isEqualTo(123);
    }

    @Test
    void leavesOutGiftCardsAndExcludedLinesAndTakesTheCartDiscountOffWhatEarns() {
        earning.addExclusion(shop.id(), ExclusionField.SKU, "CASE-TRAVEL", "test");

        // 49.00 earns; the case (excluded) and the gift card do not; 5.00 off the cart
        long estimate = estimate(
                "", cart(500, line(4900, "AVIATOR", false), line(5450, "CASE-TRAVEL", false), line(2500, "GC", true)));

        assertThat(estimate).isEqualTo(44);
    }

    @Test
    void aProductsVariantsAreAlternativesAndTheCheapestOneCounts() {
        String variants = """
            {"currency": "USD", "basis": "cheapest", "lines": [%s, %s]}\
            """.formatted(line(5900, "AVIATOR-BLACK", false), line(4900, "AVIATOR-GOLD", false));

        assertThat(estimate("", variants)).isEqualTo(49);
    }

    @Test
    void taxInclusivePricesCountAtMostWhatRemainsBeforeTheHighestVat() {
        String taxed = """
            {"currency": "USD", "taxesIncluded": true, "lines": [%s]}\
            """.formatted(line(12700, "SKU-A", false));

        // 127.00 / 1.27 = 100.00, less a cent for the order's rounding of tax: 99.99 → 99
        assertThat(estimate("", taxed)).isEqualTo(99);
    }

    @Test
    void anExcludedProductEarnsNothingSoTheHintStaysHidden() {
        earning.addExclusion(shop.id(), ExclusionField.PRODUCT_ID, "777", "test");
        String product = """
            {"currency": "USD", "basis": "cheapest", "lines": [{"price": 4900, "productId": 777}]}\
            """;

        assertThat(estimate("", product)).isZero();
    }

    @Test
    void pricesInAnotherCurrencyThanTheShopsAreRefused() {
        HttpResponse<String> answer = post("", "{\"currency\": \"EUR\", \"lines\": [" + line(100, "A", false) + "]}");

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(json(answer).get("type").asString()).endsWith("/other-currency");
    }

    @Test
    void refusesBasketsThatAreNotWellFormed() {
        String ok = line(100, "A", false);
        String[] bad = {
            "",
            "not json",
            "[]",
            "{\"lines\": [" + ok + "]}",
            "{\"currency\": \"usd\", \"lines\": [" + ok + "]}",
            "{\"currency\": \"USD\"}",
            "{\"currency\": \"USD\", \"lines\": []}",
            "{\"currency\": \"USD\", \"lines\": [{\"price\": -1}]}",
            "{\"currency\": \"USD\", \"lines\": [{\"price\": 1.5}]}",
            "{\"currency\": \"USD\", \"lines\": [{\"price\": \"100\"}]}",
            "{\"currency\": \"USD\", \"lines\": [{\"price\": 100000001}]}",
            "{\"currency\": \"USD\", \"lines\": [{\"price\": 1, \"giftCard\": \"yes\"}]}",
            "{\"currency\": \"USD\", \"lines\": [{\"price\": 1, \"sku\": {\"a\": 1}}]}",
            "{\"currency\": \"USD\", \"lines\": [{\"price\": 1, \"sku\": \"" + "x".repeat(256) + "\"}]}",
            "{\"currency\": \"USD\", \"basis\": \"dearest\", \"lines\": [" + ok + "]}",
            "{\"currency\": \"USD\", \"cartDiscount\": -5, \"lines\": [" + ok + "]}",
            "{\"currency\": \"USD\", \"lines\": [" + (ok + ",").repeat(250) + ok + "]}",
        };
        for (String body : bad) {
            HttpResponse<String> answer = post("", body);

            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(json(answer).get("type").asString()).as(body).endsWith("/bad-estimate");
        }
    }

    @Test
    void refusesABodyThatIsNotJsonOrTooLarge() {
        HttpResponse<String> form = browser.postRaw("/proxy/estimate?" + signed("", ""), "currency=USD");
        assertThat(form.statusCode()).isEqualTo(415);

        String huge = "{\"currency\": \"USD\", \"pad\": \"" + "x".repeat(EstimateRequest.MAX_BYTES) + "\"}";
        assertThat(post("", huge).statusCode()).isEqualTo(413);
    }

    @Test
    void refusesAnUnsignedEstimate() {
        long now = clock.instant().getEpochSecond();
        String query = ProxyQueries.unsigned(shop.platformShopKey(), "", now, "");

        assertThat(browser.postJson("/proxy/estimate?" + query, cart(0, line(1000, "A", false)))
                        .statusCode())
                .isEqualTo(401);
    }

    static String cart(long cartDiscount, String... lines) {
        return """
            {"currency": "USD", "taxesIncluded": false, "basis": "cart", "cartDiscount": %d, "lines": [%s]}\
            """.formatted(cartDiscount, String.join(",", lines));
    }

    static String line(long price, String sku, boolean giftCard) {
        return """
            {"price": %d, "productId": "1", "sku": "%s", "vendor": "V", "productType": "T", "giftCard": %s}\
            """.formatted(price, sku, giftCard);
    }

    private HttpResponse<String> post(String customer, String body) {
        return browser.postJson("/proxy/estimate?" + signed(customer, ""), body);
    }

    private long estimate(String customer, String body) {
        HttpResponse<String> answer = post(customer, body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer).get("points").asLong();
    }

    /** Applies an order of the amount paid a minute before now; the customer's pending points after it. */
    private long pendingAfterOrder(String customer, String amount) {
        Orders order = Orders.order(shop.id())
                .customer(customer)
                .placedAt(NOW.minusSeconds(120))
                .line(new OrderLine("b", "1", null, "SKU-A", "Thing", "V", "T", 1, new BigDecimal(amount), false));
        loyalty.apply(order.paid());
        return pending(customer);
    }

    private long pending(String customer) {
        return loyalty.balance(shop.id(), customer).orElseThrow().pending();
    }
}
