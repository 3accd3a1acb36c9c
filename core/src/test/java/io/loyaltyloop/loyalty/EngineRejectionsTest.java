package io.loyaltyloop.loyalty;

import static io.loyaltyloop.db.Tables.PROCESSED_EVENT;
import static io.loyaltyloop.db.Tables.SHOP_ORDER;
import static io.loyaltyloop.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shop.ShopNotFoundException;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.TestDatabase;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/** Events the engine cannot place are refused with a clear error and leave no trace. */
class EngineRejectionsTest {

    private final DSLContext dsl = TestDatabase.dsl();
    private final LoyaltyService loyalty =
            new LoyaltyService(dsl, new MutableClock(Instant.parse("2026-11-01T12:00:00Z")));

    @Test
    void anEventForAnUnknownShopIsRefusedAndWritesNothing() {
        ShopId unknown = new ShopId(Long.MAX_VALUE);

        assertThatThrownBy(() -> loyalty.apply(order(unknown).line("1", "10.00").paid()))
                .isInstanceOf(ShopNotFoundException.class)
                .hasMessage("no shop shop:" + Long.MAX_VALUE);

        assertThat(dsl.fetchCount(PROCESSED_EVENT, PROCESSED_EVENT.SHOP_ID.eq(unknown.value())))
                .isZero();
        assertThat(dsl.fetchCount(SHOP_ORDER, SHOP_ORDER.SHOP_ID.eq(unknown.value())))
                .isZero();
    }
}
