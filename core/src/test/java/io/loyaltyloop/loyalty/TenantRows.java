package io.loyaltyloop.loyalty;

import static io.loyaltyloop.db.Tables.CUSTOMER;
import static io.loyaltyloop.db.Tables.POINTS_ACCOUNT;
import static io.loyaltyloop.db.Tables.POINTS_LEDGER;
import static io.loyaltyloop.db.Tables.SHOP_ORDER;

import io.loyaltyloop.db.DefaultSchema;
import io.loyaltyloop.shop.ShopId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Reads a tenant's rows straight from the database, to compare states without the engine's help. */
final class TenantRows {

    private TenantRows() {}

    /** Every row of every table that belongs to the shop, table by table, in primary-key order. */
    static Map<String, List<Map<String, Object>>> all(DSLContext dsl, ShopId shop) {
        Map<String, List<Map<String, Object>>> rows = new TreeMap<>();
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            Field<?> shopId = table.field("shop_id");
            if (shopId == null) {
                continue;
            }
            var select = dsl.selectFrom(table).where(shopId.cast(Long.class).eq(shop.value()));
            var ordered = table.getPrimaryKey() == null
                    ? select
                    : select.orderBy(table.getPrimaryKey().getFields());
            rows.put(table.getName(), ordered.fetch().intoMaps());
        }
        return rows;
    }

    /** The balance rows, by external customer id. */
    static Map<String, Map<String, Object>> accounts(DSLContext dsl, ShopId shop) {
        Map<String, Map<String, Object>> accounts = new TreeMap<>();
        dsl.select(CUSTOMER.EXTERNAL_ID)
                .select(POINTS_ACCOUNT.fields())
                .from(POINTS_ACCOUNT)
                .join(CUSTOMER)
                .on(CUSTOMER.SHOP_ID
                        .eq(POINTS_ACCOUNT.SHOP_ID)
                        .and(CUSTOMER.CUSTOMER_ID.eq(POINTS_ACCOUNT.CUSTOMER_ID)))
                .where(POINTS_ACCOUNT.SHOP_ID.eq(shop.value()))
                .fetch()
                .forEach(r -> accounts.put(
                        r.get(CUSTOMER.EXTERNAL_ID), r.into(POINTS_ACCOUNT).intoMap()));
        return accounts;
    }

    /** Net points per external order id. */
    static Map<String, Long> orderPoints(DSLContext dsl, ShopId shop) {
        Map<String, Long> points = new TreeMap<>();
        dsl.select(SHOP_ORDER.EXTERNAL_ID, SHOP_ORDER.POINTS_NET)
                .from(SHOP_ORDER)
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .fetch()
                .forEach(r -> points.put(r.value1(), r.value2()));
        return points;
    }

    /** Pending and available points per external customer id. */
    static Map<String, List<Long>> balances(DSLContext dsl, ShopId shop) {
        Map<String, List<Long>> balances = new TreeMap<>();
        dsl.select(CUSTOMER.EXTERNAL_ID, POINTS_ACCOUNT.PENDING, POINTS_ACCOUNT.AVAILABLE)
                .from(POINTS_ACCOUNT)
                .join(CUSTOMER)
                .on(CUSTOMER.SHOP_ID
                        .eq(POINTS_ACCOUNT.SHOP_ID)
                        .and(CUSTOMER.CUSTOMER_ID.eq(POINTS_ACCOUNT.CUSTOMER_ID)))
                .where(POINTS_ACCOUNT.SHOP_ID.eq(shop.value()))
                .fetch()
                .forEach(r -> balances.put(r.value1(), List.of(r.value2(), r.value3())));
        return balances;
    }

    /** What must not move when an event is delivered again: the ledger's size, the balances, the orders. */
    static Map<String, Object> books(DSLContext dsl, ShopId shop) {
        Map<String, Object> books = new LinkedHashMap<>();
        books.put("ledger rows", dsl.fetchCount(POINTS_LEDGER, POINTS_LEDGER.SHOP_ID.eq(shop.value())));
        books.put("accounts", accounts(dsl, shop));
        books.put(
                "orders",
                dsl.selectFrom(SHOP_ORDER)
                        .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                        .orderBy(SHOP_ORDER.ORDER_ID)
                        .fetch()
                        .intoMaps());
        return books;
    }

    /** The ids of the customer's ledger entries in the shop. */
    static List<Long> ledgerEntryIds(DSLContext dsl, ShopId shop, String externalCustomerId) {
        return dsl.select(POINTS_LEDGER.ENTRY_ID)
                .from(POINTS_LEDGER)
                .join(CUSTOMER)
                .on(CUSTOMER.SHOP_ID.eq(POINTS_LEDGER.SHOP_ID).and(CUSTOMER.CUSTOMER_ID.eq(POINTS_LEDGER.CUSTOMER_ID)))
                .where(POINTS_LEDGER.SHOP_ID.eq(shop.value()))
                .and(CUSTOMER.EXTERNAL_ID.eq(externalCustomerId))
                .fetch(POINTS_LEDGER.ENTRY_ID);
    }

    /** The lowest available balance in the shop, 0 if it has no accounts. */
    static long minAvailable(DSLContext dsl, ShopId shop) {
        Long min = dsl.select(DSL.min(POINTS_ACCOUNT.AVAILABLE))
                .from(POINTS_ACCOUNT)
                .where(POINTS_ACCOUNT.SHOP_ID.eq(shop.value()))
                .fetchOne(0, Long.class);
        return min == null ? 0 : min;
    }
}
