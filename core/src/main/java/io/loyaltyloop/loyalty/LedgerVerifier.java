package io.loyaltyloop.loyalty;

import static io.loyaltyloop.db.Tables.POINTS_ACCOUNT;
import static io.loyaltyloop.db.Tables.POINTS_LEDGER;
import static io.loyaltyloop.db.Tables.PROGRAM_SETTINGS;
import static io.loyaltyloop.db.Tables.SHOP;
import static io.loyaltyloop.db.Tables.SHOP_ORDER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.sum;

import io.loyaltyloop.shop.ShopId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Checks the books, shop by shop: every balance equals the sum of its ledger, every order's net
 * points equal its ledger entries, and no available balance is negative where the shop forbids it.
 */
public class LedgerVerifier {

    private final DSLContext dsl;

    public LedgerVerifier(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Report verifyAll(Consumer<String> mismatchSink) {
        long accounts = 0;
        List<String> mismatches = new ArrayList<>();
        for (Long shopId :
                dsl.select(SHOP.SHOP_ID).from(SHOP).orderBy(SHOP.SHOP_ID).fetch(SHOP.SHOP_ID)) {
            Report report = verify(new ShopId(shopId), m -> {
                mismatches.add(m);
                mismatchSink.accept(m);
            });
            accounts += report.accounts();
        }
        return new Report(accounts, mismatches.size());
    }

    public Report verify(ShopId shop, Consumer<String> mismatchSink) {
        var ledgerPending = coalesce(sum(POINTS_LEDGER.PENDING_DELTA), 0L).cast(Long.class);
        var ledgerAvailable = coalesce(sum(POINTS_LEDGER.AVAILABLE_DELTA), 0L).cast(Long.class);
        var balances = dsl.select(
                        POINTS_ACCOUNT.CUSTOMER_ID,
                        POINTS_ACCOUNT.PENDING,
                        POINTS_ACCOUNT.AVAILABLE,
                        ledgerPending,
                        ledgerAvailable)
                .from(POINTS_ACCOUNT)
                .leftJoin(POINTS_LEDGER)
                .on(POINTS_LEDGER
                        .SHOP_ID
                        .eq(POINTS_ACCOUNT.SHOP_ID)
                        .and(POINTS_LEDGER.CUSTOMER_ID.eq(POINTS_ACCOUNT.CUSTOMER_ID)))
                .where(POINTS_ACCOUNT.SHOP_ID.eq(shop.value()))
                .groupBy(POINTS_ACCOUNT.CUSTOMER_ID, POINTS_ACCOUNT.PENDING, POINTS_ACCOUNT.AVAILABLE)
                .fetch();
        boolean allowNegative = dsl.select(PROGRAM_SETTINGS.ALLOW_NEGATIVE_BALANCE)
                .from(PROGRAM_SETTINGS)
                .where(PROGRAM_SETTINGS.SHOP_ID.eq(shop.value()))
                .fetchOptional(PROGRAM_SETTINGS.ALLOW_NEGATIVE_BALANCE)
                .orElse(false);

        var bad = new java.util.TreeMap<Long, String>();
        for (var b : balances) {
            long customer = b.value1();
            if (b.value2() != b.value4().longValue() || b.value3() != b.value5().longValue()) {
                bad.put(
                        customer,
                        "balance %d pending / %d available, ledger says %d / %d"
                                .formatted(b.value2(), b.value3(), b.value4(), b.value5()));
            } else if (b.value3() < 0 && !allowNegative) {
                bad.put(customer, "available balance is negative (" + b.value3() + ")");
            }
        }

        // An order's net points are its entries' movements plus what reversals could not take.
        var orderLedger = coalesce(
                        sum(POINTS_LEDGER
                                .PENDING_DELTA
                                .plus(POINTS_LEDGER.AVAILABLE_DELTA)
                                .minus(POINTS_LEDGER.SHORTFALL)),
                        DSL.inline(java.math.BigDecimal.ZERO))
                .cast(Long.class);
        var orders = dsl.select(SHOP_ORDER.CUSTOMER_ID, SHOP_ORDER.EXTERNAL_ID, SHOP_ORDER.POINTS_NET, orderLedger)
                .from(SHOP_ORDER)
                .leftJoin(POINTS_LEDGER)
                .on(POINTS_LEDGER.SHOP_ID.eq(SHOP_ORDER.SHOP_ID).and(POINTS_LEDGER.ORDER_ID.eq(SHOP_ORDER.ORDER_ID)))
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.CUSTOMER_ID.isNotNull())
                .groupBy(SHOP_ORDER.CUSTOMER_ID, SHOP_ORDER.EXTERNAL_ID, SHOP_ORDER.POINTS_NET)
                .having(SHOP_ORDER.POINTS_NET.ne(orderLedger))
                .fetch();
        for (var o : orders) {
            bad.putIfAbsent(
                    o.value1(),
                    "order %s has %d net points, its ledger entries say %d"
                            .formatted(o.value2(), o.value3(), o.value4()));
        }
        bad.forEach((customer, problem) -> mismatchSink.accept(shop + " customer " + customer + ": " + problem));
        return new Report(balances.size(), bad.size());
    }

    /** How many accounts were checked and how many of them are wrong. */
    public record Report(long accounts, long mismatches) {

        public boolean ok() {
            return mismatches == 0;
        }

        @Override
        public String toString() {
            return accounts + " accounts verified, " + mismatches + " mismatches";
        }
    }
}
