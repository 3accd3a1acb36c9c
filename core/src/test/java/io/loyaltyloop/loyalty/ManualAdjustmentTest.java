package io.loyaltyloop.loyalty;

import static io.loyaltyloop.db.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.lifecycle.CustomerSnapshot;
import io.loyaltyloop.lifecycle.CustomerUpserted;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Shops;
import io.loyaltyloop.testing.TestDatabase;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Manual adjustments need a reason and an actor, are audited, and respect the balance floor. */
class ManualAdjustmentTest {

    private final DSLContext dsl = TestDatabase.dsl();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
    private final LoyaltyService loyalty = new LoyaltyService(dsl, clock);
    private Shop shop;

    @BeforeEach
    void knownCustomer() {
        shop = Shops.newShop(dsl);
        loyalty.apply(new CustomerUpserted(shop.id(), "c", clock.instant(), CustomerSnapshot.ofId("c-1")));
    }

    @Test
    void creditsAreWrittenToTheLedgerWithReasonAndActorAndAudited() {
        Balance balance = loyalty.adjust(
                new ManualAdjustment(shop.id(), "c-1", 250, "  goodwill for late parcel ", "ana@shop.test"));

        assertThat(balance.available()).isEqualTo(250);
        LedgerEntry entry = loyalty.ledger(shop.id(), "c-1", 1).getFirst();
        assertThat(entry)
                .extracting(LedgerEntry::kind, LedgerEntry::reason, LedgerEntry::actor)
                .containsExactly(EntryKind.ADJUST, "goodwill for late parcel", "ana@shop.test");
        var audit = dsl.selectFrom(AUDIT_LOG)
                .where(AUDIT_LOG.SHOP_ID.eq(shop.id().value()))
                .fetchSingle();
        assertThat(audit.getAction()).isEqualTo("points.adjusted");
        assertThat(audit.getActor()).isEqualTo("ana@shop.test");
        assertThat(audit.getDetails().data()).contains("\"points\": \"250\"").contains("goodwill for late parcel");
    }

    @Test
    void aDebitBeyondTheAvailableBalanceIsRefusedAndChangesNothing() {
        loyalty.adjust(new ManualAdjustment(shop.id(), "c-1", 100, "bonus", "ana@shop.test"));

        assertThatThrownBy(() ->
                        loyalty.adjust(new ManualAdjustment(shop.id(), "c-1", -101, "correction", "ana@shop.test")))
                .isInstanceOf(InsufficientPointsException.class);

        assertThat(loyalty.balance(shop.id(), "c-1").orElseThrow().available()).isEqualTo(100);
        assertThat(loyalty.ledger(shop.id(), "c-1", 10)).hasSize(1);
    }

    @Test
    void anAdjustmentWithoutAReasonIsRejected() {
        assertThatThrownBy(() -> new ManualAdjustment(shop.id(), "c-1", 10, " ", "ana@shop.test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an adjustment needs a reason");
    }

    @Test
    void anAdjustmentWithoutAnActorIsRejected() {
        assertThatThrownBy(() -> new ManualAdjustment(shop.id(), "c-1", 10, "bonus", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an adjustment needs an actor");
    }

    @Test
    void aZeroAdjustmentIsRejected() {
        assertThatThrownBy(() -> new ManualAdjustment(shop.id(), "c-1", 0, "bonus", "ana@shop.test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an adjustment must change the balance");
    }

    @Test
    void anAdjustmentOverTenMillionPointsIsRejected() {
        assertThatThrownBy(() -> new ManualAdjustment(shop.id(), "c-1", 10_000_001, "bonus", "ana@shop.test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an adjustment is limited to 10,000,000 points");
    }

    @Test
    void aReasonOverFiveHundredCharactersIsRejected() {
        assertThatThrownBy(() -> new ManualAdjustment(shop.id(), "c-1", 10, "x".repeat(501), "ana@shop.test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the reason is limited to 500 characters");
    }

    @Test
    void anAdjustmentForAnUnknownCustomerIsRefused() {
        assertThatThrownBy(
                        () -> loyalty.adjust(new ManualAdjustment(shop.id(), "nobody", 10, "bonus", "ana@shop.test")))
                .isInstanceOf(CustomerNotFoundException.class);
    }
}
