package io.loyaltyloop.loyalty;

import static io.loyaltyloop.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Shops;
import io.loyaltyloop.testing.TestDatabase;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/** Two shops with the same host ids never see or change each other's rows. */
class TenantIsolationTest {

    private final DSLContext dsl = TestDatabase.dsl();
    private final LoyaltyService loyalty =
            new LoyaltyService(dsl, new MutableClock(Instant.parse("2026-11-01T12:00:00Z")));

    @Test
    void theSameOrderAndCustomerIdsInTwoShopsStaySeparate() {
        Shop a = Shops.newShop(dsl);
        Shop b = Shops.newShop(dsl);

        loyalty.apply(order(a.id()).id("1001").customer("42").line("1", "70.00").paid());
        loyalty.apply(order(b.id()).id("1001").customer("42").line("1", "5.00").paid());

        assertThat(loyalty.balance(a.id(), "42").orElseThrow().pending()).isEqualTo(70);
        assertThat(loyalty.balance(b.id(), "42").orElseThrow().pending()).isEqualTo(5);
        assertThat(loyalty.ledger(a.id(), "42", 10)).hasSize(1);
    }

    @Test
    void aCustomerOfOneShopIsUnknownInAnother() {
        Shop a = Shops.newShop(dsl);
        Shop b = Shops.newShop(dsl);
        loyalty.apply(order(a.id()).customer("only-in-a").line("1", "10.00").paid());

        assertThat(loyalty.balance(b.id(), "only-in-a")).isEmpty();
        assertThatThrownBy(() -> loyalty.ledger(b.id(), "only-in-a", 10)).isInstanceOf(CustomerNotFoundException.class);
    }
}
