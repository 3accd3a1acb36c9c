package io.loyaltyloop.loyalty;

import static io.loyaltyloop.db.Tables.CUSTOMER;
import static io.loyaltyloop.db.Tables.FULFILLMENT;
import static io.loyaltyloop.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.db.tables.records.CustomerRecord;
import io.loyaltyloop.db.tables.records.FulfillmentRecord;
import io.loyaltyloop.lifecycle.CustomerRedacted;
import io.loyaltyloop.lifecycle.CustomerSnapshot;
import io.loyaltyloop.lifecycle.CustomerUpserted;
import io.loyaltyloop.lifecycle.FulfillmentUpdated;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import io.loyaltyloop.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Customer data follows the newest update; redaction erases personal data but keeps the books. */
class CustomersTest {

    private final DSLContext dsl = TestDatabase.dsl();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
    private final LoyaltyService loyalty = new LoyaltyService(dsl, clock);
    private Shop shop;

    @BeforeEach
    void newShop() {
        shop = Shops.newShop(dsl);
    }

    @Test
    void anOlderUpdateArrivingLateDoesNotOverwriteANewerOne() {
        loyalty.apply(upsert("e-2", "new@example.com", "2026-10-02T00:00:00Z"));
        loyalty.apply(upsert("e-1", "old@example.com", "2026-10-01T00:00:00Z"));

        assertThat(customer("c-1").getEmail()).isEqualTo("new@example.com");
    }

    @Test
    void redactionErasesPersonalDataAndKeepsTheLedger() {
        Orders o = order(shop.id()).customer("c-1").line("1", "42.00");
        loyalty.apply(o.paid());

        loyalty.apply(new CustomerRedacted(shop.id(), "redact-1", clock.instant(), "c-1"));

        CustomerRecord c = customer("c-1");
        assertThat(c.getEmail()).isNull();
        assertThat(c.getFirstName()).isNull();
        assertThat(c.getLastName()).isNull();
        assertThat(c.getRedactedAt()).isNotNull();
        assertThat(loyalty.balance(shop.id(), "c-1").orElseThrow().pending()).isEqualTo(42);
        assertThat(loyalty.ledger(shop.id(), "c-1", 10)).hasSize(1);
    }

    @Test
    void aRedactedCustomerStaysRedactedWhenLaterUpdatesArrive() {
        loyalty.apply(new CustomerRedacted(shop.id(), "redact-1", clock.instant(), "c-1"));

        loyalty.apply(upsert("e-9", "back@example.com", "2030-01-01T00:00:00Z"));

        assertThat(customer("c-1").getEmail()).isNull();
    }

    @Test
    void redactionAlsoForgetsTheTrackingOfTheCustomersOrders() {
        Orders o = order(shop.id()).customer("c-1").line("1", "42.00");
        loyalty.apply(o.paid());
        loyalty.apply(new FulfillmentUpdated(
                shop.id(),
                "f-1",
                clock.instant(),
                o.id(),
                "f-1",
                "success",
                null,
                "UPS",
                "1Z1",
                "https://ups.example/track/1Z1",
                clock.instant()));

        loyalty.apply(new CustomerRedacted(shop.id(), "redact-1", clock.instant(), "c-1"));

        FulfillmentRecord f = dsl.selectFrom(FULFILLMENT)
                .where(FULFILLMENT.SHOP_ID.eq(shop.id().value()))
                .fetchSingle();
        assertThat(f.getTrackingNumber()).isNull();
        assertThat(f.getTrackingUrl()).isNull();
        assertThat(f.getTrackingCompany()).isEqualTo("UPS");
    }

    @Test
    void redactionForgetsTheTrackingOfTheOrdersTheHostNamesEvenWhenNotLinkedToTheCustomer() {
        Orders guest = order(shop.id()).line("1", "42.00");
        loyalty.apply(guest.paid());
        loyalty.apply(new FulfillmentUpdated(
                shop.id(),
                "f-1",
                clock.instant(),
                guest.id(),
                "f-1",
                "success",
                null,
                "UPS",
                "1Z1",
                "https://ups.example/track/1Z1",
                clock.instant()));

        loyalty.apply(new CustomerRedacted(shop.id(), "redact-1", clock.instant(), "c-1", List.of(guest.id())));

        FulfillmentRecord f = dsl.selectFrom(FULFILLMENT)
                .where(FULFILLMENT.SHOP_ID.eq(shop.id().value()))
                .fetchSingle();
        assertThat(f.getTrackingNumber()).isNull();
        assertThat(f.getTrackingUrl()).isNull();
    }

    @Test
    void redactingACustomerWeNeverSawSucceedsAndHoldsNothingPersonal() {
        assertThat(loyalty.apply(new CustomerRedacted(shop.id(), "redact-1", clock.instant(), "stranger")))
                .isEqualTo(ApplyOutcome.APPLIED);

        assertThat(customer("stranger").getEmail()).isNull();
        assertThat(loyalty.balance(shop.id(), "stranger")).isEmpty();
    }

    private CustomerUpserted upsert(String eventId, String email, String updatedAt) {
        Instant at = Instant.parse(updatedAt);
        return new CustomerUpserted(
                shop.id(), eventId, at, new CustomerSnapshot("c-1", email, "Ada", "L", "en", true, at));
    }

    private CustomerRecord customer(String externalId) {
        return dsl.selectFrom(CUSTOMER)
                .where(CUSTOMER.SHOP_ID.eq(shop.id().value()))
                .and(CUSTOMER.EXTERNAL_ID.eq(externalId))
                .fetchSingle();
    }
}
