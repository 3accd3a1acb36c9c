package io.loyaltyloop.shopify.mapping;

import static io.loyaltyloop.shopify.mapping.Deliveries.addDiscountAllocation;
import static io.loyaltyloop.shopify.mapping.Deliveries.addTaxLine;
import static io.loyaltyloop.shopify.mapping.Deliveries.edited;
import static io.loyaltyloop.shopify.mapping.Deliveries.lineItem;
import static io.loyaltyloop.shopify.mapping.Deliveries.moneySet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.loyaltyloop.lifecycle.CustomerSnapshot;
import io.loyaltyloop.lifecycle.OrderCancelled;
import io.loyaltyloop.lifecycle.OrderLifecycleEvent;
import io.loyaltyloop.lifecycle.OrderLine;
import io.loyaltyloop.lifecycle.OrderPaid;
import io.loyaltyloop.lifecycle.OrderPlaced;
import io.loyaltyloop.lifecycle.OrderSnapshot;
import io.loyaltyloop.shop.ShopId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class OrderMappingTest {

    static final ShopId SHOP = new ShopId(7);
    static final String ORDER_ID = "820982911946154508"; // > 2^53: a double would make it …500
    static final Instant MIDNIGHT_UTC = Instant.parse("2022-01-01T00:00:00Z"); // 2021-12-31T19:00-05:00
    static final String AVIATOR = "487817672276298554";
    static final String LENS_PLAN = "789012345678901234";
    static final String LEATHER_CASE = "890123456789012345";
    static final String LOUNGER = "976318377106520349";
    static final String COFFEE_TABLE = "315789986012684393";

    final ShopifyEventMapper mapper = new ShopifyEventMapper();

    List<OrderLifecycleEvent> events(ShopifyDelivery delivery) {
        return ((ShopifyMapping.Events) mapper.map(delivery, SHOP)).events();
    }

    OrderSnapshot snapshot(ShopifyDelivery delivery) {
        return ((OrderPlaced) events(delivery).getFirst()).order();
    }

    OrderLine line(OrderSnapshot order, String id) {
        return order.lines().stream()
                .filter(l -> l.externalLineId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void mapsTheExampleOrderCreateToOrderPlacedWithEveryLineInShopMoney() {
        // given Shopify's example orders/create payload (financial_status "voided")

        // when
        List<OrderLifecycleEvent> events = events(Deliveries.of("orders/create"));

        // then
        assertThat(events).hasSize(1);
        var placed = (OrderPlaced) events.getFirst();
        assertThat(placed.shop()).isEqualTo(SHOP);
        assertThat(placed.sourceEventId()).isEqualTo("orders/create:" + Deliveries.EVENT_ID);
        assertThat(placed.occurredAt()).isEqualTo(MIDNIGHT_UTC);
        OrderSnapshot order = placed.order();
        assertThat(order.externalOrderId()).isEqualTo(ORDER_ID);
        assertThat(Long.parseLong(order.externalOrderId())).isEqualTo(820982911946154508L);
        assertThat(order.name()).isEqualTo("#9999");
        assertThat(order.currency()).isEqualTo("USD");
        assertThat(order.placedAt()).isEqualTo(MIDNIGHT_UTC);
        assertThat(order.lines())
                .extracting(
                        OrderLine::externalLineId,
                        OrderLine::productId,
                        OrderLine::variantId,
                        OrderLine::sku,
                        OrderLine::title,
                        OrderLine::vendor,
                        OrderLine::productType,
                        OrderLine::quantity,
                        OrderLine::amount,
                        OrderLine::giftCard)
                .containsExactly(
                        tuple(
                                AVIATOR,
                                "788032119674292900",
                                null,
                                "SKU2006-001",
                                "Aviator sunglasses",
                                null,
                                null,
                                1,
                                new BigDecimal("89.99"),
                                false),
                        tuple(
                                LENS_PLAN,
                                null,
                                null,
                                "LENS-PROTECT-2YR",
                                "Lens Protection Plan (2 Year)",
                                null,
                                null,
                                1,
                                new BigDecimal("19.99"),
                                false),
                        tuple(
                                LEATHER_CASE,
                                null,
                                null,
                                "CASE-LEATHER-PREM",
                                "Premium Leather Case",
                                null,
                                null,
                                1,
                                new BigDecimal("24.99"),
                                false),
                        tuple(
                                LOUNGER,
                                "788032119674292900",
                                null,
                                "SKU2006-020",
                                "Mid-century lounger",
                                null,
                                null,
                                1,
                                new BigDecimal("159.99"),
                                false),
                        tuple(
                                COFFEE_TABLE,
                                "788032119674292900",
                                null,
                                "SKU2006-035",
                                "Coffee table",
                                null,
                                null,
                                1,
                                new BigDecimal("119.99"),
                                false));
    }

    @Test
    void takesTheOrdersCustomerWithTheOrderLocaleAndBuyerMarketingConsent() {
        // given the example order: its customer has no consent fields, the order says buyer_accepts_marketing

        // when
        CustomerSnapshot customer = snapshot(Deliveries.of("orders/create")).customer();

        // then the customer's own email, not the order's contact email (jon@example.com)
        assertThat(customer)
                .isEqualTo(new CustomerSnapshot(
                        "115310627314723954", "john@example.com", "John", "Smith", "en", true, null));
    }

    @Test
    void prefersTheCustomersEmailMarketingConsentOverTheOrdersFlag() {
        // given
        var delivery = edited(
                "orders/create",
                order -> ((ObjectNode) order.get("customer"))
                        .putObject("email_marketing_consent")
                        .put("state", "unsubscribed"));

        // when / then
        assertThat(snapshot(delivery).customer().acceptsMarketing()).isFalse();
    }

    @Test
    void mapsAGuestCheckoutWithoutCustomer() {
        // given
        var withoutCustomer = edited("orders/create", order -> order.remove("customer"));
        var nullCustomer = edited("orders/create", order -> order.putNull("customer"));

        // when / then
        assertThat(snapshot(withoutCustomer).customer()).isNull();
        assertThat(snapshot(nullCustomer).customer()).isNull();
        assertThat(snapshot(nullCustomer).lines()).hasSize(5);
    }

    @Test
    void subtractsLineAndOrderLevelDiscountAllocationsFromPriceTimesQuantity() {
        // given the lounger with two 5.00 allocations; two lens plans with a 3.00 allocation
        var delivery = edited("orders/create", order -> {
            addDiscountAllocation(lineItem(order, LOUNGER), "5.00");
            addDiscountAllocation(lineItem(order, LOUNGER), "5.00");
            lineItem(order, LENS_PLAN).put("quantity", 2);
            addDiscountAllocation(lineItem(order, LENS_PLAN), "3.00");
        });

        // when
        OrderSnapshot order = snapshot(delivery);

        // then 159.99 − 10.00; 19.99 × 2 − 3.00
        assertThat(line(order, LOUNGER).amount()).isEqualByComparingTo("149.99");
        assertThat(line(order, LENS_PLAN).amount()).isEqualByComparingTo("36.98");
        assertThat(line(order, LENS_PLAN).quantity()).isEqualTo(2);
        assertThat(line(order, AVIATOR).amount()).isEqualByComparingTo("89.99");
    }

    @Test
    void subtractsIncludedTaxOnlyWhenTheOrderSaysTaxesIncluded() {
        // given tax lines on the aviator (15.00, with a 10.00 discount) and the coffee table (20.00)
        var taxesIncluded = edited("orders/create", order -> {
            order.put("taxes_included", true);
            addTaxLine(lineItem(order, AVIATOR), "15.00");
            addDiscountAllocation(lineItem(order, AVIATOR), "10.00");
            addTaxLine(lineItem(order, COFFEE_TABLE), "12.00");
            addTaxLine(lineItem(order, COFFEE_TABLE), "8.00");
        });
        var taxesOnTop = edited("orders/create", order -> addTaxLine(lineItem(order, AVIATOR), "15.00"));

        // when
        OrderSnapshot included = snapshot(taxesIncluded);
        OrderSnapshot onTop = snapshot(taxesOnTop);

        // then 89.99 − 10.00 − 15.00; 119.99 − 12.00 − 8.00; tax added on top is not in the price
        assertThat(line(included, AVIATOR).amount()).isEqualByComparingTo("64.99");
        assertThat(line(included, COFFEE_TABLE).amount()).isEqualByComparingTo("99.99");
        assertThat(line(onTop, AVIATOR).amount()).isEqualByComparingTo("89.99");
    }

    @Test
    void leavesShippingOutOfTheLines() {
        // given the example's 10.00 "Generic Shipping" shipping line, and a variant that discounts it
        var discountedShipping = edited(
                "orders/create",
                order -> addDiscountAllocation(
                        (ObjectNode) order.get("shipping_lines").get(0), "10.00"));

        // when
        OrderSnapshot order = snapshot(Deliveries.of("orders/create"));

        // then only the five line items, summing to total_line_items_price 414.95
        assertThat(order.lines()).hasSize(5);
        assertThat(order.lines().stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("414.95");
        assertThat(snapshot(discountedShipping).lines()).isEqualTo(order.lines());
    }

    @Test
    void neverLetsALineAmountGoBelowZero() {
        // given a discount larger than the line
        var delivery = edited("orders/create", order -> addDiscountAllocation(lineItem(order, AVIATOR), "100.00"));

        // when / then
        assertThat(line(snapshot(delivery), AVIATOR).amount()).isEqualByComparingTo("0");
    }

    @Test
    void flagsGiftCardLines() {
        // given
        var delivery =
                edited("orders/create", order -> lineItem(order, LEATHER_CASE).put("gift_card", true));

        // when
        OrderSnapshot order = snapshot(delivery);

        // then it is kept, with its amount, for the engine to exclude
        assertThat(line(order, LEATHER_CASE).giftCard()).isTrue();
        assertThat(line(order, LEATHER_CASE).amount()).isEqualByComparingTo("24.99");
        assertThat(line(order, AVIATOR).giftCard()).isFalse();
    }

    @Test
    void dropsATipLineButKeepsOtherLinesWithoutProduct() {
        // given a custom "Tip" line (no product, no variant)
        var delivery = edited(
                "orders/create",
                order -> order.withArrayProperty("line_items")
                        .addObject()
                        .put("id", 555000000000000001L)
                        .putNull("product_id")
                        .putNull("variant_id")
                        .put("title", "Tip")
                        .put("quantity", 1)
                        .put("gift_card", false)
                        .set("price_set", moneySet("5.00", "USD")));

        // when
        OrderSnapshot order = snapshot(delivery);

        // then the lens plan and leather case (product_id null too) stay
        assertThat(order.lines())
                .extracting(OrderLine::externalLineId)
                .containsExactly(AVIATOR, LENS_PLAN, LEATHER_CASE, LOUNGER, COFFEE_TABLE);
    }

    @Test
    void usesShopMoneyWhenThePresentmentCurrencyDiffers() {
        // given the buyer paid in EUR at other amounts; the shop currency stays USD
        var delivery = edited("orders/create", order -> {
            order.put("presentment_currency", "EUR");
            order.findParents("presentment_money")
                    .forEach(parent -> ((ObjectNode) parent.get("presentment_money"))
                            .put("amount", "1.23")
                            .put("currency_code", "EUR"));
        });

        // when
        OrderSnapshot order = snapshot(delivery);

        // then
        assertThat(order.currency()).isEqualTo("USD");
        assertThat(order.lines())
                .extracting(OrderLine::amount)
                .containsExactly(
                        new BigDecimal("89.99"),
                        new BigDecimal("19.99"),
                        new BigDecimal("24.99"),
                        new BigDecimal("159.99"),
                        new BigDecimal("119.99"));
    }

    @Test
    void alsoEmitsOrderPaidAtProcessedAtWhenTheCreatedOrderIsAlreadyPaid() {
        // given
        var delivery = edited("orders/create", order -> {
            order.put("financial_status", "paid");
            order.put("processed_at", "2021-12-31T19:00:05-05:00");
        });

        // when
        List<OrderLifecycleEvent> events = events(delivery);

        // then
        assertThat(events).hasSize(2);
        var paid = (OrderPaid) events.get(1);
        assertThat(paid.sourceEventId()).isEqualTo("orders/create:" + Deliveries.EVENT_ID + ":paid");
        assertThat(paid.paidAt()).isEqualTo(Instant.parse("2022-01-01T00:00:05Z"));
        assertThat(paid.order()).isEqualTo(((OrderPlaced) events.getFirst()).order());
    }

    @Test
    void mapsOrdersPaidWithPaidAtFromUpdatedAt() {
        // given the example, and a variant paid two days after it was placed
        var paidLater = edited("orders/paid", order -> order.put("updated_at", "2022-01-02T19:00:00-05:00"));

        // when
        List<OrderLifecycleEvent> example = events(Deliveries.of("orders/paid"));
        var later = (OrderPaid) events(paidLater).getFirst();

        // then
        assertThat(example).hasSize(1);
        var paid = (OrderPaid) example.getFirst();
        assertThat(paid.sourceEventId()).isEqualTo("orders/paid:" + Deliveries.EVENT_ID);
        assertThat(paid.paidAt()).isEqualTo(MIDNIGHT_UTC);
        assertThat(paid.occurredAt()).isEqualTo(MIDNIGHT_UTC);
        assertThat(paid.order()).isEqualTo(snapshot(Deliveries.of("orders/create")));
        assertThat(later.paidAt()).isEqualTo(Instant.parse("2022-01-03T00:00:00Z"));
        assertThat(later.order().placedAt()).isEqualTo(MIDNIGHT_UTC);
    }

    @Test
    void mapsOrdersCancelledWithItsSnapshotAtCancelledAt() {
        // given the example orders/cancelled payload

        // when
        List<OrderLifecycleEvent> events = events(Deliveries.of("orders/cancelled"));

        // then
        assertThat(events).hasSize(1);
        var cancelled = (OrderCancelled) events.getFirst();
        assertThat(cancelled.sourceEventId()).isEqualTo("orders/cancelled:" + Deliveries.EVENT_ID);
        assertThat(cancelled.externalOrderId()).isEqualTo(ORDER_ID);
        assertThat(cancelled.cancelledAt()).isEqualTo(MIDNIGHT_UTC);
        assertThat(cancelled.order()).isEqualTo(snapshot(Deliveries.of("orders/create")));
    }

    @Test
    void treatsOrdersFulfilledAsInformational() {
        // when
        ShopifyMapping mapping = mapper.map(Deliveries.of("orders/fulfilled"), SHOP);

        // then
        assertThat(mapping).isEqualTo(new ShopifyMapping.Events(List.of()));
    }

    @Test
    void readsIdsAboveTwoToTheFiftyThreeExactly() {
        // given an id whose nearest double is 9007199254740992
        var delivery = edited("orders/create", order -> {
            order.put("id", 9007199254740993L);
            lineItem(order, AVIATOR).put("id", Long.MAX_VALUE);
        });

        // when
        OrderSnapshot order = snapshot(delivery);

        // then
        assertThat(order.externalOrderId()).isEqualTo("9007199254740993");
        assertThat(order.lines().getFirst().externalLineId()).isEqualTo("9223372036854775807");
    }
}
