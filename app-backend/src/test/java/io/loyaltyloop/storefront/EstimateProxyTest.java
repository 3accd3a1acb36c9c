package io.loyaltyloop.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.loyalty.EarningService;
import io.loyaltyloop.loyalty.Rounding;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.tier.TierDraft;
import io.loyaltyloop.tier.TierService;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code GET /proxy/estimate}: exactly what the engine then credits for an order of that amount. */
class EstimateProxyTest extends StorefrontProxyTest {

    @Autowired
    TierService tiers;

    @Autowired
    EarningService earning;

    @Test
    void estimatesAGuestAtTheBaseRuleAsTheEngineCreditsIt() {
        earning.changeRule(shop.id(), new BigDecimal("1.5"), Rounding.HALF_UP, "test");

        long estimate = estimate("", "123.45");
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

        long estimate = estimate(ada, "123.45");
        long credited = pendingAfterOrder(ada, "123.45") - before;

        assertThat(estimate).isEqualTo(credited).isEqualTo(154);
        assertThat(estimate("", "123.45")).isEqualTo(123);
    }

    @Test
    void refusesAmountsThatAreNotADecimalFromZeroToAMillion() {
        for (String amount : List.of("", "abc", "-1", "1.234", "1e3", "1000000.01", "10000000", "%20")) {
            HttpResponse<String> answer = browser.get("/proxy/estimate?" + signed("", "amount=" + amount + "&"));

            assertThat(answer.statusCode()).as(amount).isEqualTo(400);
            assertThat(json(answer).get("type").asString()).endsWith("/bad-amount");
        }
        assertThat(browser.get("/proxy/estimate?" + signed("", "")).statusCode())
                .isEqualTo(400);
        assertThat(estimate("", "0")).isZero();
        assertThat(estimate("", "1000000")).isEqualTo(1_000_000);
    }

    @Test
    void refusesAnUnsignedEstimate() {
        long now = clock.instant().getEpochSecond();
        String query = ProxyQueries.unsigned(shop.platformShopKey(), "", now, "amount=10&");

        assertThat(browser.get("/proxy/estimate?" + query).statusCode()).isEqualTo(401);
    }

    private long estimate(String customer, String amount) {
        HttpResponse<String> answer = browser.get("/proxy/estimate?" + signed(customer, "amount=" + amount + "&"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer).get("points").asLong();
    }

    /** Applies an order of the amount paid a minute before now; the customer's pending points after it. */
    private long pendingAfterOrder(String customer, String amount) {
        Orders order = Orders.order(shop.id())
                .customer(customer)
                .placedAt(NOW.minusSeconds(120))
                .line("b", amount);
        loyalty.apply(order.paid());
        return pending(customer);
    }

    private long pending(String customer) {
        return loyalty.balance(shop.id(), customer).orElseThrow().pending();
    }
}
