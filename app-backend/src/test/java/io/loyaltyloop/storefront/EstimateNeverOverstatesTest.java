package io.loyaltyloop.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.lifecycle.OrderLine;
import io.loyaltyloop.loyalty.EarningService;
import io.loyaltyloop.loyalty.ExclusionField;
import io.loyaltyloop.loyalty.Rounding;
import io.loyaltyloop.testing.Orders;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hint's promise, tried on many baskets: for each, the estimate the page gets and then the
 * points the engine credits when that basket is paid as an order — with the cart discount spread
 * over every line in cents and tax-inclusive prices taxed per line, as Shopify does — and the
 * estimate is never the larger. Seeded, so a failure repeats.
 */
class EstimateNeverOverstatesTest extends StorefrontProxyTest {

    private static final long SEED = 20261123L;
    private static final int BASKETS = 120;
    private static final List<BigDecimal> RATES =
            List.of(new BigDecimal("0.5"), BigDecimal.ONE, new BigDecimal("1.5"), new BigDecimal("3"));
    private static final List<BigDecimal> VAT = List.of(
            BigDecimal.ZERO,
            new BigDecimal("0.05"),
            new BigDecimal("0.19"),
            new BigDecimal("0.2"),
            new BigDecimal("0.25"),
            new BigDecimal("0.27"));

    @Autowired
    EarningService earning;

    @Test
    void noBasketIsEverPromisedMoreThanItsOrderEarns() {
        earning.addExclusion(shop.id(), ExclusionField.SKU, "EX-1", "test");
        earning.addExclusion(shop.id(), ExclusionField.VENDOR, "ExVendor", "test");
        Random random = new Random(SEED);
        int exact = 0;
        for (int basket = 0; basket < BASKETS; basket++) {
            earning.changeRule(
                    shop.id(),
                    RATES.get(random.nextInt(RATES.size())),
                    Rounding.values()[random.nextInt(Rounding.values().length)],
                    "test");
            List<Line> lines = lines(random);
            long subtotal = lines.stream().mapToLong(Line::price).sum();
            long discount = random.nextBoolean() ? 0 : (long) (random.nextDouble() * subtotal / 3);
            boolean taxesIncluded = random.nextBoolean();
            BigDecimal vat = taxesIncluded ? VAT.get(random.nextInt(VAT.size())) : BigDecimal.ZERO;

            long promised = estimate(lines, discount, taxesIncluded);
            long credited = credited("c" + basket, lines, discount, vat);

            assertThat(promised)
                    .as("basket %d: %s, discount %d, vat %s", basket, lines, discount, vat)
                    .isLessThanOrEqualTo(credited);
            exact += promised == credited ? 1 : 0;
        }
        // The bound is useful, not just safe: without discount or tax most baskets come out exact.
        assertThat(exact).isGreaterThan(BASKETS / 4);
    }

    private static List<Line> lines(Random random) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
            lines.add(new Line(
                    1 + random.nextInt(50_000),
                    List.of("A", "B", "EX-1").get(random.nextInt(3)),
                    random.nextInt(4) == 0 ? "ExVendor" : "V",
                    random.nextInt(10) == 0));
        }
        return lines;
    }

    private long estimate(List<Line> lines, long discount, boolean taxesIncluded) {
        String body = """
            {"currency": "USD", "taxesIncluded": %s, "basis": "cart", "cartDiscount": %d, "lines": [%s]}\
            """.formatted(
                        taxesIncluded,
                        discount,
                        String.join(
                                ",",
                                lines.stream()
                                        .map(l -> """
                                            {"price": %d, "sku": "%s", "vendor": "%s", "giftCard": %s}\
                                            """.formatted(l.price(), l.sku(), l.vendor(), l.giftCard()))
                                        .toList()));
        var answer = browser.postJson("/proxy/estimate?" + signed("", ""), body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer).get("points").asLong();
    }

    /** Pays the basket as Shopify would report it; the points the customer's balance gains. */
    private long credited(String customer, List<Line> lines, long discount, BigDecimal vat) {
        fixtures.customerWithPoints(shop, customer, 0);
        long subtotal = lines.stream().mapToLong(Line::price).sum();
        Orders order = Orders.order(shop.id()).customer(customer).placedAt(NOW.minusSeconds(60));
        long allocated = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            long share = i == lines.size() - 1 ? discount - allocated : discount * line.price() / subtotal;
            allocated += share;
            BigDecimal amount = BigDecimal.valueOf(line.price() - share, 2);
            BigDecimal tax = amount.multiply(vat).divide(BigDecimal.ONE.add(vat), 2, RoundingMode.HALF_UP);
            order.line(new OrderLine(
                    "l" + i,
                    "1",
                    null,
                    line.sku(),
                    "Thing",
                    line.vendor(),
                    "T",
                    1,
                    amount.subtract(tax).max(BigDecimal.ZERO),
                    line.giftCard()));
        }
        loyalty.apply(order.paid());
        return loyalty.balance(shop.id(), customer).orElseThrow().pending();
    }

    record Line(long price, String sku, String vendor, boolean giftCard) {}
}
