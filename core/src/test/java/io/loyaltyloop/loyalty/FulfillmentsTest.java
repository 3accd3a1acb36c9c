package io.loyaltyloop.loyalty;

import static io.loyaltyloop.db.Tables.FULFILLMENT;
import static io.loyaltyloop.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.db.tables.records.FulfillmentRecord;
import io.loyaltyloop.lifecycle.FulfillmentUpdated;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import io.loyaltyloop.testing.TestDatabase;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fulfillments: the newest update wins, what it leaves out is kept, and points never move. */
class FulfillmentsTest {

    private final DSLContext dsl = TestDatabase.dsl();
    private final LoyaltyService loyalty =
            new LoyaltyService(dsl, new MutableClock(Instant.parse("2026-11-01T12:00:00Z")));
    private Shop shop;
    private Orders order;

    @BeforeEach
    void paidOrder() {
        shop = Shops.newShop(dsl);
        order = order(shop.id()).line("1", "50.00");
        loyalty.apply(order.paid());
    }

    @Test
    void aLaterCarrierEventWithoutTrackingKeepsTheTrackingNumber() {
        loyalty.apply(update("e1", "success", null, "1Z999", "2026-11-02T10:00:00Z"));

        loyalty.apply(update("e2", "success", "in_transit", null, "2026-11-03T10:00:00Z"));

        FulfillmentRecord f = fulfillment();
        assertThat(f.getTrackingNumber()).isEqualTo("1Z999");
        assertThat(f.getTrackingCompany()).isEqualTo("UPS");
        assertThat(f.getShipmentStatus()).isEqualTo("in_transit");
    }

    @Test
    void anOlderUpdateArrivingLateIsIgnored() {
        loyalty.apply(update("e2", "success", "delivered", "1Z999", "2026-11-05T10:00:00Z"));

        loyalty.apply(update("e1", "success", "in_transit", "1Z999", "2026-11-03T10:00:00Z"));

        assertThat(fulfillment().getShipmentStatus()).isEqualTo("delivered");
    }

    @Test
    void aFulfillmentBeforeItsOrderIsKeptAndMovesNoPoints() {
        Orders later = order(shop.id()).customer(order.customerId()).line("1", "20.00");
        loyalty.apply(new FulfillmentUpdated(
                shop.id(),
                "f-first",
                Instant.parse("2026-11-02T10:00:00Z"),
                later.id(),
                "f-9",
                "success",
                null,
                "UPS",
                "1Z1",
                null,
                Instant.parse("2026-11-02T10:00:00Z")));

        loyalty.apply(later.paid());

        assertThat(loyalty.balance(shop.id(), order.customerId()).orElseThrow().pending())
                .isEqualTo(50 + 20);
    }

    private FulfillmentUpdated update(String eventId, String status, String shipment, String tracking, String at) {
        Instant when = Instant.parse(at);
        return new FulfillmentUpdated(
                shop.id(),
                eventId,
                when,
                order.id(),
                "f-1",
                status,
                shipment,
                tracking == null ? null : "UPS",
                tracking,
                tracking == null ? null : "https://ups.example/track/" + tracking,
                when);
    }

    private FulfillmentRecord fulfillment() {
        return dsl.selectFrom(FULFILLMENT)
                .where(FULFILLMENT.SHOP_ID.eq(shop.id().value()))
                .fetchSingle();
    }
}
