package io.loyaltyloop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.shop.NewShop;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.ShopService;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Core's {@link Transactions} on Boot's DSLContext: repositories using the same DSLContext take part
 * in the transaction, and retryable failures are retried.
 */
class SpringTransactionsTest extends BackendTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    ShopService shops;

    @Test
    void statementsOnTheSharedDslContextRunInTheTransaction() {
        List<Object> inTransaction = new Transactions(dsl).inTransaction(() -> List.of(txid(), txid()));
        List<Object> without = List.of(txid(), txid());

        assertThat(inTransaction.get(0)).isEqualTo(inTransaction.get(1));
        assertThat(without.get(0)).as("each statement on its own").isNotEqualTo(without.get(1));
    }

    private Object txid() {
        return dsl.fetchValue("select txid_current()");
    }

    @Test
    void workOfAFacadeIsRolledBackWithTheTransactionAroundIt() {
        NewShop newShop = new NewShop(Platform.SHOPIFY, "rollback-" + UUID.randomUUID(), "Rollback", "EUR", "UTC");

        assertThatThrownBy(() -> new Transactions(dsl).run(() -> {
                    shops.register(newShop);
                    assertThat(shops.findShop(Platform.SHOPIFY, newShop.platformShopKey()))
                            .isPresent();
                    throw new IllegalStateException("abort");
                }))
                .hasMessage("abort");

        assertThat(shops.findShop(Platform.SHOPIFY, newShop.platformShopKey())).isEmpty();
    }

    @Test
    void retriesATransactionThatPostgresAbortedForASerializationFailure() {
        AtomicInteger attempts = new AtomicInteger();

        String result = new Transactions(dsl).inTransaction(() -> {
            if (attempts.incrementAndGet() == 1) {
                dsl.execute("do $$ begin raise exception 'conflict' using errcode = 'serialization_failure'; end $$");
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(2);
    }
}
